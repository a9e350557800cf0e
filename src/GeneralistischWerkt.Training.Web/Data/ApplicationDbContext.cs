using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GeneralistischWerkt.Training.Web.Data;

public class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();
    public DbSet<SupervisorAssignment> SupervisorAssignments => Set<SupervisorAssignment>();
    public DbSet<LessonCompletion> LessonCompletions => Set<LessonCompletion>();
    public DbSet<CheckAnswer> CheckAnswers => Set<CheckAnswer>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
        });

        builder.Entity<Team>(team =>
        {
            team.Property(t => t.Name).HasMaxLength(200).IsRequired();
            team.HasIndex(t => t.Name).IsUnique();
        });

        builder.Entity<TeamMembership>(membership =>
        {
            membership.HasKey(m => new { m.TeamId, m.UserId });
            membership.HasOne(m => m.Team).WithMany(t => t.Memberships).HasForeignKey(m => m.TeamId)
                .OnDelete(DeleteBehavior.Cascade);
            membership.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SupervisorAssignment>(assignment =>
        {
            assignment.HasOne(a => a.Coach).WithMany().HasForeignKey(a => a.CoachId).OnDelete(DeleteBehavior.Cascade);
            assignment.HasOne(a => a.Supervisor).WithMany().HasForeignKey(a => a.SupervisorId)
                .OnDelete(DeleteBehavior.Restrict);
            assignment.HasIndex(a => a.CoachId).IsUnique().HasFilter("\"EndedAt\" IS NULL");
        });

        builder.Entity<LessonCompletion>(completion =>
        {
            completion.HasKey(c => new { c.UserId, c.LessonId });
            completion.Property(c => c.LessonId).HasMaxLength(100);
            completion.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CheckAnswer>(answer =>
        {
            answer.Property(a => a.LessonId).HasMaxLength(100);
            answer.Property(a => a.CheckId).HasMaxLength(100);
            answer.Property(a => a.AnswerJson).HasMaxLength(8000);
            answer.HasIndex(a => new { a.UserId, a.LessonId, a.CheckId });
            answer.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        // SQLite cannot order or compare DateTimeOffset; store UTC ticks so queries sort correctly on every provider.
        if (Database.IsSqlite())
        {
            foreach (var entity in builder.Model.GetEntityTypes())
            {
                foreach (var property in entity.GetProperties())
                {
                    if (property.ClrType == typeof(DateTimeOffset))
                        property.SetValueConverter(new DateTimeOffsetToBinaryConverter());
                    else if (property.ClrType == typeof(DateTimeOffset?))
                        property.SetValueConverter(new DateTimeOffsetToBinaryConverter());
                }
            }
        }
    }
}
