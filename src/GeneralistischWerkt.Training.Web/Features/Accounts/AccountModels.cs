namespace GeneralistischWerkt.Training.Web.Features.Accounts;

public record NewAccount(string DisplayName, string Email, string Password, IReadOnlyCollection<string> Roles);

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
