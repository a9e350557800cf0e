using GeneralistischWerkt.Training.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Accounts;

/// <summary>Read models about accounts, shared by the beheerder pages and the role start pages.</summary>
public static class AccountQueries
{
    public static async Task<IReadOnlyList<AccountSummary>> SummariesAsync(ApplicationDbContext db, IQueryable<ApplicationUser> users)
    {
        var list = await users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync();
        var ids = list.Select(u => u.Id).ToList();

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync();
        var supervisors = await (from a in db.SupervisorAssignments
                                 where a.EndedAt == null && ids.Contains(a.CoachId)
                                 select new { a.CoachId, a.SupervisorId, a.Supervisor!.DisplayName }).ToListAsync();
        var teams = await (from m in db.TeamMemberships
                           where ids.Contains(m.UserId)
                           select new { m.UserId, m.Team!.Name }).ToListAsync();

        return list.Select(u =>
        {
            var supervisor = supervisors.FirstOrDefault(s => s.CoachId == u.Id);
            return new AccountSummary(
                u.Id,
                u.DisplayName,
                u.Email ?? "",
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(n => n).ToList(),
                u.IsActive,
                supervisor?.SupervisorId,
                supervisor?.DisplayName,
                teams.Where(t => t.UserId == u.Id).Select(t => t.Name).OrderBy(n => n).ToList(),
                u.LastSignInAt,
                u.LockoutEnd,
                u.MustChangePassword);
        }).ToList();
    }
}
