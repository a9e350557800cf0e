using System.Diagnostics;
using System.Net;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// The cluster that `bash scripts/cluster.sh test` starts (nginx with deploy/nginx.conf in front of two app instances,
/// PostgreSQL, Redis) instead of one app of our own. The script names it in GWT_CLUSTER_URL, GWT_CLUSTER_DIR and the
/// first beheerder's GWT_CLUSTER_ADMIN_EMAIL/PASSWORD. Without them, or when nginx does not answer, every test of
/// <see cref="ClusterTests"/> fails with the reason: never skipped. The normal run leaves these tests out by their
/// category (scripts/test.sh: --filter Category!=Cluster).
/// </summary>
public sealed class ClusterFixture : BrowserFixture
{
    public const string Category = "Cluster";

    /// <summary>The cookie in which nginx keeps a browser's route (deploy/nginx.conf).</summary>
    public const string RouteCookie = "gwt_route";

    private readonly Dictionary<string, string> routes = [];
    private string? url;
    private string? folder;

    public override string BaseUrl => url ?? throw new InvalidOperationException("De cluster is nog niet gevonden.");

    /// <summary>cluster.sh gives nginx a throwaway self-signed certificate.</summary>
    public override bool IgnoreHttpsErrors => true;

    public string AdminEmail { get; private set; } = "";
    public string AdminPassword { get; private set; } = "";

    protected override async Task StartAppAsync()
    {
        url = Required("GWT_CLUSTER_URL").TrimEnd('/');
        folder = Required("GWT_CLUSTER_DIR");
        AdminEmail = Required("GWT_CLUSTER_ADMIN_EMAIL");
        AdminPassword = Required("GWT_CLUSTER_ADMIN_PASSWORD");
        using var http = NewHttpClient();
        try
        {
            using var response = await http.GetAsync(url + "/healthz/ready");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || body != "Healthy")
                throw new InvalidOperationException($"De cluster op {url} is niet klaar: {(int)response.StatusCode} {body}");
        }
        catch (HttpRequestException exception)
        {
            throw new InvalidOperationException($"nginx van de cluster antwoordt niet op {url}: {exception.Message}", exception);
        }
    }

    /// <summary>Instance a or b as nginx names it in X-Gwt-Instance: its loopback address.</summary>
    public string InstanceAddress(string name) =>
        "127.0.0.1:" + File.ReadAllText(Path.Combine(folder!, name + ".port")).Trim();

    /// <summary>The instance that answered through nginx: the last address in X-Gwt-Instance (after a failover nginx lists every one it tried).</summary>
    public static string? AnsweredBy(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue("x-gwt-instance", out var value) ? LastAddress(value) : null;

    private static string LastAddress(string header) => header.Split(',')[^1].Trim();

    /// <summary>The instance nginx sends a browser with this route to now.</summary>
    public async Task<string?> ServedByAsync(string route)
    {
        using var http = NewHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, BaseUrl + "/healthz");
        request.Headers.Add("Cookie", $"{RouteCookie}={route}");
        using var response = await http.SendAsync(request);
        return response.Headers.TryGetValues("X-Gwt-Instance", out var values) ? LastAddress(values.Single()) : null;
    }

    /// <summary>
    /// A route that nginx sends to instance <paramref name="name"/> (while both answer): found by asking, the way the
    /// hash in deploy/nginx.conf really falls, and kept for the whole run.
    /// </summary>
    public async Task<string> RouteToAsync(string name)
    {
        if (routes.TryGetValue(name, out var known)) return known;
        var address = InstanceAddress(name);
        for (var i = 0; i < 100; i++)
        {
            var route = "test-" + i;
            if (await ServedByAsync(route) != address) continue;
            routes[name] = route;
            return route;
        }
        throw new InvalidOperationException($"nginx stuurde geen van 100 routes naar instantie {name} ({address}).");
    }

    /// <summary>Waits until nginx sends <paramref name="route"/> to instance <paramref name="name"/> again.</summary>
    public async Task WaitUntilServedByAsync(string route, string name, TimeSpan timeout)
    {
        var address = InstanceAddress(name);
        var deadline = DateTime.UtcNow + timeout;
        string? servedBy;
        while ((servedBy = await ServedByAsync(route)) != address)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"nginx stuurt route {route} na {timeout.TotalSeconds} s nog naar {servedBy}, niet naar {name} ({address}).");
            await Task.Delay(250);
        }
    }

    public bool IsRunning(string name) => File.Exists(Path.Combine(folder!, name + ".pid"));

    /// <summary>SIGKILL, as a crash: nothing is flushed or said goodbye to.</summary>
    public Task KillInstanceAsync(string name) => RunScriptAsync("kill-instance", name);

    /// <summary>Starts the instance again and returns once its /healthz/ready answers.</summary>
    public Task StartInstanceAsync(string name) => RunScriptAsync("start-instance", name);

    private async Task RunScriptAsync(params string[] args)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "cluster.sh"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["GWT_CLUSTER_DIR"] = folder;
        using var script = Process.Start(info) ?? throw new InvalidOperationException("Kon cluster.sh niet starten.");
        var output = script.StandardOutput.ReadToEndAsync();
        var error = script.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await script.WaitForExitAsync(timeout.Token);
        if (script.ExitCode != 0)
            throw new InvalidOperationException($"cluster.sh {string.Join(' ', args)} mislukte ({script.ExitCode}):\n{await output}{await error}");
    }

    private static HttpClient NewHttpClient() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    { Timeout = TimeSpan.FromSeconds(10) };

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} ontbreekt: de clustertests draaien met `bash scripts/cluster.sh test`.");
}

[CollectionDefinition(Name)]
public class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
