using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// "ConnectionStrings:Default" wins when set; otherwise an SQLite file in "Storage:DataDirectory"
    /// (relative paths are taken from the content root; default "data").
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var directory = configuration["Storage:DataDirectory"];
        if (string.IsNullOrWhiteSpace(directory)) directory = "data";
        directory = Path.GetFullPath(directory, contentRoot);
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "gwt-training.db")}";
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
}
