using Microsoft.AspNetCore.Http;
using System.Collections.Concurrent;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Accounts;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>Sign-in answers, the beheerder's unlock and reset, and the user's own password change and reset.</summary>
public class PasswordAndSignInTests : IAsyncLifetime
{
    private const string Password = "Geldig-Wachtwoord-1";
    private readonly CountingHasher hasher = new();
    private readonly ListLogger log = new();
    private TestDatabase db = default!;

    public async Task InitializeAsync() => db = await TestDatabase.CreateAsync(services =>
    {
        services.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher);
        services.AddSingleton<ILoggerProvider>(log);
    });

    public async Task DisposeAsync() => await db.DisposeAsync();

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = db.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private Task<SignInResult> SignInAsync(string email, string password, string from = "192.0.2.10") =>
        InScopeAsync(sp =>
        {
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext =
                new DefaultHttpContext { Connection = { RemoteIpAddress = System.Net.IPAddress.Parse(from) } };
            return sp.GetRequiredService<SignInManager<ApplicationUser>>()
                .PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true);
        });

    private Task<ApplicationUser> UserAsync(string id) =>
        InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(id))!);

    private Task<bool> PasswordWorksAsync(string id, string password) =>
        InScopeAsync(async sp => await sp.GetRequiredService<UserManager<ApplicationUser>>().CheckPasswordAsync(await UserAsync(id), password));

    [Fact]
    public async Task An_unknown_address_checks_one_password_hash_like_a_known_address_does()
    {
        await db.CreateAsync("Ann Coach", Roles.Coach, "ann@test.be");

        hasher.Verifications = 0;
        Assert.Equal(SignInResult.Failed, await SignInAsync("niemand@test.be", "Fout-wachtwoord-1"));
        Assert.Equal(1, hasher.Verifications);

        hasher.Verifications = 0;
        Assert.Equal(SignInResult.Failed, await SignInAsync("ann@test.be", "Fout-wachtwoord-1"));
        Assert.Equal(1, hasher.Verifications);
    }

    [Fact]
    public async Task A_deactivated_account_with_a_wrong_password_gets_the_answer_of_any_wrong_password()
    {
        var admin = await db.CreateAsync("Bea Beheer", Roles.Admin);
        var id = await db.CreateAsync("Dirk Deactief", Roles.Coach, "dirk@test.be");
        Assert.True((await db.Accounts.SetActiveAsync(id, false, admin)).Succeeded);

        var wrong = await SignInAsync("dirk@test.be", "Fout-wachtwoord-1");
        Assert.Equal(SignInResult.Failed, wrong);
        Assert.Equal(await SignInAsync("niemand@test.be", "Fout-wachtwoord-1"), wrong);
        // Only the right password learns that the account is deactivated.
        Assert.True((await SignInAsync("dirk@test.be", Password)).IsNotAllowed);
    }

    [Fact]
    public async Task An_account_made_by_a_beheerder_must_choose_its_own_password_and_carries_the_claim()
    {
        var id = await db.CreateAsync("Nina Nieuw", Roles.Coach);
        Assert.True((await db.Accounts.GetAccountAsync(id))!.MustChangePassword);

        var principal = await InScopeAsync(async sp =>
            await sp.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(await UserAsync(id)));
        Assert.True(PasswordChangeRequirement.Blocks(principal, typeof(Components.Pages.Coach.CoachHome)));
        Assert.False(PasswordChangeRequirement.Blocks(principal, typeof(Components.Pages.Account.ChangePassword)));
    }

    [Fact]
    public async Task One_address_cannot_keep_someone_else_locked_out_but_is_stopped_itself()
    {
        var id = await db.CreateAsync("Tom Doel", Roles.Coach, "tom@test.be");
        for (var i = 1; i <= 4; i++) Assert.Equal(SignInResult.Failed, await SignInAsync("tom@test.be", "Fout-wachtwoord-1", "203.0.113.66"));
        // The fifth wrong password stops this address for this account, with the lockout's answer ...
        Assert.True((await SignInAsync("tom@test.be", "Fout-wachtwoord-1", "203.0.113.66")).IsLockedOut);
        Assert.True((await SignInAsync("tom@test.be", Password, "203.0.113.66")).IsLockedOut);
        for (var i = 0; i < 20; i++) Assert.True((await SignInAsync("tom@test.be", "Fout-wachtwoord-1", "203.0.113.66")).IsLockedOut);
        // ... but the account is not locked: its owner signs in from another address.
        Assert.False((await db.Accounts.GetAccountAsync(id))!.IsLockedOutAt(DateTimeOffset.UtcNow));
        Assert.Equal(0, (await UserAsync(id)).AccessFailedCount);
        Assert.True((await InScopeAsync(async sp =>
        {
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext =
                new DefaultHttpContext { Connection = { RemoteIpAddress = System.Net.IPAddress.Parse("192.0.2.77") } };
            return await sp.GetRequiredService<SignInManager<ApplicationUser>>().CheckPasswordSignInAsync(await UserAsync(id), Password, true);
        })).Succeeded);
    }

    [Fact]
    public async Task Beheerder_unlocks_a_locked_account_and_it_is_logged()
    {
        var admin = await db.CreateAsync("Bea Beheer", Roles.Admin);
        var id = await db.CreateAsync("Sam Slot", Roles.Coach, "sam@test.be");
        // Wrong passwords from two addresses lock the account itself (one address alone cannot, see below).
        for (var i = 0; i < 6; i++) await SignInAsync("sam@test.be", "Fout-wachtwoord-1", i % 2 == 0 ? "192.0.2.10" : "198.51.100.20");
        Assert.True((await SignInAsync("sam@test.be", Password, "203.0.113.30")).IsLockedOut);
        Assert.True((await db.Accounts.GetAccountAsync(id))!.IsLockedOutAt(DateTimeOffset.UtcNow));

        Assert.True((await db.Accounts.UnlockAsync(id, admin)).Succeeded);

        Assert.False((await db.Accounts.GetAccountAsync(id))!.IsLockedOutAt(DateTimeOffset.UtcNow));
        Assert.Equal(0, (await UserAsync(id)).AccessFailedCount);
        Assert.Contains(log.Lines, l => l.Contains($"Beheerder {admin} ontgrendelde account {id}."));
    }

    [Fact]
    public async Task Beheerder_reset_sets_a_temporary_password_that_must_be_changed_ends_other_sessions_and_is_logged()
    {
        var admin = await db.CreateAsync("Bea Beheer", Roles.Admin);
        var id = await db.CreateAsync("Ann Coach", Roles.Coach, "ann@test.be");
        await InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(id))!;
            user.MustChangePassword = false;
            return await users.UpdateAsync(user);
        });
        for (var i = 0; i < 5; i++) await SignInAsync("ann@test.be", "Fout-wachtwoord-1");
        var stampBefore = (await UserAsync(id)).SecurityStamp;

        var weak = await db.Accounts.ResetPasswordAsync(id, "kort", admin);
        Assert.Contains("Het wachtwoord moet minstens 10 tekens lang zijn.", weak.Errors);
        Assert.Equal(["Vul een tijdelijk wachtwoord in."], (await db.Accounts.ResetPasswordAsync(id, "", admin)).Errors);

        Assert.True((await db.Accounts.ResetPasswordAsync(id, "Tijdelijk-Wachtwoord-2", admin)).Succeeded);
        var after = await UserAsync(id);
        Assert.True(after.MustChangePassword);
        Assert.NotEqual(stampBefore, after.SecurityStamp);
        Assert.False((await db.Accounts.GetAccountAsync(id))!.IsLockedOutAt(DateTimeOffset.UtcNow));
        Assert.Equal(SignInResult.Failed, await SignInAsync("ann@test.be", Password));
        Assert.Contains(log.Lines, l => l.Contains($"Beheerder {admin} stelde een tijdelijk wachtwoord in voor account {id}."));
    }

    [Fact]
    public async Task Own_password_change_checks_the_rules_in_Dutch_then_clears_the_forced_change_and_renews_the_stamp()
    {
        var id = await db.CreateAsync("Nina Nieuw", Roles.Coach);
        Task<AdminResult> Change(string current, string next, string repeated) =>
            InScopeAsync(async sp => await sp.GetRequiredService<PasswordService>().ChangeAsync(
                (await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(id))!, current, next, repeated));

        Assert.Equal(["Het wachtwoord klopt niet."], (await Change("Fout-wachtwoord-1", "Eigen-Wachtwoord-3", "Eigen-Wachtwoord-3")).Errors);
        Assert.Equal(["De twee nieuwe wachtwoorden zijn niet gelijk."], (await Change(Password, "Eigen-Wachtwoord-3", "Eigen-Wachtwoord-4")).Errors);
        Assert.Equal(["Kies een ander wachtwoord dan je huidige."], (await Change(Password, Password, Password)).Errors);
        Assert.Contains("Het wachtwoord moet minstens één cijfer bevatten.", (await Change(Password, "Zonder-Cijfers", "Zonder-Cijfers")).Errors);
        Assert.True((await UserAsync(id)).MustChangePassword);
        var stampBefore = (await UserAsync(id)).SecurityStamp;

        Assert.True((await Change(Password, "Eigen-Wachtwoord-3", "Eigen-Wachtwoord-3")).Succeeded);

        var after = await UserAsync(id);
        Assert.False(after.MustChangePassword);
        Assert.NotEqual(stampBefore, after.SecurityStamp);
        Assert.True(await PasswordWorksAsync(id, "Eigen-Wachtwoord-3"));
    }

    [Fact]
    public async Task Forgotten_password_mails_only_existing_active_accounts_and_the_link_resets_once()
    {
        var id = await db.CreateAsync("Ann Coach", Roles.Coach, "ann@test.be");
        var mailer = db.Services.GetRequiredService<TestDatabase.RecordingMailer>();
        Task<string?> Request(string email) => InScopeAsync(sp => sp.GetRequiredService<PasswordService>().RequestResetAsync(email));
        Task<AdminResult> Reset(string? userId, string? code, string password) =>
            InScopeAsync(sp => sp.GetRequiredService<PasswordService>().ResetAsync(userId, code, password, password));

        Assert.Null(await Request("niemand@test.be"));
        Assert.Empty(mailer.Sent);
        Assert.Null(await Request(" ANN@test.be "));
        var (user, link) = Assert.Single(mailer.Sent);
        Assert.Equal(id, user.Id);
        Assert.StartsWith(PasswordService.ResetPath + "?id=", link);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        string code = query["code"]!;

        const string invalid = "De link is ongeldig of verlopen. Vraag een nieuwe link aan.";
        Assert.Equal([invalid], (await Reset(id, code[..^2] + "xx", "Nieuw-Wachtwoord-5")).Errors);
        Assert.Equal([invalid], (await Reset(id, "geen base64 !", "Nieuw-Wachtwoord-5")).Errors);
        Assert.Equal([invalid], (await Reset("bestaat-niet", code, "Nieuw-Wachtwoord-5")).Errors);
        Assert.Contains("Het wachtwoord moet minstens 10 tekens lang zijn.", (await Reset(id, code, "Kort-1")).Errors);

        Assert.True((await Reset(id, code, "Nieuw-Wachtwoord-5")).Succeeded);
        Assert.False((await UserAsync(id)).MustChangePassword);
        Assert.True(await PasswordWorksAsync(id, "Nieuw-Wachtwoord-5"));
        // The token was bound to the old security stamp: the same link cannot be used twice.
        Assert.Equal([invalid], (await Reset(id, code, "Nog-Een-Wachtwoord-6")).Errors);
    }

    [Fact]
    public async Task A_deactivated_account_gets_no_reset_mail()
    {
        var admin = await db.CreateAsync("Bea Beheer", Roles.Admin);
        var id = await db.CreateAsync("Dirk Deactief", Roles.Coach, "dirk@test.be");
        await db.Accounts.SetActiveAsync(id, false, admin);
        await InScopeAsync(sp => sp.GetRequiredService<PasswordService>().RequestResetAsync("dirk@test.be"));
        Assert.Empty(db.Services.GetRequiredService<TestDatabase.RecordingMailer>().Sent);
    }

    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> inner = new();
        public int Verifications;

        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));
        public void Dispose() { }
    }
}
