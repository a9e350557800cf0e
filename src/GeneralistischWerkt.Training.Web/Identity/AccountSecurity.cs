using System.Threading.RateLimiting;
using GeneralistischWerkt.Training.Web.Components.Pages.Account;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;

namespace GeneralistischWerkt.Training.Web.Identity;

/// <summary>
/// Password change and reset, the per-address limit on sign-in, and sign-out: registered with one call each in
/// Program.cs.
/// </summary>
public static class AccountSecurity
{
    /// <summary>
    /// Posts of these pages count against the per-address limit: guessing a password (sign-in, the current password
    /// on the change page) and sending mail (wachtwoord vergeten). Matched by page, so "/Account/Aanmelden/" counts too.
    /// </summary>
    private static readonly IReadOnlyDictionary<Type, string> LimitedPages = new Dictionary<Type, string>
    {
        [typeof(Login)] = "aanmelden",
        [typeof(ChangePassword)] = "wachtwoord",
        [typeof(ForgotPassword)] = "wachtwoord-vergeten",
    };

    public static IServiceCollection AddAccountSecurity(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        services.AddScoped<PasswordService>();
        services.AddSingleton<SignInFailures>();
        // Signing in on the sign-in page makes the cookie handler itself redirect to the ReturnUrl query parameter,
        // checked only by its own IsLocalUrl: "/é" passed and then broke the Location header (500). One rule for both.
        services.ConfigureApplicationCookie(options => options.Events.OnRedirectToReturnUrl = context =>
        {
            context.Response.Redirect(LocalUrl.OrStartPage(context.RedirectUri));
            return Task.CompletedTask;
        });
        var email = configuration.GetSection(EmailOptions.Section);
        services.Configure<EmailOptions>(email);
        switch ((email.Get<EmailOptions>() ?? new()).Choose(environment.IsDevelopment()))
        {
            case EmailOptions.Mailer.Smtp:
                services.AddSingleton<SmtpOutbox>();
                services.AddHostedService(sp => sp.GetRequiredService<SmtpOutbox>());
                services.AddScoped<IPasswordResetMailer, SmtpPasswordResetMailer>();
                break;
            case EmailOptions.Mailer.Development:
                services.AddHttpContextAccessor();
                services.AddScoped<IPasswordResetMailer, DevelopmentPasswordResetMailer>();
                break;
            default:
                services.AddScoped<IPasswordResetMailer, UnconfiguredPasswordResetMailer>();
                break;
        }

        // Per remote address, so that from one address nobody can try many passwords or keep locking other people's
        // accounts quickly (the account lockout stays: 5 wrong passwords lock an account for 15 minutes).
        var perMinute = configuration.GetValue("Security:SignInPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var page = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
                if (!HttpMethods.IsPost(context.Request.Method) || page is null || !LimitedPages.TryGetValue(page, out var action))
                    return RateLimitPartition.GetNoLimiter("");
                return RateLimitPartition.GetFixedWindowLimiter($"{action}|{AddressKey(context.Connection.RemoteIpAddress)}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await StatusPage(StatusCodes.Status429TooManyRequests, "Te veel pogingen",
                        "Er kwamen de voorbije minuut te veel pogingen van dit adres. Wacht een minuut en probeer het dan opnieuw.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>
    /// The limit's unit: an IPv4 address (also when written IPv4-mapped), or an IPv6 /64 network, because one IPv6
    /// connection usually has a whole /64 to pick new addresses from.
    /// </summary>
    public static string AddressKey(System.Net.IPAddress? address)
    {
        if (address is null) return "onbekend";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    /// <summary>Call after UseAuthentication: the limit, then the forced password change.</summary>
    public static WebApplication UseAccountSecurity(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UsePasswordChangeRequirement();
        var email = app.Configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new();
        if (email.Choose(app.Environment.IsDevelopment()) == EmailOptions.Mailer.NotConfigured)
            app.Logger.LogWarning(UnconfiguredPasswordResetMailer.Warning);
        return app;
    }

    /// <summary>
    /// Sign-out is a POST with an antiforgery token. The antiforgery middleware checks it (the metadata below) and the
    /// handler answers 400 when it failed; nothing is bound from the form, so a missing token is no exception to log.
    /// </summary>
    public static void MapSignOut(this WebApplication app) =>
        app.MapPost("/account/afmelden", async (HttpContext context, SignInManager<ApplicationUser> signInManager) =>
            {
                if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                    return StatusPage(StatusCodes.Status400BadRequest, "Afmelden lukte niet",
                        "Het formulier was verlopen. Laad de pagina opnieuw en klik nog eens op Afmelden.");
                await signInManager.SignOutAsync();
                return Results.LocalRedirect("/account/aanmelden");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute());

    /// <summary>
    /// A small Dutch page written directly, for answers that must not be re-executed by the status-code pages (a
    /// re-executed POST runs the antiforgery check a second time, which throws after a failed first check).
    /// </summary>
    private static IResult StatusPage(int statusCode, string title, string message) => Results.Content($"""
        <!DOCTYPE html>
        <html lang="nl-BE">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{title} – GeneralistischWerkt.Training</title>
            <link rel="stylesheet" href="/app.css" />
        </head>
        <body>
            <main class="gwt-main">
                <section class="gwt-page gwt-narrow">
                    <h1>{title}</h1>
                    <p>{message}</p>
                    <p><a href="/account/aanmelden">Naar aanmelden</a></p>
                </section>
            </main>
        </body>
        </html>
        """, "text/html; charset=utf-8", statusCode: statusCode);
}
