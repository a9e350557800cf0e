using GeneralistischWerkt.Training.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Accounts;

public record CoachOverview(string DisplayName, PersonRef? Supervisor, IReadOnlyList<TeamSummary> Teams, DateTimeOffset? LastSignInAt);

public record SupervisedCoach(string Id, string DisplayName, string Email, IReadOnlyList<string> Teams, DateTimeOffset? LastSignInAt, DateTimeOffset Since);

public record SupervisorOverview(IReadOnlyList<SupervisedCoach> Coaches, IReadOnlyList<TeamSummary> Teams);

/// <summary>
/// What the start pages show. Every query is keyed on the signed-in user's own id, so a coach only ever reads their
/// own data and a werkbegeleider only the coaches currently assigned to them.
/// </summary>
public class StartPageQueries(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public async Task<CoachOverview?> ForCoachAsync(string coachId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var coach = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == coachId);
        if (coach is null) return null;
        var supervisor = await db.SupervisorAssignments.AsNoTracking()
            .Where(a => a.CoachId == coachId && a.EndedAt == null)
            .Select(a => new PersonRef(a.SupervisorId, a.Supervisor!.DisplayName))
            .SingleOrDefaultAsync();
        var teams = await TeamsOfAsync(db, coachId);
        return new CoachOverview(coach.DisplayName, supervisor, teams, coach.LastSignInAt);
    }

    public async Task<SupervisorOverview> ForSupervisorAsync(string supervisorId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var assignments = await db.SupervisorAssignments.AsNoTracking()
            .Where(a => a.SupervisorId == supervisorId && a.EndedAt == null)
            .Select(a => new { a.StartedAt, a.Coach })
            .ToListAsync();
        var coachIds = assignments.Select(a => a.Coach!.Id).ToList();
        var teamNames = await db.TeamMemberships.AsNoTracking()
            .Where(m => coachIds.Contains(m.UserId) && m.Role == TeamRole.Member)
            .Select(m => new { m.UserId, m.Team!.Name })
            .ToListAsync();
        var coaches = assignments
            .Select(a => new SupervisedCoach(a.Coach!.Id, a.Coach.DisplayName, a.Coach.Email ?? "",
                teamNames.Where(t => t.UserId == a.Coach.Id).Select(t => t.Name).OrderBy(n => n).ToList(),
                a.Coach.LastSignInAt, a.StartedAt))
            .OrderBy(c => c.DisplayName)
            .ToList();
        return new SupervisorOverview(coaches, await TeamsOfAsync(db, supervisorId));
    }

    private static async Task<IReadOnlyList<TeamSummary>> TeamsOfAsync(ApplicationDbContext db, string userId)
    {
        var teams = await db.Teams.AsNoTracking()
            .Where(t => t.Memberships.Any(m => m.UserId == userId))
            .Include(t => t.Memberships).ThenInclude(m => m.User)
            .OrderBy(t => t.Name)
            .ToListAsync();
        return teams.Select(t => new TeamSummary(t.Id, t.Name,
            t.Memberships.Where(m => m.Role == TeamRole.Supervisor).Select(m => new PersonRef(m.UserId, m.User!.DisplayName)).OrderBy(p => p.DisplayName).ToList(),
            t.Memberships.Where(m => m.Role == TeamRole.Member).Select(m => new PersonRef(m.UserId, m.User!.DisplayName)).OrderBy(p => p.DisplayName).ToList()))
            .ToList();
    }
}
