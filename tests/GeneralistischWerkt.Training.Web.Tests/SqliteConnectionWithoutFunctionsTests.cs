using GeneralistischWerkt.Training.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// The app's SQLite connections leave out the SQL functions EF Core would register at every open (each registration
/// left a finalizable handle behind: ~7,800 per second under load, issue 15), and the app's contexts come from a pool.
/// </summary>
public sealed class SqliteConnectionWithoutFunctionsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("gwt-functions-").FullName;

    // Without Microsoft.Data.Sqlite's pool, so the file can be deleted afterwards without clearing every test's pools.
    private string ConnectionString => $"Data Source={Path.Combine(folder, "functions.db")};Pooling=False";

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<long> AddAsync(DbContext context) =>
        await context.Database.SqlQueryRaw<long>("SELECT ef_add(1, 2) AS Value").SingleAsync();

    [Fact]
    public async Task The_apps_connections_have_no_ef_functions_while_plain_ef_core_ones_do()
    {
        var plain = new DbContextOptionsBuilder<NoteContext>().UseSqlite(ConnectionString).Options;
        await using (var context = new NoteContext(plain)) Assert.Equal(3, await AddAsync(context));

        var app = new DbContextOptionsBuilder<NoteContext>();
        app.UseProvider(DatabaseProvider.Sqlite, ConnectionString);
        await using (var context = new NoteContext(app.Options))
        {
            var error = await Assert.ThrowsAsync<SqliteException>(() => AddAsync(context));
            Assert.Contains("no such function: ef_add", error.Message);
        }
    }

    [Fact]
    public async Task The_apps_contexts_read_and_write_and_are_reused_from_a_pool()
    {
        await using var services = new ServiceCollection()
            .AddApplicationDatabase(DatabaseProvider.Sqlite, o => o.UseProvider(DatabaseProvider.Sqlite, ConnectionString))
            .BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>();

        ApplicationDbContext first;
        await using (first = factory.CreateDbContext())
        {
            await first.Database.MigrateAsync();
            first.Teams.Add(new Team { Name = "Team Noord" });
            await first.SaveChangesAsync();
        }
        await using var second = factory.CreateDbContext();
        Assert.Same(first, second); // handed back to the pool, handed out again…
        Assert.Empty(second.ChangeTracker.Entries()); // …with nothing left of the previous operation
        Assert.Equal(["Team Noord"], await second.Teams.Select(t => t.Name).ToListAsync());
    }

    private sealed class NoteContext(DbContextOptions<NoteContext> options) : DbContext(options);
}
