using GeneralistischWerkt.Training.Web.Components;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Access;
using GeneralistischWerkt.Training.Web.Features.Accounts;
using GeneralistischWerkt.Training.Web.Features.Hosting;
using GeneralistischWerkt.Training.Web.Features.Diagnostics;
using GeneralistischWerkt.Training.Web.Features.Modules;
using GeneralistischWerkt.Training.Web.Features.Notifications;
using GeneralistischWerkt.Training.Web.Features.Scenarios;
using GeneralistischWerkt.Training.Web.Features.Seeding;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Radzen;

var builder = WebApplication.CreateBuilder(args);
// Serve package assets (Radzen's css/js) from the build output in every environment, not only in Development,
// so `dotnet run` also works in Production; a published app has no manifest and this does nothing.
builder.WebHost.UseStaticWebAssets();
var isCreateAdmin = args.Length > 0 && args[0] == CreateAdminCommand.Name;
var isSeedLoadUsers = args.Length > 0 && args[0] == LoadUsersCommand.Name;
var isPracticeBench = args.Length > 0 && args[0] == GeneralistischWerkt.Training.Web.Features.Practice.PracticeVoteBenchCommand.Name;

builder.AddTransportSecurity();
// One message on the live connection carries a whole field: the default 32 KB would drop the connection (and the
// text) well below the longest field we allow.
builder.Services.AddRazorComponents().AddInteractiveServerComponents()
    .AddHubOptions(options => options.MaximumReceiveMessageSize = GeneralistischWerkt.Training.Web.Features.Editing.TextLimits.HubReceiveLimitBytes);
builder.Services.AddRadzenComponents();
builder.Services.AddSingleton(TimeProvider.System);

// SQLite (default) or PostgreSQL ("Database:Provider"); one context per operation (IDbContextFactory) for interactive
// pages, the scoped context for Identity's stores within one request or one administration operation's own scope.
var databaseProvider = DatabaseSetup.ResolveProvider(builder.Configuration);
var connectionString = DatabaseSetup.ResolveConnectionString(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddApplicationDatabase(databaseProvider, options => options.UseProvider(databaseProvider, connectionString));

// Data-protection keys in the database, change signals over Redis when configured, health checks.
builder.Services.AddSeveralInstances(builder.Configuration);

builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<AuthenticationStateProvider, ActiveAccountRevalidatingStateProvider>();
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.AddAuthorization();
builder.Services.AddIdentityCore<ApplicationUser>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<ApplicationDbContext>()
    .AddSignInManager<ActiveAccountSignInManager>()
    .AddClaimsPrincipalFactory<DisplayNameClaimsPrincipalFactory>()
    .AddErrorDescriber<DutchIdentityErrorDescriber>()
    .AddDefaultTokenProviders();
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/aanmelden";
    options.LogoutPath = "/account/afmelden";
    options.AccessDeniedPath = "/account/geen-toegang";
    options.Cookie.Name = "gwt.auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.SlidingExpiration = true;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
});

builder.Services.AddAccountSecurity(builder.Configuration, builder.Environment);
builder.Services.AddScoped<AccountAdministration>();
builder.Services.AddScoped<TeamAdministration>();
builder.Services.AddScoped<DemoAccounts>();
builder.Services.AddScoped<StartPageQueries>();
builder.Services.AddScoped<AccessRules>();
builder.Services.AddSingleton<ContentStore>();
builder.Services.AddScoped<ProgressService>();
builder.Services.AddSingleton<ScenarioStore>();
builder.Services.AddScoped<ScenarioPlayService>();
builder.Services.AddScoped<GeneralistischWerkt.Training.Web.Features.Reflections.ReflectionService>();
builder.Services.AddSingleton<GeneralistischWerkt.Training.Web.Features.Reflections.ReflectionAccessNotifier>();
builder.Services.AddScoped<GeneralistischWerkt.Training.Web.Features.Live.LiveSessionService>();
builder.Services.AddScoped<GeneralistischWerkt.Training.Web.Features.Practice.PracticeService>();
builder.Services.AddScoped<GeneralistischWerkt.Training.Web.Features.PeerReviews.PeerReviewService>();
builder.Services.AddScoped<GeneralistischWerkt.Training.Web.Features.PeerReviews.PeerReviewAftercare>();
builder.Services.AddScoped<GeneralistischWerkt.Training.Web.Features.Supervision.SupervisionService>();
builder.Services.AddScoped<GeneralistischWerkt.Training.Web.Features.Reflections.PersonalDataExport>();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddScoped<GeneralistischWerkt.Training.Web.Features.StartPages.CoachStartPage>();
builder.Services.AddScoped<GeneralistischWerkt.Training.Web.Features.StartPages.SupervisorStartPage>();
builder.Services.AddCircuitCount();

var app = builder.Build();

await DatabaseSetup.MigrateAsync(app.Services);

if (isCreateAdmin)
{
    await using var scope = app.Services.CreateAsyncScope();
    return await CreateAdminCommand.RunAsync(scope.ServiceProvider, args, Console.In, Console.Out,
        Console.IsInputRedirected ? null : CreateAdminCommand.ReadHiddenLine);
}

if (isSeedLoadUsers)
{
    await using var scope = app.Services.CreateAsyncScope();
    return await LoadUsersCommand.RunAsync(scope.ServiceProvider, args, app.Environment.IsProduction(), Console.Out);
}

if (isPracticeBench)
{
    await using var scope = app.Services.CreateAsyncScope();
    return await GeneralistischWerkt.Training.Web.Features.Practice.PracticeVoteBenchCommand.RunAsync(scope.ServiceProvider, args,
        app.Environment.IsProduction(), Console.Out);
}

// Load the content at start-up, so problems in content files are logged right away.
_ = app.Services.GetRequiredService<ContentStore>();
_ = app.Services.GetRequiredService<ScenarioStore>();

app.UseTransportSecurity();
if (app.Environment.IsDevelopment())
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedIfEmptyAsync();
}
else
{
    app.UseExceptionHandler("/fout", createScopeForErrors: true);
    app.UseHsts();
}

app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("nl-BE"),
    SupportedCultures = [GeneralistischWerkt.Training.Core.Formatting.DutchFormat.Culture],
    SupportedUICultures = [GeneralistischWerkt.Training.Core.Formatting.DutchFormat.Culture],
});
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/niet-gevonden", createScopeForStatusCodePages: true);

app.UseAuthentication();
app.UseAccountSecurity();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.MapSignOut();
app.MapHealthEndpoints();
app.MapDiagnostics();

// The user's own data as a zip. Always the signed-in user's: there is no id in the address to guess.
app.MapGet("/mijn-gegevens/export", async (System.Security.Claims.ClaimsPrincipal user,
        GeneralistischWerkt.Training.Web.Features.Reflections.PersonalDataExport export, TimeProvider clock) =>
    Results.File(await export.BuildAsync(user.UserId()), "application/zip",
        $"mijn-gegevens-{clock.GetUtcNow():yyyy-MM-dd}.zip"))
    .RequireAuthorization();

app.Run();
return 0;

public partial class Program;
