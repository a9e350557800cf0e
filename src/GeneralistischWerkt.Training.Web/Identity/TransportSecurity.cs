using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;

namespace GeneralistischWerkt.Training.Web.Identity;

/// <summary>
/// How the app sits behind (or without) a TLS-terminating proxy: no Server header, X-Forwarded-For/-Proto only from
/// known proxies (so the scheme, Secure cookies and redirects are right behind the proxy, and nobody else can claim
/// https or another client address), cookies Secure whenever the request is https, and in Production redirection to
/// https (HSTS is set in Program.cs).
/// </summary>
public static class TransportSecurity
{
    public const string ProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string NetworksKey = "ForwardedHeaders:KnownNetworks";

    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var proxies = Parse(builder.Configuration, ProxiesKey, IPAddress.Parse);
        var networks = Parse(builder.Configuration, NetworksKey, text => System.Net.IPNetwork.Parse(text));
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; a configured list replaces that default, so an operator
            // names exactly the proxies that may speak for the client.
            if (proxies.Count + networks.Count == 0) return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
        // SameAsRequest, not Always: plain http on localhost in Development must keep working; behind a proxy the
        // forwarded scheme makes the request https, so the cookies are Secure there.
        builder.Services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.ConfigureApplicationCookie(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>
    /// First in the pipeline, so everything after it sees the client's scheme and address. Redirection to https uses
    /// the standard https port setting (ASPNETCORE_HTTPS_PORT) or the app's own https endpoint; without either (plain
    /// http on loopback) it redirects nothing.
    /// </summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // HSTS stays after the exception handler in Program.cs, so error pages keep it too.
        if (!app.Environment.IsDevelopment()) app.UseHttpsRedirection();
        return app;
    }

    private static List<T> Parse<T>(IConfiguration configuration, string key, Func<string, T> parse)
    {
        // A list (KnownProxies:0, KnownProxies:1, …) or one comma-separated value, handy in an environment variable.
        var section = configuration.GetSection(key);
        var values = section.Value?.Split(',') ?? section.Get<string[]>() ?? [];
        var parsed = new List<T>();
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            try
            {
                parsed.Add(parse(value.Trim()));
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{key}: '{value}' is geen geldig adres.");
            }
        }
        return parsed;
    }
}
