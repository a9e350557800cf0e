using System.Security.Claims;
using GeneralistischWerkt.Training.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GeneralistischWerkt.Training.Web.Identity;

/// <summary>
/// Adds the display name to the sign-in cookie so the header can greet the user without a query, and marks an account
/// that must first choose its own password (checked on every request without a query; see PasswordChangeRequirement).
/// </summary>
public class DisplayNameClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(PasswordChangeRequirement.Claim, "ja"));
        return identity;
    }
}
