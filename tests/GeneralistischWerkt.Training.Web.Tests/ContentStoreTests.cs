using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Web.Components.Shared;
using GeneralistischWerkt.Training.Web.Features.Modules;
using GeneralistischWerkt.Training.Web.Features.Scenarios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GeneralistischWerkt.Training.Web.Tests;

public class ContentStoreTests : BunitContext
{
    private readonly string root = Directory.CreateTempSubdirectory("gwt-inhoud").FullName;
    private readonly ListLogger<ContentStore> logger = new();

    private const string GoodFiche = """
        ---
        id: {0}
        titel: {1}
        soort: thema
        samenvatting: Een korte samenvatting.
        links: []
        ---
        Tekst over {1}.
        """;

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(root, file), text);

    private ContentStore CreateStore(string environment)
    {
        File.WriteAllText(Path.Combine(root, "README.md"), "# inhoud");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Root"] = root }).Build();
        return new ContentStore(configuration, new Environment(environment, root), logger);
    }

    [Fact]
    public void A_broken_file_is_logged_and_unavailable_while_the_rest_loads()
    {
        Write("goed.md", string.Format(GoodFiche, "goed", "Goed onderwerp"));
        Write("kapot.md", "---\nid: kapot\ntitel: [niet gesloten\n---\nTekst");
        using var store = CreateStore("Production");

        Assert.NotNull(store.Library.Find(ContentKind.Theme, "goed"));
        Assert.Null(store.Library.Find("kapot"));
        Assert.True(store.IsUnavailable("kapot"));
        Assert.False(store.IsUnavailable("goed"));
        Assert.Contains(logger.Errors, e => e.Contains("kapot.md") && e.Contains("GWT102"));

        Services.AddSingleton(store);
        var page = Render<ContentMissing>(p => p.Add(c => c.Id, "kapot"));
        Assert.Equal("Tijdelijk niet beschikbaar", page.Find("h1").TextContent);
        var unknown = Render<ContentMissing>(p => p.Add(c => c.Id, "bestaat-niet").Add(c => c.What, "Fiche"));
        Assert.Equal("Fiche niet gevonden", unknown.Find("h1").TextContent);
    }

    [Fact]
    public void A_too_deeply_nested_file_is_a_logged_check_error_and_unavailable_not_an_internal_error()
    {
        Write("goed.md", string.Format(GoodFiche, "goed", "Goed onderwerp"));
        Write("diep.md", "---\nid: diep\ntitel: Diep\nsoort: thema\nsamenvatting: S\nlinks: []\n---\n" + new string('>', 500) + " x\n");
        using var store = CreateStore("Production");

        Assert.True(store.IsUnavailable("diep"));
        Assert.NotNull(store.Library.Find(ContentKind.Theme, "goed"));
        Assert.Contains(logger.Errors, e => e.StartsWith("diep.md:8:33: error GWT112: ", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Errors, e => e.Contains("ontwikkelaars"));
    }

    [Fact]
    public async Task In_Development_a_changed_file_is_reloaded()
    {
        Write("onderwerp.md", string.Format(GoodFiche, "onderwerp", "Eerste titel"));
        using var store = CreateStore("Development");
        Assert.Equal("Eerste titel", store.Library.Find("onderwerp")!.Title);

        var reloaded = new TaskCompletionSource();
        store.Changed += () => reloaded.TrySetResult();
        Write("onderwerp.md", string.Format(GoodFiche, "onderwerp", "Nieuwe titel"));
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Nieuwe titel", store.Library.Find("onderwerp")!.Title);
    }

    /// <summary>
    /// The app reads content/ and scenarios/ with the same loaders as `gwt check`: a FIFO (which hung the loader), a
    /// folder link in a circle and a .yaml scenario are logged, never read, and the app starts with the rest. Guarded
    /// by a timeout so that a regression fails instead of hanging the test run.
    /// </summary>
    [Fact]
    public async Task Special_files_are_logged_and_skipped_and_the_app_keeps_the_rest()
    {
        var content = Directory.CreateDirectory(Path.Combine(root, "content")).FullName;
        var scenarios = Directory.CreateDirectory(Path.Combine(root, "scenarios")).FullName;
        File.WriteAllText(Path.Combine(content, "goed.md"), string.Format(GoodFiche, "goed", "Goed onderwerp"));
        MakeFifo(Path.Combine(content, "pijp.md"));
        MakeFifo(Path.Combine(scenarios, "pijp.yml"));
        Directory.CreateSymbolicLink(Path.Combine(content, "lus"), "..");
        File.WriteAllText(Path.Combine(scenarios, "kennismaking.yaml"), "id: kennismaking\n");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Root"] = content }).Build();
        var scenarioLogger = new ListLogger<ScenarioStore>();

        var (store, scenarioStore) = await Task.Run(() =>
        {
            var store = new ContentStore(configuration, new Environment("Development", root), logger);
            return (store, new ScenarioStore(store, scenarioLogger));
        }).WaitAsync(TimeSpan.FromSeconds(30));
        using var _ = store;

        Assert.Equal("Goed onderwerp", store.Library.Find("goed")!.Title);
        Assert.True(store.IsUnavailable("pijp"));
        Assert.Contains(logger.Errors, e => e.StartsWith("pijp.md:1:1: error GWT100: ", StringComparison.Ordinal) && e.Contains("FIFO"));
        Assert.Contains(logger.Errors, e => e.StartsWith("lus:1:1: error GWT100: ", StringComparison.Ordinal));
        Assert.Contains(scenarioLogger.Errors, e => e.StartsWith("scenarios/pijp.yml:1:1: error GWT300: ", StringComparison.Ordinal));
        Assert.Contains(scenarioLogger.Errors, e => e.StartsWith("scenarios/kennismaking.yaml:1:1: error GWT314: ", StringComparison.Ordinal));
        Assert.True(scenarioStore.IsUnavailable("pijp"));
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact]
    public void A_missing_content_folder_gives_an_empty_library_and_an_error_in_the_log()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Root"] = Path.Combine(root, "bestaat-niet") }).Build();
        using var store = new ContentStore(configuration, new Environment("Production", root), logger);
        Assert.Equal(0, store.Library.Count);
        Assert.Contains(logger.Errors, e => e.Contains("bestaat niet"));
    }

    private sealed class Environment(string name, string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Test";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>Collects formatted log messages so tests can assert what was logged.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<string> errors = [];
    public IReadOnlyList<string> Errors { get { lock (errors) return errors.ToList(); } }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Error) lock (errors) errors.Add(formatter(state, exception));
    }
}
