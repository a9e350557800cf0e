using GeneralistischWerkt.Training.Web.Features.Editing;
using GeneralistischWerkt.Training.Core.Formatting;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Accounts;

/// <summary>Teams: a name, coaches as members and at least one werkbegeleider. One DI scope per operation.</summary>
public class TeamAdministration(IServiceScopeFactory scopeFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<TeamSummary>> ListTeamsAsync()
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await SummariesAsync(db.Teams);
    }

    public async Task<TeamSummary?> GetTeamAsync(int id)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return (await SummariesAsync(db.Teams.Where(t => t.Id == id))).SingleOrDefault();
    }

    /// <summary>Active accounts with the given role, for the pickers on the team pages.</summary>
    public async Task<IReadOnlyList<PersonRef>> ListPeopleInRoleAsync(string role)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.GetUsersInRoleAsync(role)).Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new PersonRef(u.Id, u.DisplayName)).ToList();
    }

    public async Task<AdminResult<int>> CreateTeamAsync(string name, IReadOnlyCollection<string> supervisorIds,
        IReadOnlyCollection<string> memberIds)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var trimmed = name?.Trim() ?? "";
        var errors = new List<string>();
        errors.AddRange(await NameErrorsAsync(db, trimmed, exceptTeamId: null));
        if (supervisorIds.Count == 0) errors.Add("Een team heeft minstens één werkbegeleider nodig.");
        foreach (var id in supervisorIds.Distinct())
            errors.AddRange(await RoleErrorsAsync(users, id, TeamRole.Supervisor));
        foreach (var id in memberIds.Distinct())
            errors.AddRange(await RoleErrorsAsync(users, id, TeamRole.Member));
        if (supervisorIds.Intersect(memberIds).Any()) errors.Add("Iemand kan niet tegelijk lid en werkbegeleider van een team zijn.");
        if (errors.Count > 0) return AdminResult<int>.Fail([.. errors]);

        var team = new Team { Name = trimmed, CreatedAt = clock.GetUtcNow() };
        team.Memberships.AddRange(supervisorIds.Distinct().Select(id => new TeamMembership { UserId = id, Role = TeamRole.Supervisor }));
        team.Memberships.AddRange(memberIds.Distinct().Select(id => new TeamMembership { UserId = id, Role = TeamRole.Member }));
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return AdminResult<int>.Ok(team.Id);
    }

    public async Task<AdminResult> RenameTeamAsync(int teamId, string name)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var team = await db.Teams.FindAsync(teamId);
        if (team is null) return AdminResult.Fail("Dit team bestaat niet.");
        var trimmed = name?.Trim() ?? "";
        var errors = await NameErrorsAsync(db, trimmed, teamId);
        if (errors.Count > 0) return AdminResult.Fail([.. errors]);
        team.Name = trimmed;
        await db.SaveChangesAsync();
        return AdminResult.Ok();
    }

    public async Task<AdminResult> AddAsync(int teamId, string userId, TeamRole role)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (!Enum.IsDefined(role)) return AdminResult.Fail("Kies lid of werkbegeleider als rol in het team.");
        if (!await db.Teams.AnyAsync(t => t.Id == teamId)) return AdminResult.Fail("Dit team bestaat niet.");
        var errors = await RoleErrorsAsync(users, userId, role);
        if (errors.Count > 0) return AdminResult.Fail([.. errors]);
        var existing = await db.TeamMemberships.FindAsync(teamId, userId);
        if (existing is not null)
            return existing.Role == role ? AdminResult.Ok() : AdminResult.Fail("Deze persoon zit al in het team met een andere rol.");
        db.TeamMemberships.Add(new TeamMembership { TeamId = teamId, UserId = userId, Role = role });
        await db.SaveChangesAsync();
        return AdminResult.Ok();
    }

    public async Task<AdminResult> RemoveAsync(int teamId, string userId)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var membership = await db.TeamMemberships.FindAsync(teamId, userId);
        if (membership is null) return AdminResult.Fail("Deze persoon zit niet in dit team.");
        if (membership.Role == TeamRole.Supervisor &&
            await db.TeamMemberships.CountAsync(m => m.TeamId == teamId && m.Role == TeamRole.Supervisor) <= 1)
            return AdminResult.Fail("Een team heeft minstens één werkbegeleider nodig: voeg eerst een andere toe.");
        db.TeamMemberships.Remove(membership);
        await db.SaveChangesAsync();
        return AdminResult.Ok();
    }

    private static async Task<List<string>> NameErrorsAsync(ApplicationDbContext db, string name, int? exceptTeamId)
    {
        if (name.Length == 0) return ["Geef het team een naam."];
        if (name.Length > TextLimits.TeamName) return [$"De teamnaam mag hoogstens {TextLimits.TeamName} tekens lang zijn."];
        if (DisplayText.HasBidiControls(name)) return [DisplayText.BidiMessage("De teamnaam")];
        var lower = name.ToLower();
        var taken = await db.Teams.AnyAsync(t => t.Id != exceptTeamId && t.Name.ToLower() == lower);
        return taken ? [$"Er bestaat al een team met de naam '{name}'."] : [];
    }

    private static async Task<List<string>> RoleErrorsAsync(UserManager<ApplicationUser> users, string userId, TeamRole role)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return ["Een gekozen persoon bestaat niet."];
        if (!user.IsActive) return [$"{user.DisplayName} is gedeactiveerd."];
        var needed = role == TeamRole.Supervisor ? Roles.Supervisor : Roles.Coach;
        return await users.IsInRoleAsync(user, needed)
            ? []
            : [role == TeamRole.Supervisor
                ? $"{user.DisplayName} heeft de rol werkbegeleider niet."
                : $"{user.DisplayName} heeft de rol coach niet."];
    }

    private static async Task<IReadOnlyList<TeamSummary>> SummariesAsync(IQueryable<Team> teams)
    {
        var list = await teams.AsNoTracking()
            .Include(t => t.Memberships).ThenInclude(m => m.User)
            .OrderBy(t => t.Name)
            .ToListAsync();
        return list.Select(t => new TeamSummary(
            t.Id,
            t.Name,
            People(t, TeamRole.Supervisor),
            People(t, TeamRole.Member))).ToList();

        static List<PersonRef> People(Team team, TeamRole role) => team.Memberships
            .Where(m => m.Role == role)
            .Select(m => new PersonRef(m.UserId, m.User!.DisplayName))
            .OrderBy(p => p.DisplayName)
            .ToList();
    }
}
