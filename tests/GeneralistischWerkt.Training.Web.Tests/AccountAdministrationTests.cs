using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Accounts;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Tests;

public class AccountAdministrationTests : IAsyncLifetime
{
    private TestDatabase db = default!;

    public async Task InitializeAsync() => db = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task Creates_an_account_with_its_roles()
    {
        var id = await db.CreateAsync("Ann Coach", Roles.Coach);
        var account = await db.Accounts.GetAccountAsync(id);
        Assert.NotNull(account);
        Assert.Equal("Ann Coach", account.DisplayName);
        Assert.Equal([Roles.Coach], account.Roles);
        Assert.True(account.IsActive);
    }

    [Fact]
    public async Task Duplicate_email_is_refused_with_a_Dutch_message_whatever_the_case()
    {
        await db.CreateAsync("Ann Coach", Roles.Coach, "ann@test.be");
        var result = await db.Accounts.CreateAccountAsync(new NewAccount("Andere Ann", "ANN@test.be", "Geldig-Wachtwoord-1", [Roles.Coach]));
        Assert.False(result.Succeeded);
        Assert.Equal(["Er bestaat al een account met het e-mailadres 'ANN@test.be'."], result.Errors);
    }

    [Fact]
    public async Task Missing_fields_and_unknown_roles_are_refused_in_Dutch()
    {
        var result = await db.Accounts.CreateAccountAsync(new NewAccount(" ", "", "", ["Directeur"]));
        Assert.Equal(["Vul een naam in.", "Vul een e-mailadres in.", "Vul een startwachtwoord in.", "'Directeur' is geen rol van deze toepassing."], result.Errors);
        var noRole = await db.Accounts.CreateAccountAsync(new NewAccount("X", "x@test.be", "Geldig-Wachtwoord-1", []));
        Assert.Equal(["Kies minstens één rol."], noRole.Errors);
    }

    [Fact]
    public async Task Weak_password_is_refused_with_Dutch_policy_messages()
    {
        var result = await db.Accounts.CreateAccountAsync(new NewAccount("Zwak", "zwak@test.be", "kort", [Roles.Coach]));
        Assert.False(result.Succeeded);
        Assert.Contains("Het wachtwoord moet minstens 10 tekens lang zijn.", result.Errors);
        Assert.Contains("Het wachtwoord moet minstens één hoofdletter bevatten.", result.Errors);
        Assert.Null(await db.WithDbAsync(d => d.Users.SingleOrDefaultAsync(u => u.Email == "zwak@test.be")));
    }

    [Fact]
    public async Task A_coach_has_at_most_one_werkbegeleider_at_a_time()
    {
        var coach = await db.CreateAsync("Ann Coach", Roles.Coach);
        var first = await db.CreateAsync("Wout Eerst", Roles.Supervisor);
        var second = await db.CreateAsync("Wendy Tweede", Roles.Supervisor);

        Assert.True((await db.Accounts.AssignSupervisorAsync(coach, first)).Succeeded);
        Assert.True((await db.Accounts.AssignSupervisorAsync(coach, second)).Succeeded);

        var assignments = await db.WithDbAsync(d => d.SupervisorAssignments.Where(a => a.CoachId == coach).ToListAsync());
        Assert.Single(assignments, a => a.EndedAt == null);
        Assert.Equal(second, assignments.Single(a => a.EndedAt == null).SupervisorId);
        Assert.NotNull(assignments.Single(a => a.SupervisorId == first).EndedAt);
        Assert.Equal("Wendy Tweede", (await db.Accounts.GetAccountAsync(coach))!.SupervisorName);
    }

