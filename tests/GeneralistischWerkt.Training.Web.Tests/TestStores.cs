using GeneralistischWerkt.Training.Web.Features.Modules;
using GeneralistischWerkt.Training.Web.Features.Scenarios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>Real ContentStore and ScenarioStore over the repository's own content/ and scenarios/.</summary>
public static class TestStores
{
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GeneralistischWerkt.Training.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    /// <summary>Loaded once for all tests: the stores only read the repository's files.</summary>
    private static readonly Lazy<(ContentStore Content, ScenarioStore Scenarios)> Stores = new(() =>
    {
        var contentRoot = Path.Combine(RepoRoot(), "content");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Root"] = contentRoot }).Build();
        var content = new ContentStore(configuration, new Environment(contentRoot), NullLogger<ContentStore>.Instance);
        return (content, new ScenarioStore(content, NullLogger<ScenarioStore>.Instance));
    });

    public static void AddRealStores(this IServiceCollection services)
    {
        services.AddSingleton(Stores.Value.Content);
        services.AddSingleton(Stores.Value.Scenarios);
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Test";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
