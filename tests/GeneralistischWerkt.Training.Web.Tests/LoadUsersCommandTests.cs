using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Seeding;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

public class LoadUsersCommandTests : IAsyncLifetime
{
    private TestDatabase db = default!;

    public async Task InitializeAsync() => db = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task Creates_coaches_and_one_beheerder_that_can_sign_in_and_adds_only_what_is_missing_on_a_rerun()
    {
        var output = new StringWriter();
        Assert.Equal(0, await LoadUsersCommand.RunAsync(db.Services, ["seed-load-users", "3"], isProduction: false, output));
        Assert.Contains("4 belastingsaccounts aangemaakt", output.ToString());

        var accounts = await db.Accounts.ListAccountsAsync();
        Assert.Equal(["load-admin@load.gwt.test", "load1@load.gwt.test", "load2@load.gwt.test", "load3@load.gwt.test"],
            accounts.Select(a => a.Email).Order());
        Assert.Equal([Roles.Admin], accounts.Single(a => a.Email == LoadUsersCommand.AdminEmail).Roles);
        Assert.All(accounts.Where(a => a.Email != LoadUsersCommand.AdminEmail), a => Assert.Equal([Roles.Coach], a.Roles));
        Assert.All(accounts, a => Assert.False(a.MustChangePassword));

        await using (var scope = db.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var coach = await users.FindByEmailAsync(LoadUsersCommand.CoachEmail(2));
            Assert.True(await users.CheckPasswordAsync(coach!, LoadUsersCommand.Password));
        }

        var again = new StringWriter();
        Assert.Equal(0, await LoadUsersCommand.RunAsync(db.Services, ["seed-load-users", "5"], isProduction: false, again));
        Assert.Contains("2 belastingsaccounts aangemaakt", again.ToString());
        Assert.Equal(6, (await db.Accounts.ListAccountsAsync()).Count);
    }

    [Fact]
    public async Task Refuses_in_Production_and_explains_usage()
    {
        var refused = new StringWriter();
        Assert.Equal(1, await LoadUsersCommand.RunAsync(db.Services, ["seed-load-users", "3"], isProduction: true, refused));
        Assert.Contains("weigert in Production", refused.ToString());
        Assert.Empty(await db.Accounts.ListAccountsAsync());

        var usage = new StringWriter();
        Assert.Equal(2, await LoadUsersCommand.RunAsync(db.Services, ["seed-load-users"], isProduction: false, usage));
        Assert.Contains("Gebruik: seed-load-users", usage.ToString());
    }
}
