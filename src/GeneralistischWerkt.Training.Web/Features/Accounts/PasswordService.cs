using System.Text;
using GeneralistischWerkt.Training.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace GeneralistischWerkt.Training.Web.Features.Accounts;

/// <summary>
/// A user's own password: change it, and "wachtwoord vergeten" with Identity's reset tokens. Used by the (static,
/// per-request) account pages, so the request's UserManager serves.
/// </summary>
public class PasswordService(UserManager<ApplicationUser> users, IPasswordResetMailer mailer, ILogger<PasswordService> logger)
{
    public const string ResetPath = "/account/wachtwoord-herstellen";
    private const string InvalidLink = "De link is ongeldig of verlopen. Vraag een nieuwe link aan.";

    public async Task<AdminResult> ChangeAsync(ApplicationUser user, string current, string newPassword, string repeated)
    {
        if (newPassword != repeated) return AdminResult.Fail("De twee nieuwe wachtwoorden zijn niet gelijk.");
        if (newPassword == current) return AdminResult.Fail("Kies een ander wachtwoord dan je huidige.");
        // Also changes the security stamp, which signs the user out of every other session.
        var changed = await users.ChangePasswordAsync(user, current, newPassword);
        if (!changed.Succeeded) return Describe(changed);
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        logger.LogInformation("Account {UserId} wijzigde zijn wachtwoord.", user.Id);
        return AdminResult.Ok();
    }

    /// <summary>
    /// Sends a reset link when an active account has this address, and otherwise nothing; the caller shows the same
    /// answer either way. Returns the link to show on screen, which only the Development mailer gives.
    /// </summary>
    public async Task<string?> RequestResetAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.IsActive) return null;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return await mailer.SendAsync(user, $"{ResetPath}?id={Uri.EscapeDataString(user.Id)}&code={code}");
    }

    public async Task<AdminResult> ResetAsync(string? userId, string? code, string newPassword, string repeated)
    {
        if (newPassword != repeated) return AdminResult.Fail("De twee nieuwe wachtwoorden zijn niet gelijk.");
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        var token = Decode(code);
        if (user is null || !user.IsActive || token is null) return AdminResult.Fail(InvalidLink);

        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)) ? AdminResult.Fail(InvalidLink) : Describe(reset);
        // Whoever holds the mailbox chose this password: no forced change, and a lockout has no more purpose.
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("Account {UserId} koos een nieuw wachtwoord via de herstellink.", user.Id);
        return AdminResult.Ok();
    }

    private static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    private static AdminResult Describe(IdentityResult result) =>
        AdminResult.Fail(result.Errors.Select(e => e.Description).Distinct().ToArray());
}
