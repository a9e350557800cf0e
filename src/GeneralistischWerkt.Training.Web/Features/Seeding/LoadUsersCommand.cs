using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace GeneralistischWerkt.Training.Web.Features.Seeding;

/// <summary>
/// `dotnet run --project src/GeneralistischWerkt.Training.Web -- seed-load-users N`: accounts for the load driver
/// (bench/GeneralistischWerkt.Training.LoadDriver): coaches load1@load.gwt.test … loadN@load.gwt.test and one beheerder
/// load-admin@load.gwt.test (for the diagnostics endpoint), all with <see cref="Password"/>. Existing accounts are kept,
/// so it can be run again with a larger N. Never in Production: these are known passwords.
/// </summary>
public static class LoadUsersCommand
{
    public const string Name = "seed-load-users";
    public const string Password = "Belasting-2026!";
    public const string AdminEmail = "load-admin@load.gwt.test";

    public static string CoachEmail(int number) => $"load{number}@load.gwt.test";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, bool isProduction, TextWriter output)
    {
        if (isProduction)
        {
            output.WriteLine("seed-load-users weigert in Production: belastingsaccounts hebben een gekend wachtwoord.");
            return 1;
        }
        if (args.Length < 2 || !int.TryParse(args[1], out var count) || count < 1)
        {
            output.WriteLine("Gebruik: seed-load-users <aantal coaches>");
            return 2;
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        // One hash for all: hashing is deliberately slow (PBKDF2), and thousands of identical test passwords need no
        // salt of their own. Identity still creates each account (normalised names, security stamp, role).
        string? hash = null;
        var created = 0;
        var accounts = Enumerable.Range(1, count).Select(i => (Email: CoachEmail(i), Name: $"Belasting Coach {i}", Role: Roles.Coach))
            .Prepend((Email: AdminEmail, Name: "Belasting Beheer", Role: Roles.Admin));
        foreach (var (email, name, role) in accounts)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow(),
            };
            user.PasswordHash = hash ??= users.PasswordHasher.HashPassword(user, Password);
            var result = await users.CreateAsync(user);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) output.WriteLine($"Fout bij {email}: {error.Description}");
                return 1;
            }
            created++;
        }
        output.WriteLine($"{created} belastingsaccounts aangemaakt ({count} coaches en 1 beheerder in totaal; wachtwoord {Password}).");
        return 0;
    }
}
