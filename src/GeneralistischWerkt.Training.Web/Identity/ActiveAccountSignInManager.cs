using GeneralistischWerkt.Training.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GeneralistischWerkt.Training.Web.Identity;

/// <summary>
/// Refuses sign-in (result NotAllowed) for deactivated accounts and records the last sign-in. A failed attempt looks
/// the same whether or not the address has an account: same result, and the same work (one password hash check).
/// </summary>
public class ActiveAccountSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IPasswordHasher<ApplicationUser> passwordHasher,
    SignInFailures failures,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes,
        confirmation)
{
    // A stand-in account whose hash is checked when the address is unknown. The hash is made once with the app's own
    // hasher, so checking it costs what checking a real account's password costs.
    private static readonly ApplicationUser DummyUser = new() { UserName = "onbekend" };
    private static string? dummyHash;

    // Read in a field initializer, not captured: the base class keeps its own reference too.
    private readonly IHttpContextAccessor requests = contextAccessor;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent,
        bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            dummyHash ??= passwordHasher.HashPassword(DummyUser, Guid.NewGuid().ToString());
            passwordHasher.VerifyHashedPassword(DummyUser, dummyHash, password);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password,
        bool lockoutOnFailure)
    {
        var address = AccountSecurity.AddressKey(requests.HttpContext?.Connection.RemoteIpAddress);
        // This address already gave too many wrong passwords for this account: the same answer as a lockout, and no
        // password is checked. The account itself stays open for its owner elsewhere (see SignInFailures).
        if (failures.IsBlocked(user.Id, address)) return SignInResult.LockedOut;

        SignInResult result;
        // "Gedeactiveerd" only after the right password: after a wrong one it would confirm that the address has an
        // account, so a deactivated account then answers like any wrong password.
        if (!user.IsActive && !await UserManager.CheckPasswordAsync(user, password))
            result = SignInResult.Failed;
        else
            result = await base.CheckPasswordSignInAsync(user, password,
                lockoutOnFailure && failures.OtherAddressFailed(user.Id, address));

        if (result.Succeeded) failures.Succeeded(user.Id, address);
        else if (!result.IsLockedOut && !result.IsNotAllowed && !result.RequiresTwoFactor) failures.Failed(user.Id, address);
        return failures.IsBlocked(user.Id, address) && !result.Succeeded ? SignInResult.LockedOut : result;
    }

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        user.IsActive && await base.CanSignInAsync(user);

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties,
        IEnumerable<System.Security.Claims.Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        user.LastSignInAt = clock.GetUtcNow();
        await UserManager.UpdateAsync(user);
    }
}
