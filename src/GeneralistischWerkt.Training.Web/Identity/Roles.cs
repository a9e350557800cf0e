namespace GeneralistischWerkt.Training.Web.Identity;

/// <summary>The three roles of the app. Identifiers are the Dutch names users see, so one string serves both.</summary>
public static class Roles
{
    public const string Coach = "Coach";
    public const string Supervisor = "Werkbegeleider";
    public const string Admin = "Beheerder";

    public static readonly IReadOnlyList<string> All = [Coach, Supervisor, Admin];

    /// <summary>The start page a user lands on; with several roles the broadest task wins.</summary>
    public static string StartPageFor(Func<string, bool> isInRole) =>
        isInRole(Admin) ? "/beheer"
        : isInRole(Supervisor) ? "/werkbegeleider"
        : isInRole(Coach) ? "/coach"
        : "/account/geen-rol";
}
