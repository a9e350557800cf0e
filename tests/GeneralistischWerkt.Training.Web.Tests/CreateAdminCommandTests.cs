using GeneralistischWerkt.Training.Web.Features.Seeding;
using GeneralistischWerkt.Training.Web.Identity;

namespace GeneralistischWerkt.Training.Web.Tests;

public class CreateAdminCommandTests : IAsyncLifetime
{
    private TestDatabase db = default!;

    public async Task InitializeAsync() => db = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task Creates_a_beheerder_from_arguments_and_a_password_on_standard_input()
    {
        var output = new StringWriter();
        var code = await CreateAdminCommand.RunAsync(db.Services, ["create-admin", "--email", "eerste@dienst.be", "--naam", "Eerste Beheerder"],
            new StringReader("Sterk-Wachtwoord-1\n"), output);
        Assert.Equal(0, code);
        Assert.Contains("Beheerder eerste@dienst.be aangemaakt.", output.ToString());
        var account = (await db.Accounts.ListAccountsAsync()).Single();
        Assert.Equal([Roles.Admin], account.Roles);
        Assert.False(account.MustChangePassword);
    }

    [Fact]
    public async Task Refuses_a_weak_password_and_explains_usage()
    {
        var output = new StringWriter();
        Assert.Equal(1, await CreateAdminCommand.RunAsync(db.Services, ["create-admin", "--email", "a@b.be", "--naam", "A"], new StringReader("zwak\n"), output));
        Assert.Contains("Fout: Het wachtwoord moet minstens 10 tekens lang zijn.", output.ToString());
        Assert.Empty(await db.Accounts.ListAccountsAsync());

        var usage = new StringWriter();
        Assert.Equal(2, await CreateAdminCommand.RunAsync(db.Services, ["create-admin"], new StringReader(""), usage));
        Assert.Contains("Gebruik: create-admin", usage.ToString());
    }
}
