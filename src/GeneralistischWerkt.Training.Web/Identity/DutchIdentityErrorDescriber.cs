using Microsoft.AspNetCore.Identity;

namespace GeneralistischWerkt.Training.Web.Identity;

/// <summary>Identity's validation messages in Dutch, because users see them on the account forms.</summary>
public class DutchIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Er liep iets mis. Probeer het opnieuw.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Iemand anders heeft dit account intussen gewijzigd. Laad de pagina opnieuw.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Het wachtwoord klopt niet.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "De link is ongeldig of verlopen.");
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "Deze aanmelding is al aan een ander account gekoppeld.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"'{userName}' is geen geldige gebruikersnaam.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"'{email}' is geen geldig e-mailadres.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Er bestaat al een account met het e-mailadres '{userName}'.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Er bestaat al een account met het e-mailadres '{email}'.");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"'{role}' is geen geldige rol.");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"De rol '{role}' bestaat al.");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Dit account heeft al een wachtwoord.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Vergrendelen is niet ingeschakeld voor dit account.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Dit account heeft de rol '{role}' al.");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Dit account heeft de rol '{role}' niet.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Het wachtwoord moet minstens {length} tekens lang zijn.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens bevatten.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Het wachtwoord moet minstens één leesteken of symbool bevatten (bijvoorbeeld ! of #).");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Het wachtwoord moet minstens één cijfer bevatten.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Het wachtwoord moet minstens één kleine letter bevatten.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Het wachtwoord moet minstens één hoofdletter bevatten.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "De herstelcode is ongeldig.");
}
