using GeneralistischWerkt.Training.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// Each provider has its own migration set (SQLite: Data/Migrations, PostgreSQL: Data/PostgresMigrations). A model
/// change with a migration for only one provider (or none) fails here: add both with scripts/add-migration.sh Name.
/// </summary>
public class MigrationSetsTests
{
    [Fact]
    public void The_SQLite_migrations_reach_the_current_model()
    {
        using var db = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "Het model wijkt af van de SQLite-migraties: voeg een migratie toe met scripts/add-migration.sh Naam.");
    }

    [Fact]
    public void The_PostgreSQL_migrations_reach_the_current_model()
    {
        // Comparing models needs no server.
        using var db = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>()
            .UseNpgsql("Host=localhost;Database=gwt_model_only").Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "Het model wijkt af van de PostgreSQL-migraties: voeg een migratie toe met scripts/add-migration.sh Naam.");
    }

    [Fact]
    public void Each_context_type_finds_only_its_own_provider_s_migrations()
    {
        using var sqlite = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>()
            .UseNpgsql("Host=localhost;Database=gwt_model_only").Options);
        var sqliteMigrations = sqlite.GetService<IMigrationsAssembly>().Migrations.Values.Select(t => t.Namespace).Distinct();
        var postgresMigrations = postgres.GetService<IMigrationsAssembly>().Migrations.Values.Select(t => t.Namespace).Distinct();
        Assert.Equal(["GeneralistischWerkt.Training.Web.Data.Migrations"], sqliteMigrations);
        Assert.Equal(["GeneralistischWerkt.Training.Web.Data.PostgresMigrations"], postgresMigrations);
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData("postgresql", DatabaseProvider.Postgres)]
    public void Database_Provider_picks_the_engine(string? setting, DatabaseProvider expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = setting }).Build();
        Assert.Equal(expected, DatabaseSetup.ResolveProvider(configuration));
    }

    [Fact]
    public void Postgres_without_a_connection_string_stops_the_start_with_the_reason()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres" }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSetup.ResolveConnectionString(configuration, Path.GetTempPath()));
        Assert.Contains("ConnectionStrings:Default", error.Message);
        var unknown = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "MySql" }).Build();
        Assert.Throws<InvalidOperationException>(() => DatabaseSetup.ResolveProvider(unknown));
    }

    [Fact]
    public void On_PostgreSQL_the_app_hands_out_the_PostgreSQL_context_so_start_up_applies_its_migrations()
    {
        using var services = new ServiceCollection()
            .AddApplicationDatabase(DatabaseProvider.Postgres, o => o.UseNpgsql("Host=localhost;Database=gwt_model_only"))
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        Assert.IsType<PostgresDbContext>(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
        using var fromFactory = services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();
        Assert.IsType<PostgresDbContext>(fromFactory);
    }

    [Fact]
    public async Task The_test_worlds_run_on_the_provider_this_run_asked_for_migrated_by_the_app_s_start_up()
    {
        // scripts/test.sh runs this project twice: GWT_TEST_DB unset (SQLite) and GWT_TEST_DB=postgres.
        await using var world = await TestDatabase.CreateAsync();
        var (provider, applied) = await world.WithDbAsync(async db =>
            (db.Database.ProviderName, (await db.Database.GetAppliedMigrationsAsync()).Count()));
        Assert.Equal(TestDatabase.Provider == DatabaseProvider.Postgres
            ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
        Assert.True(applied > 0);
    }
}
