using GeneralistischWerkt.Training.Web.Features.Accounts;
using GeneralistischWerkt.Training.Web.Identity;

namespace GeneralistischWerkt.Training.Web.Features.Seeding;

/// <summary>
/// `dotnet run --project src/GeneralistischWerkt.Training.Web -- create-admin --email E --naam "N"`:
/// creates the first beheerder in a database where nothing is seeded (Production). The password comes from the
/// environment variable GWT_ADMIN_PASSWORD, else from standard input (asked twice on a terminal, hidden).
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output,
        Func<string?>? readHidden = null)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--naam") ?? Option(args, "--name");
        if (email is null || name is null)
        {
            output.WriteLine("Gebruik: create-admin --email <e-mailadres> --naam \"<naam>\"");
            output.WriteLine("Het wachtwoord komt uit GWT_ADMIN_PASSWORD of wordt gevraagd.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("GWT_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            if (readHidden is not null)
            {
                output.Write("Wachtwoord: ");
                password = readHidden();
                output.Write("Herhaal het wachtwoord: ");
                if (readHidden() != password)
                {
                    output.WriteLine("De twee wachtwoorden verschillen.");
                    return 1;
                }
            }
            else
            {
                password = input.ReadLine();
            }
        }

        var accounts = services.GetRequiredService<AccountAdministration>();
        // The person running the command chose this password, so no forced change at the first sign-in.
        var result = await accounts.CreateAccountAsync(new NewAccount(name, email, password ?? "", [Roles.Admin], MustChangePassword: false));
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) output.WriteLine($"Fout: {error}");
            return 1;
        }
        output.WriteLine($"Beheerder {email} aangemaakt.");
        return 0;
    }

    public static string? ReadHiddenLine()
    {
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (chars.Count > 0) chars.RemoveAt(chars.Count - 1); }
            else chars.Add(key.KeyChar);
        }
        Console.WriteLine();
        return new string([.. chars]);
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
