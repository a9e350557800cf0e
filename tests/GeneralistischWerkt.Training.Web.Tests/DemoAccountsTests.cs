using GeneralistischWerkt.Training.Web.Features.Seeding;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

public class DemoAccountsTests : IAsyncLifetime
{
    private TestDatabase db = default!;

    public async Task InitializeAsync() => db = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await db.DisposeAsync();

    private DemoAccounts Seeder => db.Services.GetRequiredService<DemoAccounts>();

    [Fact]
    public async Task Seeds_two_coaches_in_one_team_their_werkbegeleider_a_second_pair_and_a_beheerder()
    {
        Assert.True(await Seeder.SeedIfEmptyAsync());

        var accounts = await db.Accounts.ListAccountsAsync();
        Assert.Equal(6, accounts.Count);
        var teamCoaches = accounts.Where(a => a.Teams.Contains(DemoAccounts.TeamName) && a.Roles.Contains(Roles.Coach)).ToList();
        Assert.Equal(["Ann Coach", "Bram Coach"], teamCoaches.Select(c => c.DisplayName));
        Assert.All(teamCoaches, c => Assert.Equal("Wout Werkbegeleider", c.SupervisorName));
        Assert.Equal("Wendy Werkbegeleider", accounts.Single(a => a.DisplayName == "Cas Coach").SupervisorName);
        Assert.Equal(2, accounts.Count(a => a.Roles.SequenceEqual([Roles.Supervisor])));
        Assert.Single(accounts, a => a.Roles.SequenceEqual([Roles.Admin]));
        Assert.All(accounts, a => Assert.False(a.MustChangePassword));

        var team = (await db.Teams.ListTeamsAsync()).Single(t => t.Name == DemoAccounts.TeamName);
        Assert.Equal(["Wout Werkbegeleider"], team.Supervisors.Select(s => s.DisplayName));
    }

    [Fact]
    public async Task Demo_password_satisfies_the_password_policy_and_matches_the_readme()
    {
        await Seeder.SeedIfEmptyAsync();
        await using var scope = db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.ApplicationUser>>();
        var readme = await File.ReadAllTextAsync(Path.Combine(TestStores.RepoRoot(), "README.md"));
        foreach (var (_, email, _) in DemoAccounts.People)
        {
            var user = await users.FindByEmailAsync(email);
            Assert.True(await users.CheckPasswordAsync(user!, DemoAccounts.Password));
            Assert.Contains(email, readme);
        }
        Assert.Contains(DemoAccounts.Password, readme);
    }

    [Fact]
    public async Task Never_seeds_a_database_that_already_has_accounts()
    {
        await db.CreateAsync("Echte Beheerder", Roles.Admin);
        Assert.False(await Seeder.SeedIfEmptyAsync());
        Assert.Equal(1, await db.WithDbAsync(d => d.Users.CountAsync()));
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        await Seeder.SeedIfEmptyAsync();
        Assert.False(await Seeder.SeedIfEmptyAsync());
        Assert.Equal(6, await db.WithDbAsync(d => d.Users.CountAsync()));
    }

}
