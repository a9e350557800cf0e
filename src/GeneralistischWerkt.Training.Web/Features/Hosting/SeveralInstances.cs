using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Live;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace GeneralistischWerkt.Training.Web.Features.Hosting;

/// <summary>
/// What lets several instances of the app run behind one proxy (deploy/README.md): the data-protection keys in the
/// database (a cookie, antiforgery token or circuit made on one instance is valid on the others), change signals over
/// Redis pub/sub when "Redis:Configuration" is set (in process otherwise), and the health endpoints the proxy and the
/// service manager ask.
/// </summary>
public static class SeveralInstances
{
    /// <summary>Fixed, so every instance (and every release) reads the same keys, whatever folder it runs from.</summary>
    public const string ApplicationName = "GeneralistischWerkt.Training";

    public const string RedisKey = "Redis:Configuration";
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/healthz/ready";

    /// <summary>The endpoints that are not pages, for tests/page-privacy.txt.</summary>
    public static readonly string[] HealthPaths = [LivePath, ReadyPath];

    private const string ReadyTag = "ready";

    public static IServiceCollection AddSeveralInstances(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<ApplicationDbContext>();

        var health = services.AddHealthChecks()
            .AddDbContextCheck<ApplicationDbContext>("database", tags: [ReadyTag]);

        var redis = configuration[RedisKey];
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IChangeSignal, InProcessChangeSignal>();
            return services;
        }
        var options = ConfigurationOptions.Parse(redis);
        // Start (and keep serving this instance's pages) while Redis is away; the client reconnects by itself and
        // /healthz/ready says not ready meanwhile.
        options.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<IChangeSignal, RedisChangeSignal>();
        health.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// "/healthz": the process answers (no checks). "/healthz/ready": the database and, when configured, Redis answer.
    /// Anonymous, and only the word Healthy or Unhealthy: nothing about the checks, versions or addresses.
    /// </summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
    }

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy();
            }
            catch (RedisException exception)
            {
                return HealthCheckResult.Unhealthy("Redis antwoordt niet.", exception);
            }
        }
    }
}
