using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Identity;

namespace GeneralistischWerkt.Training.Web.Tests;

public class TeamAdministrationTests : IAsyncLifetime
{
    private TestDatabase db = default!;
    private string coach = "", otherCoach = "", supervisor = "", otherSupervisor = "";

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync();
        coach = await db.CreateAsync("Ann Coach", Roles.Coach);
        otherCoach = await db.CreateAsync("Bram Coach", Roles.Coach);
        supervisor = await db.CreateAsync("Wout Werk", Roles.Supervisor);
        otherSupervisor = await db.CreateAsync("Wendy Werk", Roles.Supervisor);
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task A_team_has_a_name_members_and_werkbegeleiders()
    {
        var result = await db.Teams.CreateTeamAsync("  Team Gent  ", [supervisor], [coach, otherCoach]);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var team = await db.Teams.GetTeamAsync(result.Value);
        Assert.Equal("Team Gent", team!.Name);
        Assert.Equal(["Wout Werk"], team.Supervisors.Select(p => p.DisplayName));
        Assert.Equal(["Ann Coach", "Bram Coach"], team.Members.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task A_team_needs_a_name()
    {
        var result = await db.Teams.CreateTeamAsync("   ", [supervisor], []);
        Assert.Equal(["Geef het team een naam."], result.Errors);
    }

    [Fact]
    public async Task A_team_needs_at_least_one_werkbegeleider()
    {
        var result = await db.Teams.CreateTeamAsync("Team Gent", [], [coach]);
        Assert.Equal(["Een team heeft minstens één werkbegeleider nodig."], result.Errors);
    }

    [Fact]
    public async Task Team_names_are_unique_whatever_the_case()
    {
        await db.Teams.CreateTeamAsync("Team Gent", [supervisor], []);
        var result = await db.Teams.CreateTeamAsync("team gent", [supervisor], []);
        Assert.Equal(["Er bestaat al een team met de naam 'team gent'."], result.Errors);
    }

    [Fact]
    public async Task Members_must_be_coaches_and_werkbegeleiders_must_have_that_role()
    {
        var result = await db.Teams.CreateTeamAsync("Team Gent", [coach], [supervisor]);
        Assert.Equal(["Ann Coach heeft de rol werkbegeleider niet.", "Wout Werk heeft de rol coach niet."], result.Errors);
    }

    [Fact]
    public async Task The_last_werkbegeleider_cannot_be_removed_but_members_can()
    {
        var team = (await db.Teams.CreateTeamAsync("Team Gent", [supervisor], [coach])).Value;
        Assert.Equal(["Een team heeft minstens één werkbegeleider nodig: voeg eerst een andere toe."],
            (await db.Teams.RemoveAsync(team, supervisor)).Errors);
        Assert.True((await db.Teams.AddAsync(team, otherSupervisor, TeamRole.Supervisor)).Succeeded);
        Assert.True((await db.Teams.RemoveAsync(team, supervisor)).Succeeded);
        Assert.True((await db.Teams.RemoveAsync(team, coach)).Succeeded);
        var after = await db.Teams.GetTeamAsync(team);
        Assert.Equal(["Wendy Werk"], after!.Supervisors.Select(p => p.DisplayName));
        Assert.Empty(after.Members);
    }

    [Fact]
    public async Task Unknown_team_or_person_gets_a_Dutch_message()
    {
        Assert.Equal(["Dit team bestaat niet."], (await db.Teams.AddAsync(999, coach, TeamRole.Member)).Errors);
        Assert.Null(await db.Teams.GetTeamAsync(999));
        var team = (await db.Teams.CreateTeamAsync("Team Gent", [supervisor], [])).Value;
        Assert.Equal(["Een gekozen persoon bestaat niet."], (await db.Teams.AddAsync(team, "onbekend", TeamRole.Member)).Errors);
        Assert.Equal(["Deze persoon zit niet in dit team."], (await db.Teams.RemoveAsync(team, coach)).Errors);
    }
}
