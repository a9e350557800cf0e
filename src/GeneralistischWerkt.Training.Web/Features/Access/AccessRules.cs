using GeneralistischWerkt.Training.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Access;

/// <summary>
/// Who may see whose data, decided on the server in this one place. Pages and queries ask here; they never
/// decide for themselves.
/// </summary>
public class AccessRules(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    /// <summary>
    /// A coach's learning progress is visible to the coach and to their current werkbegeleider, nobody else
    /// (a beheerder manages accounts, not learning).
    /// </summary>
    public async Task<bool> CanSeeProgressOfAsync(string viewerId, string coachId)
    {
        if (viewerId == coachId) return true;
        return await IsCurrentSupervisorAsync(viewerId, coachId);
    }

    public async Task<bool> IsCurrentSupervisorAsync(string supervisorId, string coachId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.SupervisorAssignments.AnyAsync(a =>
            a.CoachId == coachId && a.SupervisorId == supervisorId && a.EndedAt == null);
    }
}
