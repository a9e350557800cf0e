using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

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
    // Idle contexts kept for reuse: far more than the operations in flight at once on one instance (EF Core's default
    // is 1,024). When the pool is empty a context is made, and dropped after use, as without a pool.
    private const int PoolSize = 128;

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
    /// The contexts come from a pool: building a fresh context resolves EF Core's internal services into a new scope,
    /// which was the largest single source of garbage per choice under load (README, Belasting). A pooled context is
    /// reset when it is returned, so it still holds nothing of the previous operation.
    /// </summary>
    /// <param name="useProvider">Completes the options with the provider's connection (and, in tests, interceptors).</param>
    public static IServiceCollection AddApplicationDatabase(this IServiceCollection services, DatabaseProvider provider,
        Action<DbContextOptionsBuilder> useProvider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddPooledDbContextFactory<PostgresDbContext>(useProvider, PoolSize);
            services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(sp =>
                new AsApplicationContexts<PostgresDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresDbContext>>()));
        }
        else
        {
            services.AddPooledDbContextFactory<ApplicationDbContext>(useProvider, PoolSize);
        }
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Connects the options to the provider with the given connection string.</summary>
#pragma warning disable EF1001 // an internal EF Core type: see SqliteConnectionWithoutFunctions for why
    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider,
        string connectionString) =>
        provider == DatabaseProvider.Postgres
            ? options.UseNpgsql(WithPostgresDefaults(connectionString))
            : options.UseSqlite(connectionString)
                .ReplaceService<ISqliteRelationalConnection, SqliteConnectionWithoutFunctions>()
                .AddInterceptors(SqliteWriteGate.For(connectionString));
#pragma warning restore EF1001

    // Measured with 1,000 players through nginx (README, Belasting): PostgreSQL's share of the machine was 11-12 %
    // without these settings and 6-7 % with them in two of three runs. Automatic preparation lets the server parse and
    // plan each of the app's few hot statements once per connection instead of at every choice; without the reset, a pooled connection is handed out again without
    // Npgsql's reset commands being sent to the server. Safe because the app sets no session state (no SET, temporary
    // tables, LISTEN or session locks). A value written in the connection string wins.
    private const int PostgresAutoPrepare = 20;

    /// <summary>The configured PostgreSQL connection string, with automatic preparation and no reset on return to the
    /// pool unless it says otherwise.</summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("maxautoprepare")) builder.MaxAutoPrepare = PostgresAutoPrepare;
        if (!written.Contains("noresetonclose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

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
