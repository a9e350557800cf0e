using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Accounts;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Seeding;

/// <summary>
/// Demo accounts for Development only, created through the same rules as the beheerder's pages.
/// The README lists these credentials; keep the two in step.
/// </summary>
public class DemoAccounts(AccountAdministration accounts, TeamAdministration teams, IServiceScopeFactory scopeFactory,
    ILogger<DemoAccounts> logger)
{
    public const string Password = "Welkom-2026!";

    public static readonly IReadOnlyList<(string Name, string Email, string Role)> People =
    [
        ("Bea Beheer", "beheerder@demo.gwt.be", Roles.Admin),
        ("Wout Werkbegeleider", "werkbegeleider@demo.gwt.be", Roles.Supervisor),
        ("Ann Coach", "ann.coach@demo.gwt.be", Roles.Coach),
        ("Bram Coach", "bram.coach@demo.gwt.be", Roles.Coach),
        ("Wendy Werkbegeleider", "werkbegeleider2@demo.gwt.be", Roles.Supervisor),
        ("Cas Coach", "cas.coach@demo.gwt.be", Roles.Coach),
    ];

    public const string TeamName = "Team Antwerpen-Noord";
    public const string SecondTeamName = "Team Gent-Zuid";

    /// <summary>Seeds only an empty database (no accounts at all), so it never touches real data.</summary>
    public async Task<bool> SeedIfEmptyAsync()
    {
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            if (await db.Users.AnyAsync()) return false;
        }

        var ids = new Dictionary<string, string>();
        foreach (var (name, email, role) in People)
        {
            // The documented demo password stays usable: demo accounts are not forced to change it.
            var result = await accounts.CreateAccountAsync(new NewAccount(name, email, Password, [role], MustChangePassword: false));
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors));
            ids[email] = result.Value!;
        }

        var supervisor = ids["werkbegeleider@demo.gwt.be"];
        string[] coaches = [ids["ann.coach@demo.gwt.be"], ids["bram.coach@demo.gwt.be"]];
        foreach (var coach in coaches)
        {
            var assigned = await accounts.AssignSupervisorAsync(coach, supervisor);
            if (!assigned.Succeeded) throw new InvalidOperationException(string.Join(" ", assigned.Errors));
        }
        var team = await teams.CreateTeamAsync(TeamName, [supervisor], coaches);
        if (!team.Succeeded) throw new InvalidOperationException(string.Join(" ", team.Errors));

        // A second, separate pair: a werkbegeleider of another coach, to try out who sees what.
        var secondSupervisor = ids["werkbegeleider2@demo.gwt.be"];
        var thirdCoach = ids["cas.coach@demo.gwt.be"];
        var assignedSecond = await accounts.AssignSupervisorAsync(thirdCoach, secondSupervisor);
        if (!assignedSecond.Succeeded) throw new InvalidOperationException(string.Join(" ", assignedSecond.Errors));
        var secondTeam = await teams.CreateTeamAsync(SecondTeamName, [secondSupervisor], [thirdCoach]);
        if (!secondTeam.Succeeded) throw new InvalidOperationException(string.Join(" ", secondTeam.Errors));

        logger.LogInformation("Demo-accounts aangemaakt (wachtwoord {Password}).", Password);
        return true;
    }
}
