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
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }
}
