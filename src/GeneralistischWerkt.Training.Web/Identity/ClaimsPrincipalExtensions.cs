using System.Security.Claims;

namespace GeneralistischWerkt.Training.Web.Identity;

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Niet aangemeld.");
}
