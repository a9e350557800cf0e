using System.Security.Claims;
using GeneralistischWerkt.Training.Web.Components.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;

namespace GeneralistischWerkt.Training.Web.Identity;

/// <summary>
/// An account whose password a beheerder chose must pick its own before anything else. The sign-in cookie carries a
/// claim for it (DisplayNameClaimsPrincipalFactory); every page request and every protected endpoint then redirects to
/// the change page (this middleware), and so does every page shown on a live interactive connection
/// (PasswordChangeGate in Routes.razor), which never passes through this middleware.
/// </summary>
public static class PasswordChangeRequirement
{
    public const string Claim = "must_change_password";
    public const string PagePath = "/account/wachtwoord";

    /// <summary>Whether this user must be sent to the change page instead of the given page.</summary>
    public static bool Blocks(ClaimsPrincipal? user, Type? pageType) =>
        user?.HasClaim(c => c.Type == Claim) == true && pageType != typeof(ChangePassword);

    public static IApplicationBuilder UsePasswordChangeRequirement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Pages and endpoints that need a signed-in user; sign-out and static files stay reachable.
            var endpoint = context.GetEndpoint();
            var page = endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
            var guarded = page is not null || endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null;
            if (guarded && Blocks(context.User, page))
            {
                context.Response.Redirect(PagePath);
                return;
            }
            await next();
        });
}
