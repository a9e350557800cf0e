using GeneralistischWerkt.Training.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// One test world's empty database. GWT_TEST_DB picks the provider for the whole run: <c>sqlite</c> (default; in
/// memory, alive while its connection is open) or <c>postgres</c> (a new database per world on the server in
/// GWT_TEST_POSTGRES, dropped afterwards). A run that asks for PostgreSQL and cannot reach it fails; it never falls
/// back to SQLite.
/// </summary>
internal abstract class TestStore : IAsyncDisposable
{
    public static DatabaseProvider Provider { get; } = (Environment.GetEnvironmentVariable("GWT_TEST_DB") ?? "sqlite").ToLowerInvariant() switch
    {
        "sqlite" or "" => DatabaseProvider.Sqlite,
        "postgres" => DatabaseProvider.Postgres,
        var other => throw new InvalidOperationException($"GWT_TEST_DB='{other}': kies sqlite of postgres."),
    };

    /// <summary>Points the options at this database.</summary>
    public abstract void Use(DbContextOptionsBuilder options);

    public abstract ValueTask DisposeAsync();

    public static async Task<TestStore> CreateAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync();
            return new SqliteStore(connection);
        }
        var server = Environment.GetEnvironmentVariable("GWT_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                "GWT_TEST_DB=postgres maar GWT_TEST_POSTGRES (verbindingsstring naar de server) ontbreekt; scripts/test.sh start de server.");
        var name = $"gwt_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new PostgresStore(server, name);
    }

    private sealed class SqliteStore(SqliteConnection connection) : TestStore
    {
        public override void Use(DbContextOptionsBuilder options) => options.UseSqlite(connection);

        public override ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    private sealed class PostgresStore(string server, string name) : TestStore
    {
        private readonly string connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

        // As the app connects (DatabaseSetup.UseProvider): with its PostgreSQL defaults, so every test runs with them.
        public override void Use(DbContextOptionsBuilder options) => options.UseProvider(DatabaseProvider.Postgres, connectionString);

        public override async ValueTask DisposeAsync()
        {
            await using (var connection = new NpgsqlConnection(DatabaseSetup.WithPostgresDefaults(connectionString))) NpgsqlConnection.ClearPool(connection);
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