    [Fact]
    public async Task The_database_itself_refuses_two_open_assignments_for_one_coach()
    {
        var coach = await db.CreateAsync("Ann Coach", Roles.Coach);
        var first = await db.CreateAsync("Wout Eerst", Roles.Supervisor);
        var second = await db.CreateAsync("Wendy Tweede", Roles.Supervisor);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.WithDbAsync(async d =>
        {
            d.SupervisorAssignments.Add(new SupervisorAssignment { CoachId = coach, SupervisorId = first, StartedAt = DateTimeOffset.UtcNow });
            d.SupervisorAssignments.Add(new SupervisorAssignment { CoachId = coach, SupervisorId = second, StartedAt = DateTimeOffset.UtcNow });
            return await d.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Only_coaches_get_a_werkbegeleider_and_only_werkbegeleiders_can_be_one()
    {
        var coach = await db.CreateAsync("Ann Coach", Roles.Coach);
        var otherCoach = await db.CreateAsync("Bram Coach", Roles.Coach);
        var supervisor = await db.CreateAsync("Wout Werk", Roles.Supervisor);

        Assert.Equal(["Alleen een coach kan een werkbegeleider krijgen."], (await db.Accounts.AssignSupervisorAsync(supervisor, supervisor)).Errors);
        Assert.Equal(["Bram Coach heeft de rol werkbegeleider niet."], (await db.Accounts.AssignSupervisorAsync(coach, otherCoach)).Errors);
        Assert.Equal(["Deze werkbegeleider bestaat niet."], (await db.Accounts.AssignSupervisorAsync(coach, "onbekend")).Errors);
        Assert.Equal(["Dit account bestaat niet."], (await db.Accounts.AssignSupervisorAsync("onbekend", supervisor)).Errors);
    }

    [Fact]
    public async Task Removing_the_werkbegeleider_ends_the_assignment()
    {
        var coach = await db.CreateAsync("Ann Coach", Roles.Coach);
        var supervisor = await db.CreateAsync("Wout Werk", Roles.Supervisor);
        await db.Accounts.AssignSupervisorAsync(coach, supervisor);
        Assert.True((await db.Accounts.AssignSupervisorAsync(coach, null)).Succeeded);
        Assert.Null((await db.Accounts.GetAccountAsync(coach))!.SupervisorName);
    }

    [Fact]
    public async Task Deactivation_blocks_sign_in_flags_and_changes_the_security_stamp()
    {
        var admin = await db.CreateAsync("Bea Beheer", Roles.Admin);
        var coach = await db.CreateAsync("Ann Coach", Roles.Coach);
        var stampBefore = await db.WithDbAsync(d => d.Users.Where(u => u.Id == coach).Select(u => u.SecurityStamp).SingleAsync());

        Assert.True((await db.Accounts.SetActiveAsync(coach, false, admin)).Succeeded);

        var user = await db.WithDbAsync(d => d.Users.SingleAsync(u => u.Id == coach));
        Assert.False(user.IsActive);
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        Assert.True((await db.Accounts.SetActiveAsync(coach, true, admin)).Succeeded);
        Assert.True((await db.Accounts.GetAccountAsync(coach))!.IsActive);
    }

    [Fact]
    public async Task A_beheerder_cannot_deactivate_themselves_or_the_last_active_beheerder()
    {
        var admin = await db.CreateAsync("Bea Beheer", Roles.Admin);
        Assert.Equal(["Je kan je eigen account niet deactiveren."], (await db.Accounts.SetActiveAsync(admin, false, admin)).Errors);

        var other = await db.CreateAsync("Ben Beheer", Roles.Admin);
        Assert.True((await db.Accounts.SetActiveAsync(other, false, admin)).Succeeded);
        var third = await db.CreateAsync("Coach Cas", Roles.Coach);
        await db.Accounts.SetRolesAsync(third, [Roles.Coach, Roles.Admin], admin);
        Assert.True((await db.Accounts.SetActiveAsync(admin, false, third)).Succeeded);
        // 'third' is now the only active beheerder; another beheerder (inactive 'other') cannot switch them off either.
        Assert.Equal(["Dit is de laatste actieve beheerder: maak eerst een andere beheerder aan."],
            (await db.Accounts.SetActiveAsync(third, false, other)).Errors);
    }

    [Fact]
    public async Task Roles_can_be_changed_but_not_emptied_and_supervising_werkbegeleiders_keep_their_role()
    {
        var admin = await db.CreateAsync("Bea Beheer", Roles.Admin);
        var coach = await db.CreateAsync("Ann Coach", Roles.Coach);
        var supervisor = await db.CreateAsync("Wout Werk", Roles.Supervisor);
        await db.Accounts.AssignSupervisorAsync(coach, supervisor);

        Assert.Equal(["Kies minstens één rol."], (await db.Accounts.SetRolesAsync(coach, [], admin)).Errors);
        Assert.Equal(["Je kan je eigen beheerdersrol niet afnemen."], (await db.Accounts.SetRolesAsync(admin, [Roles.Coach], admin)).Errors);
        Assert.Equal(["Deze persoon begeleidt nog coaches of teams. Wijs die eerst aan een andere werkbegeleider toe."],
            (await db.Accounts.SetRolesAsync(supervisor, [Roles.Coach], admin)).Errors);

        Assert.True((await db.Accounts.SetRolesAsync(coach, [Roles.Supervisor], admin)).Succeeded);
        var changed = await db.Accounts.GetAccountAsync(coach);
        Assert.Equal([Roles.Supervisor], changed!.Roles);
        Assert.Null(changed.SupervisorName);
    }
}
