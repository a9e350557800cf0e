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

    public static void AddRealStores(this IServiceCollection services)
    {
        var contentRoot = Path.Combine(RepoRoot(), "content");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Root"] = contentRoot }).Build();
        var content = new ContentStore(configuration, new Environment(contentRoot), NullLogger<ContentStore>.Instance);
        services.AddSingleton(content);
        services.AddSingleton(new ScenarioStore(content, NullLogger<ScenarioStore>.Instance));
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Test";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
