using System.Net;
using System.Text.RegularExpressions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// Headers and the app behind a TLS-terminating proxy, against the real app over plain http on loopback: the proxy
/// is simulated by sending X-Forwarded-Proto ourselves. Cookies are handled by hand, because a Secure cookie is
/// exactly what an http client would refuse to send back.
/// </summary>
public partial class TransportSecurityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Forwarded = "X-Forwarded-Proto";

    [Fact]
    public async Task No_response_names_the_server_and_private_responses_are_never_stored()
    {
        using var http = NewClient();
        var anonymous = await http.GetAsync(Fixture.App.BaseUrl + "/account/aanmelden");
        Assert.False(anonymous.Headers.Contains("Server"), "Server: " + string.Join(",", anonymous.Headers.Server));

        var auth = await SignInAsync(http, Fixture.App.BaseUrl, forwardedProto: null);
        foreach (var path in new[] { "/mijn-gegevens/export", "/coach", "/reflecties" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Fixture.App.BaseUrl + path);
            request.Headers.Add("Cookie", auth);
            var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path}: Cache-Control {response.Headers.CacheControl}");
            Assert.False(response.Headers.Contains("Server"));
        }
        var export = await GetAsync(http, Fixture.App.BaseUrl + "/mijn-gegevens/export", auth);
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_cookies_are_Secure_and_redirects_use_https()
    {
        using var http = NewClient();
        // Without the header (plain http on localhost, as in Development) the cookies must not be Secure, or
        // the browser would drop them and nobody could sign in.
        var plain = await http.GetAsync(Fixture.App.BaseUrl + "/account/aanmelden");
        Assert.DoesNotContain("secure", AntiforgeryCookie(plain), StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, Fixture.App.BaseUrl + "/account/aanmelden");
        request.Headers.Add(Forwarded, "https");
        var form = await http.SendAsync(request);
        Assert.Contains("secure", AntiforgeryCookie(form).Split(';').Select(p => p.Trim().ToLowerInvariant()));

        var auth = await SignInAsync(http, Fixture.App.BaseUrl, forwardedProto: "https", expectSecure: true);
        Assert.StartsWith("gwt.auth", auth);

        var redirect = await GetAsync(http, Fixture.App.BaseUrl + "/mijn-gegevens/export", cookie: null, forwardedProto: "https");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("https://", redirect.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_forwarded_scheme_from_an_unknown_address_is_ignored()
    {
        // Only 192.0.2.10 (a documentation address) is a proxy: our loopback client is not, so its header is ignored.
        await using var app = new AppServer("Production", new Dictionary<string, string>
        {
            ["ForwardedHeaders__KnownProxies__0"] = "192.0.2.10",
        });
        await app.StartAsync();
        using var http = NewClient();

        var form = await GetAsync(http, app.BaseUrl + "/account/aanmelden", cookie: null, forwardedProto: "https", host: "gwt.example");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.DoesNotContain("secure", AntiforgeryCookie(form), StringComparison.OrdinalIgnoreCase);
        Assert.False(form.Headers.Contains("Strict-Transport-Security"));

        var redirect = await GetAsync(http, app.BaseUrl + "/mijn-gegevens/export", cookie: null, forwardedProto: "https");
        Assert.StartsWith("http://", redirect.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Production_behind_the_proxy_redirects_http_to_https_and_sends_HSTS()
    {
        // The documented setting for a proxy that also passes plain http: the public https port.
        await using var app = new AppServer("Production", new Dictionary<string, string> { ["ASPNETCORE_HTTPS_PORT"] = "443" });
        await app.StartAsync();
        using var http = NewClient();

        var overHttp = await GetAsync(http, app.BaseUrl + "/account/aanmelden", cookie: null, forwardedProto: "http", host: "gwt.example");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, overHttp.StatusCode);
        Assert.Equal("https://gwt.example/account/aanmelden", overHttp.Headers.Location!.ToString());

        var overHttps = await GetAsync(http, app.BaseUrl + "/account/aanmelden", cookie: null, forwardedProto: "https", host: "gwt.example");
        Assert.Equal(HttpStatusCode.OK, overHttps.StatusCode);
        Assert.Contains("max-age=", overHttps.Headers.GetValues("Strict-Transport-Security").Single());
    }

    private static HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string url, string? cookie,
        string? forwardedProto = null, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (forwardedProto is not null) request.Headers.Add(Forwarded, forwardedProto);
        if (host is not null) request.Headers.Host = host;
        return await http.SendAsync(request);
    }

    /// <summary>Signs the demo coach in through the real form; returns the auth cookie as "name=value".</summary>
    private static async Task<string> SignInAsync(HttpClient http, string baseUrl, string? forwardedProto, bool expectSecure = false)
    {
        var form = await GetAsync(http, baseUrl + "/account/aanmelden", cookie: null, forwardedProto);
        var html = await form.Content.ReadAsStringAsync();
        var token = TokenField().Match(html).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/account/aanmelden")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "aanmelden",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Input.Email"] = CoachEmail,
                ["Input.Password"] = DemoPassword,
            }),
        };
        post.Headers.Add("Cookie", AntiforgeryCookie(form).Split(';')[0]);
        if (forwardedProto is not null) post.Headers.Add(Forwarded, forwardedProto);
        var response = await http.SendAsync(post);
        var auth = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.SingleOrDefault(c => c.StartsWith("gwt.auth=")) : null;
        Assert.True(auth is not null, $"Geen aanmeldcookie ({response.StatusCode})");
        var attributes = auth.Split(';').Select(p => p.Trim().ToLowerInvariant()).ToList();
        Assert.Equal(expectSecure, attributes.Contains("secure"));
        return auth.Split(';')[0];
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery."));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
