using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Data;

/// <summary>Which database engine holds the data ("Database:Provider").</summary>
public enum DatabaseProvider
{
    /// <summary>The default: one file, nothing to install; for one instance.</summary>
    Sqlite,

    /// <summary>For several instances: "ConnectionStrings:Default" is then required.</summary>
    Postgres,
}

public static class DatabaseSetup
{
    public static DatabaseProvider ResolveProvider(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name) || name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            return DatabaseProvider.Sqlite;
        if (name.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
            return DatabaseProvider.Postgres;
        throw new InvalidOperationException($"Database:Provider '{name}' is onbekend: kies Sqlite of Postgres.");
    }

    /// <summary>
    /// "ConnectionStrings:Default" wins when set; otherwise (SQLite only) a file in "Storage:DataDirectory"
    /// (relative paths are taken from the content root; default "data").
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (ResolveProvider(configuration) == DatabaseProvider.Postgres)
            throw new InvalidOperationException(
                "Database:Provider is Postgres maar ConnectionStrings:Default ontbreekt (bv. Host=…;Database=gwt;Username=…;Password=…).");
        var directory = configuration["Storage:DataDirectory"];
        if (string.IsNullOrWhiteSpace(directory)) directory = "data";
        directory = Path.GetFullPath(directory, contentRoot);
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "gwt-training.db")}";
    }

    /// <summary>
    /// The app's one registration of its database: IDbContextFactory&lt;ApplicationDbContext&gt; for interactive pages
    /// (one context per operation) and a scoped context for Identity's stores. On PostgreSQL the contexts handed out
    /// are <see cref="PostgresDbContext"/>, so migrating applies PostgreSQL's own migration set.
    /// </summary>
    /// <param name="useProvider">Completes the options with the provider's connection (and, in tests, interceptors).</param>
    public static IServiceCollection AddApplicationDatabase(this IServiceCollection services, DatabaseProvider provider,
        Action<DbContextOptionsBuilder> useProvider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextFactory<PostgresDbContext>(useProvider);
            services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(sp =>
                new AsApplicationContexts<PostgresDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresDbContext>>()));
        }
        else
        {
            services.AddDbContextFactory<ApplicationDbContext>(useProvider);
        }
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Connects the options to the provider with the given connection string.</summary>
    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider,
        string connectionString) =>
        provider == DatabaseProvider.Postgres
            ? options.UseNpgsql(connectionString)
            : options.UseSqlite(connectionString).AddInterceptors(SqliteWriteGate.For(connectionString));

    /// <summary>Applies committed migrations and makes sure the three roles exist. Runs at every start-up.</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.Database.MigrateAsync();
        // Write-ahead logging: readers (every page) no longer wait for the one writer (a choice, an autosave), and a
        // commit appends to the log instead of rewriting pages. The mode is stored in the database file. Durability
        // stays as it was (synchronous FULL): a choice is on disk before it is shown.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private sealed class AsApplicationContexts<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ApplicationDbContext>
        where TContext : ApplicationDbContext
    {
        public ApplicationDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
