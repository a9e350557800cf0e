using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GeneralistischWerkt.Training.Web.Data;

/// <summary>
/// The model, the same for every provider. This type carries the SQLite migrations (Data/Migrations);
/// <see cref="PostgresDbContext"/> adds nothing but its own migration set (Data/PostgresMigrations).
/// </summary>
public class ApplicationDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : base(options) { }

    /// <summary>For a provider's own context type, so EF Core finds that provider's migrations.</summary>
    protected ApplicationDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();
    public DbSet<SupervisorAssignment> SupervisorAssignments => Set<SupervisorAssignment>();
    public DbSet<LessonCompletion> LessonCompletions => Set<LessonCompletion>();
    public DbSet<CheckAnswer> CheckAnswers => Set<CheckAnswer>();
    public DbSet<ScenarioAttempt> ScenarioAttempts => Set<ScenarioAttempt>();
    public DbSet<AttemptStep> AttemptSteps => Set<AttemptStep>();
    public DbSet<Reflection> Reflections => Set<Reflection>();
    public DbSet<ReflectionRead> ReflectionReads => Set<ReflectionRead>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<SupervisionSession> SupervisionSessions => Set<SupervisionSession>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<LiveSession> LiveSessions => Set<LiveSession>();
    public DbSet<LiveParticipant> LiveParticipants => Set<LiveParticipant>();
    public DbSet<LiveJoinFailure> LiveJoinFailures => Set<LiveJoinFailure>();
    public DbSet<PracticeSession> PracticeSessions => Set<PracticeSession>();
    public DbSet<PracticeStep> PracticeSteps => Set<PracticeStep>();
    public DbSet<PracticeVote> PracticeVotes => Set<PracticeVote>();
    public DbSet<PracticeTick> PracticeTicks => Set<PracticeTick>();
    public DbSet<PeerReview> PeerReviews => Set<PeerReview>();
    public DbSet<PeerReviewContribution> PeerReviewContributions => Set<PeerReviewContribution>();

    /// <summary>
    /// The keys that protect sign-in cookies, antiforgery tokens and circuits, shared by every instance of the app
    /// (see Features/Hosting/SeveralInstances.cs).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Names and titles users typed are read without bidirectional formatting characters, so every page, list,
    /// claim and export shows them neutralised, also when they were stored before input was checked.
    /// </summary>
    private static readonly ValueConverter<string, string> ShownNeutral =
        new(text => text, text => GeneralistischWerkt.Training.Core.Formatting.DisplayText.Neutralise(text));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200).HasConversion(ShownNeutral);
        });

        builder.Entity<Team>(team =>
        {
            team.Property(t => t.Name).HasMaxLength(200).IsRequired().HasConversion(ShownNeutral);
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

        builder.Entity<ScenarioAttempt>(attempt =>
        {
            attempt.Property(a => a.ScenarioId).HasMaxLength(100);
            attempt.Property(a => a.Outcome).HasMaxLength(20);
            attempt.HasIndex(a => new { a.UserId, a.ScenarioId });
            attempt.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
            attempt.HasMany(a => a.Steps).WithOne(s => s.Attempt).HasForeignKey(s => s.AttemptId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AttemptStep>(step =>
        {
            step.Property(s => s.NodeId).HasMaxLength(100);
            step.Property(s => s.ChoiceText).HasMaxLength(2000);
            step.Property(s => s.ReflectionAnswer).HasMaxLength(8000);
            step.HasIndex(s => new { s.AttemptId, s.Index }).IsUnique();
        });

        builder.Entity<Reflection>(reflection =>
        {
            reflection.Property(r => r.Title).HasMaxLength(300).HasConversion(ShownNeutral);
            reflection.Property(r => r.TemplateId).HasMaxLength(40);
            reflection.Property(r => r.ContextKind).HasMaxLength(20);
            reflection.Property(r => r.ContextId).HasMaxLength(100);
            reflection.Property(r => r.Dimensions).HasMaxLength(200);
            reflection.Property(r => r.Version).IsConcurrencyToken();
            reflection.HasIndex(r => r.AuthorId);
            reflection.HasIndex(r => r.SharedWithId);
            reflection.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReflectionRead>(read =>
        {
            read.HasIndex(r => r.ReflectionId);
            read.HasOne<Reflection>().WithMany().HasForeignKey(r => r.ReflectionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Comment>(comment =>
        {
            comment.Property(c => c.Text).HasMaxLength(4000);
            comment.HasIndex(c => c.ReflectionId);
            comment.HasIndex(c => c.AttemptId);
            comment.HasOne<Reflection>().WithMany().HasForeignKey(c => c.ReflectionId).OnDelete(DeleteBehavior.Cascade);
            comment.HasOne<ScenarioAttempt>().WithMany().HasForeignKey(c => c.AttemptId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SupervisionSession>(session =>
        {
            session.HasIndex(s => new { s.SupervisorId, s.CoachId });
            session.Property(s => s.Version).IsConcurrencyToken();
            session.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.CoachId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Agreement>(agreement =>
        {
            agreement.Property(a => a.What).HasMaxLength(1000);
            agreement.Property(a => a.Who).HasMaxLength(200);
            agreement.Property(a => a.ProgressNote).HasMaxLength(2000);
            agreement.Property(a => a.Version).IsConcurrencyToken();
            agreement.HasIndex(a => new { a.CoachId, a.Status });
            agreement.HasOne<SupervisionSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
            agreement.HasOne<LiveSession>().WithMany().HasForeignKey(a => a.PeerReviewId).OnDelete(DeleteBehavior.SetNull);
        });

        ConfigureLiveSessions(builder);
        ConfigurePractice(builder);
        ConfigurePeerReviews(builder);

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

    /// <summary>The live-session mechanism shared by team practice and intervisie (Features/Live).</summary>
    private static void ConfigureLiveSessions(ModelBuilder builder)
    {
        builder.Entity<LiveSession>(session =>
        {
            session.Property(s => s.Title).HasMaxLength(GeneralistischWerkt.Training.Web.Features.Editing.TextLimits.LiveSessionTitle).HasConversion(ShownNeutral);
            session.Property(s => s.JoinCode).HasMaxLength(16);
            session.Property(s => s.Phase).HasMaxLength(40);
            session.Property(s => s.Version).IsConcurrencyToken();
            session.HasIndex(s => s.JoinCode).IsUnique();
            session.HasIndex(s => new { s.TeamId, s.Status });
            session.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.FacilitatorId).OnDelete(DeleteBehavior.Restrict);
            session.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
            session.HasMany(s => s.Participants).WithOne(p => p.Session).HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<LiveParticipant>(participant =>
        {
            participant.Property(p => p.Role).HasMaxLength(40);
            participant.HasIndex(p => new { p.SessionId, p.UserId }).IsUnique();
            participant.HasIndex(p => p.UserId);
            participant.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<LiveJoinFailure>(failure =>
        {
            failure.HasIndex(f => new { f.UserId, f.At });
            failure.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    /// <summary>Team practice (Features/Practice): the practice kind's rows of a live session.</summary>
    private static void ConfigurePractice(ModelBuilder builder)
    {
        builder.Entity<PracticeSession>(practice =>
        {
            practice.HasKey(p => p.LiveSessionId);
            practice.Property(p => p.ScenarioId).HasMaxLength(100);
            practice.HasOne(p => p.Session).WithOne().HasForeignKey<PracticeSession>(p => p.LiveSessionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PracticeStep>(step =>
        {
            step.Property(s => s.NodeId).HasMaxLength(100);
            step.Property(s => s.ChoiceText).HasMaxLength(2000);
            step.HasIndex(s => new { s.SessionId, s.Index }).IsUnique();
            step.HasOne<LiveSession>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PracticeVote>(vote =>
        {
            vote.HasIndex(v => new { v.SessionId, v.StepIndex, v.UserId }).IsUnique();
            vote.HasOne<LiveSession>().WithMany().HasForeignKey(v => v.SessionId).OnDelete(DeleteBehavior.Cascade);
            vote.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PracticeTick>(tick =>
        {
            tick.Property(t => t.ItemId).HasMaxLength(100);
            tick.Property(t => t.Note).HasMaxLength(GeneralistischWerkt.Training.Web.Features.Editing.TextLimits.ObservationNote);
            tick.HasIndex(t => new { t.SessionId, t.UserId, t.ItemId }).IsUnique();
            tick.HasOne<LiveSession>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
            tick.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    /// <summary>Intervisie (Features/PeerReviews): the intervisie kind's rows of a live session.</summary>
    private static void ConfigurePeerReviews(ModelBuilder builder)
    {
        builder.Entity<PeerReview>(review =>
        {
            review.HasKey(r => r.LiveSessionId);
            review.Property(r => r.MethodId).HasMaxLength(100);
            review.Property(r => r.CaseDescription).HasMaxLength(GeneralistischWerkt.Training.Web.Features.Editing.TextLimits.CaseDescription);
            review.Property(r => r.CaseQuestion).HasMaxLength(GeneralistischWerkt.Training.Web.Features.Editing.TextLimits.CaseQuestion);
            review.Property(r => r.Evaluation).HasMaxLength(GeneralistischWerkt.Training.Web.Features.Editing.TextLimits.PeerReviewEvaluation);
            review.Property(r => r.Version).IsConcurrencyToken();
            review.HasIndex(r => r.CaseOwnerId);
            review.HasOne(r => r.Session).WithOne().HasForeignKey<PeerReview>(r => r.LiveSessionId).OnDelete(DeleteBehavior.Cascade);
            review.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.CaseOwnerId).OnDelete(DeleteBehavior.Restrict);
            // An attached reflection or attempt the owner deletes later is simply no longer attached.
            review.HasOne<Reflection>().WithMany().HasForeignKey(r => r.AttachedReflectionId).OnDelete(DeleteBehavior.SetNull);
            review.HasOne<ScenarioAttempt>().WithMany().HasForeignKey(r => r.AttachedAttemptId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<PeerReviewContribution>(contribution =>
        {
            contribution.Property(c => c.Text).HasMaxLength(GeneralistischWerkt.Training.Web.Features.Editing.TextLimits.Contribution);
            contribution.Property(c => c.Answer).HasMaxLength(GeneralistischWerkt.Training.Web.Features.Editing.TextLimits.Contribution);
            contribution.Property(c => c.CoreAttitudeId).HasMaxLength(100);
            contribution.HasIndex(c => new { c.SessionId, c.PhaseIndex });
            contribution.HasIndex(c => c.AuthorId);
            contribution.HasOne<LiveSession>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
            contribution.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
