using Microsoft.Playwright;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// One app process and one Chromium for all browser tests. If Chromium cannot start, every test fails with the
/// reason: browser tests never skip. <see cref="ClusterFixture"/> points the same tests at a running cluster instead.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private AppServer? app;

    public AppServer App => app ??= new();
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where the browser contexts of the tests go.</summary>
    public virtual string BaseUrl => App.BaseUrl;

    /// <summary>True for a test proxy with a throwaway certificate.</summary>
    public virtual bool IgnoreHttpsErrors => false;

    /// <summary>Starts (or finds) the app the tests talk to.</summary>
    protected virtual Task StartAppAsync() => App.StartAsync();

    public async Task InitializeAsync()
    {
        await StartAppAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GWT_CHROMIUM") ?? ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (app is not null) await app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
