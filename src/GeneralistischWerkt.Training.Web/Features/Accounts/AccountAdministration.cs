using GeneralistischWerkt.Training.Web.Features.Editing;
using GeneralistischWerkt.Training.Core.Formatting;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Reflections;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Accounts;

/// <summary>
/// The beheerder's account operations and their rules. Each call runs in its own DI scope, so it gets its own
/// DbContext and UserManager: pages on an interactive circuit must not share one context across operations.
/// </summary>
public class AccountAdministration(IServiceScopeFactory scopeFactory, TimeProvider clock, ILogger<AccountAdministration> logger)
{
    public async Task<IReadOnlyList<AccountSummary>> ListAccountsAsync()
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await AccountQueries.SummariesAsync(db, db.Users);
    }

    public async Task<AccountSummary?> GetAccountAsync(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return (await AccountQueries.SummariesAsync(db, db.Users.Where(u => u.Id == id))).SingleOrDefault();
    }

    public async Task<AdminResult<string>> CreateAccountAsync(NewAccount input)
    {
        var errors = new List<string>();
        var name = input.DisplayName?.Trim() ?? "";
        var email = input.Email?.Trim() ?? "";
        if (name.Length == 0) errors.Add("Vul een naam in.");
        if (name.Length > TextLimits.PersonName) errors.Add($"De naam mag hoogstens {TextLimits.PersonName} tekens lang zijn.");
        if (DisplayText.HasBidiControls(name)) errors.Add(DisplayText.BidiMessage("De naam"));
        if (email.Length == 0) errors.Add("Vul een e-mailadres in.");
        if (string.IsNullOrEmpty(input.Password)) errors.Add("Vul een startwachtwoord in.");
        errors.AddRange(RoleErrors(input.Roles));
        if (errors.Count > 0) return AdminResult<string>.Fail([.. errors]);

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not null)
            return AdminResult<string>.Fail($"Er bestaat al een account met het e-mailadres '{email}'.");

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = clock.GetUtcNow(),
            MustChangePassword = input.MustChangePassword,
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded) return AdminResult<string>.Fail(Describe(created));
        var roles = await users.AddToRolesAsync(user, input.Roles.Distinct());
        if (!roles.Succeeded)
        {
            await users.DeleteAsync(user);
            return AdminResult<string>.Fail(Describe(roles));
        }
        return AdminResult<string>.Ok(user.Id);
    }

    public async Task<AdminResult> SetActiveAsync(string userId, bool active, string actingUserId)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AdminResult.Fail("Dit account bestaat niet.");
        if (user.IsActive == active) return AdminResult.Ok();
        if (!active)
        {
            if (userId == actingUserId) return AdminResult.Fail("Je kan je eigen account niet deactiveren.");
            if (await users.IsInRoleAsync(user, Roles.Admin) && await CountActiveAdminsAsync(users) <= 1)
                return AdminResult.Fail("Dit is de laatste actieve beheerder: maak eerst een andere beheerder aan.");
        }

        user.IsActive = active;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return AdminResult.Fail(Describe(updated));
        // A new stamp invalidates the deactivated user's cookie and open interactive pages.
        if (!active) await users.UpdateSecurityStampAsync(user);
        return AdminResult.Ok();
    }

    public async Task<AdminResult> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, string actingUserId)
    {
        var roleErrors = RoleErrors(roles).ToArray();
        if (roleErrors.Length > 0) return AdminResult.Fail(roleErrors);

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AdminResult.Fail("Dit account bestaat niet.");

        var current = await users.GetRolesAsync(user);
        var removed = current.Except(roles).ToList();
        var added = roles.Except(current).Distinct().ToList();

        if (removed.Contains(Roles.Admin) && userId == actingUserId)
            return AdminResult.Fail("Je kan je eigen beheerdersrol niet afnemen.");
        if (removed.Contains(Roles.Supervisor))
        {
            var stillSupervising = await db.SupervisorAssignments.AnyAsync(a => a.SupervisorId == userId && a.EndedAt == null)
                || await db.TeamMemberships.AnyAsync(m => m.UserId == userId && m.Role == TeamRole.Supervisor);
            if (stillSupervising)
                return AdminResult.Fail("Deze persoon begeleidt nog coaches of teams. Wijs die eerst aan een andere werkbegeleider toe.");
        }

        if (removed.Count > 0)
        {
            var result = await users.RemoveFromRolesAsync(user, removed);
            if (!result.Succeeded) return AdminResult.Fail(Describe(result));
        }
        if (added.Count > 0)
        {
            var result = await users.AddToRolesAsync(user, added);
            if (!result.Succeeded) return AdminResult.Fail(Describe(result));
        }
        if (removed.Contains(Roles.Coach))
        {
            // Someone who is no longer a coach has no werkbegeleider and is no team member any more.
            var ended = await EndOpenAssignmentAsync(db, userId);
            db.TeamMemberships.RemoveRange(db.TeamMemberships.Where(m => m.UserId == userId && m.Role == TeamRole.Member));
            await db.SaveChangesAsync();
            await NotifySupervisionEndedAsync(scope.ServiceProvider, db, ended);
        }
        await users.UpdateSecurityStampAsync(user);
        return AdminResult.Ok();
    }

    /// <summary>Ends a lockout after too many wrong passwords, so the account can sign in again at once.</summary>
    public async Task<AdminResult> UnlockAsync(string userId, string actingUserId)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AdminResult.Fail("Dit account bestaat niet.");
        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        if (!unlocked.Succeeded) return AdminResult.Fail(Describe(unlocked));
        await users.ResetAccessFailedCountAsync(user);
        scope.ServiceProvider.GetService<SignInFailures>()?.Forget(userId);
        logger.LogInformation("Beheerder {ActingUserId} ontgrendelde account {UserId}.", actingUserId, userId);
        return AdminResult.Ok();
    }

    /// <summary>
    /// Sets a temporary password the beheerder passes on; the user must replace it at the next sign-in. Other sessions
    /// of the account end (new security stamp) and a lockout is lifted, so the temporary password works at once.
    /// </summary>
    public async Task<AdminResult> ResetPasswordAsync(string userId, string? temporaryPassword, string actingUserId)
    {
        if (string.IsNullOrEmpty(temporaryPassword)) return AdminResult.Fail("Vul een tijdelijk wachtwoord in.");
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AdminResult.Fail("Dit account bestaat niet.");

        // Identity's own reset token: the same validated path (password rules, new stamp) as "wachtwoord vergeten".
        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.MustChangePassword = true;
        var reset = await users.ResetPasswordAsync(user, token, temporaryPassword);
        if (!reset.Succeeded) return AdminResult.Fail(Describe(reset));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        scope.ServiceProvider.GetService<SignInFailures>()?.Forget(userId);
        logger.LogInformation("Beheerder {ActingUserId} stelde een tijdelijk wachtwoord in voor account {UserId}.", actingUserId, userId);
        return AdminResult.Ok();
    }

    /// <summary>Gives a coach a (new) werkbegeleider, or none when supervisorId is null. A coach has at most one.</summary>
    public async Task<AdminResult> AssignSupervisorAsync(string coachId, string? supervisorId)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        var coach = await users.FindByIdAsync(coachId);
        if (coach is null) return AdminResult.Fail("Dit account bestaat niet.");
        if (!await users.IsInRoleAsync(coach, Roles.Coach))
            return AdminResult.Fail("Alleen een coach kan een werkbegeleider krijgen.");

        var open = await db.SupervisorAssignments.SingleOrDefaultAsync(a => a.CoachId == coachId && a.EndedAt == null);
        if (open?.SupervisorId == supervisorId) return AdminResult.Ok();

        if (supervisorId is not null)
        {
            if (supervisorId == coachId) return AdminResult.Fail("Een coach kan niet zijn of haar eigen werkbegeleider zijn.");
            var supervisor = await users.FindByIdAsync(supervisorId);
            if (supervisor is null) return AdminResult.Fail("Deze werkbegeleider bestaat niet.");
            if (!supervisor.IsActive) return AdminResult.Fail("Deze werkbegeleider is gedeactiveerd.");
            if (!await users.IsInRoleAsync(supervisor, Roles.Supervisor))
                return AdminResult.Fail($"{supervisor.DisplayName} heeft de rol werkbegeleider niet.");
        }

        var now = clock.GetUtcNow();
        if (open is not null) open.EndedAt = now;
        await db.SaveChangesAsync();
        if (open is not null) await NotifySupervisionEndedAsync(scope.ServiceProvider, db, [open]);
        if (supervisorId is not null)
        {
            db.SupervisorAssignments.Add(new SupervisorAssignment { CoachId = coachId, SupervisorId = supervisorId, StartedAt = now });
            await db.SaveChangesAsync();
        }
        return AdminResult.Ok();
    }

    private async Task<List<SupervisorAssignment>> EndOpenAssignmentAsync(ApplicationDbContext db, string coachId)
    {
        var open = await db.SupervisorAssignments.Where(a => a.CoachId == coachId && a.EndedAt == null).ToListAsync();
        foreach (var assignment in open) assignment.EndedAt = clock.GetUtcNow();
        return open;
    }

    /// <summary>
    /// After the end is saved: open pages of the former werkbegeleider on the coach's reflections shared with them
    /// re-check their access (and close).
    /// </summary>
    private static async Task NotifySupervisionEndedAsync(IServiceProvider services, ApplicationDbContext db,
        IReadOnlyCollection<SupervisorAssignment> ended)
    {
        var notifier = services.GetRequiredService<ReflectionAccessNotifier>();
        foreach (var assignment in ended)
            await notifier.AccessChangedAsync(await db.Reflections
                .Where(r => r.AuthorId == assignment.CoachId && r.SharedWithId == assignment.SupervisorId)
                .Select(r => r.Id).ToListAsync());
    }

    private static async Task<int> CountActiveAdminsAsync(UserManager<ApplicationUser> users) =>
        (await users.GetUsersInRoleAsync(Roles.Admin)).Count(u => u.IsActive);

    private static IEnumerable<string> RoleErrors(IReadOnlyCollection<string>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            yield return "Kies minstens één rol.";
            yield break;
        }
        foreach (var role in roles.Where(r => !Roles.All.Contains(r)))
            yield return $"'{role}' is geen rol van deze toepassing.";
    }

    private static string[] Describe(IdentityResult result) =>
        result.Errors.Select(e => e.Description).Distinct().ToArray();
}
