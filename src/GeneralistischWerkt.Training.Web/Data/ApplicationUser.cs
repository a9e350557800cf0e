using Microsoft.AspNetCore.Identity;

namespace GeneralistischWerkt.Training.Web.Data;

public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A deactivated account keeps its data but can no longer sign in.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>
    /// Set when a beheerder chose the password (a new account or a reset): the user must pick their own at the next
    /// sign-in before doing anything else. Cleared by a change or a reset through the e-mailed link.
    /// </summary>
    public bool MustChangePassword { get; set; }
}
