using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Accounts;
using GeneralistischWerkt.Training.Web.Features.Seeding;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// The app's real services (Identity with its Dutch messages and rules, EF Core with the committed migrations) on a
/// database that lives as long as this object: in-memory SQLite, or with GWT_TEST_DB=postgres a fresh PostgreSQL
/// database on the server GWT_TEST_POSTGRES names (scripts/test.sh starts one), migrated by the app's own start-up code.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TestStore store;

    private TestDatabase(ServiceProvider services, TestStore store)
    {
        Services = services;
        this.store = store;
    }

    /// <summary>The provider every test database of this run uses.</summary>
    public static DatabaseProvider Provider => TestStore.Provider;

    public ServiceProvider Services { get; }
    public AccountAdministration Accounts => Services.GetRequiredService<AccountAdministration>();
    public TeamAdministration Teams => Services.GetRequiredService<TeamAdministration>();

    /// <param name="configure">Runs last, so a test can replace one of the app's services (e.g. the password hasher).</param>
    public static async Task<TestDatabase> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var store = await TestStore.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddApplicationDatabase(TestStore.Provider, store.Use);
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddSignInManager<ActiveAccountSignInManager>()
            .AddClaimsPrincipalFactory<DisplayNameClaimsPrincipalFactory>()
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddDefaultTokenProviders();
        services.AddDataProtection();
        services.AddHttpContextAccessor();
        services.AddSingleton<SignInFailures>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddSingleton<RecordingMailer>();
        services.AddSingleton<IPasswordResetMailer>(sp => sp.GetRequiredService<RecordingMailer>());
        services.AddScoped<PasswordService>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<TeamAdministration>();
        services.AddScoped<DemoAccounts>();
        services.AddScoped<GeneralistischWerkt.Training.Web.Features.Access.AccessRules>();
        services.AddScoped<GeneralistischWerkt.Training.Web.Features.Reflections.ReflectionService>();
        services.AddSingleton<GeneralistischWerkt.Training.Web.Features.Live.IChangeSignal,
            GeneralistischWerkt.Training.Web.Features.Live.InProcessChangeSignal>();
        services.AddSingleton<GeneralistischWerkt.Training.Web.Features.Reflections.ReflectionAccessNotifier>();
        services.AddScoped<GeneralistischWerkt.Training.Web.Features.Live.LiveSessionService>();
        services.AddScoped<GeneralistischWerkt.Training.Web.Features.Supervision.SupervisionService>();
        services.AddScoped<GeneralistischWerkt.Training.Web.Features.Reflections.PersonalDataExport>();
        services.AddScoped<GeneralistischWerkt.Training.Web.Features.PeerReviews.PeerReviewService>();
        services.AddScoped<GeneralistischWerkt.Training.Web.Features.PeerReviews.PeerReviewAftercare>();
        services.AddRealStores();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(provider);
        return new TestDatabase(provider, store);
    }

    /// <summary>Points other options at this world's database (e.g. a second app instance).</summary>
    public void UseSameDatabase(DbContextOptionsBuilder options) => store.Use(options);

    /// <summary>Options on this world's database, for a test that builds its own context (e.g. with an interceptor).</summary>
    public DbContextOptions<ApplicationDbContext> Options(Action<DbContextOptionsBuilder>? extra = null)
    {
        var builder = new DbContextOptionsBuilder<ApplicationDbContext>();
        store.Use(builder);
        extra?.Invoke(builder);
        return builder.Options;
    }

    public async Task<string> CreateAsync(string name, string role, string? email = null)
    {
        var result = await Accounts.CreateAccountAsync(new NewAccount(name, email ?? $"{name.Replace(' ', '.').ToLower()}@test.be", "Geldig-Wachtwoord-1", [role]));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Value!;
    }

    public async Task<T> WithDbAsync<T>(Func<ApplicationDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    /// <summary>The reset mails "sent" in a test: the user and the link's path and query.</summary>
    public sealed class RecordingMailer : IPasswordResetMailer
    {
        public List<(ApplicationUser User, string PathAndQuery)> Sent { get; } = [];

        public Task<string?> SendAsync(ApplicationUser user, string pathAndQuery)
        {
            Sent.Add((user, pathAndQuery));
            return Task.FromResult<string?>(null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await store.DisposeAsync();
    }
}
