namespace GeneralistischWerkt.Training.Web.Features.Accounts;

/// <param name="MustChangePassword">
/// True when a beheerder chose the password: the user picks their own at the first sign-in. False only where the
/// person chose it (create-admin) or for the shared demo accounts.
/// </param>
public record NewAccount(string DisplayName, string Email, string Password, IReadOnlyCollection<string> Roles,
    bool MustChangePassword = true);

public record AccountSummary(
    string Id,
    string DisplayName,
    string Email,
    IReadOnlyList<string> Roles,
    bool IsActive,
    string? SupervisorId,
    string? SupervisorName,
    IReadOnlyList<string> Teams,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? LockoutEnd = null,
    bool MustChangePassword = false)
{
    public bool IsLockedOutAt(DateTimeOffset now) => LockoutEnd > now;
}

public record PersonRef(string Id, string DisplayName);

public record TeamSummary(
    int Id,
    string Name,
    IReadOnlyList<PersonRef> Supervisors,
    IReadOnlyList<PersonRef> Members);
