using System.Security.Cryptography;

namespace GeneralistischWerkt.Training.Web.Features.Live;

/// <summary>
/// Join codes for live sessions: 8 characters drawn with a cryptographic generator from an alphabet without look-alikes
/// (no 0/O, 1/I/L), so they are read off a projector without mistakes; 31^8 ≈ 8.5 × 10^11 codes, and wrong attempts
/// are limited per user, so guessing one is hopeless. Typed codes are read leniently (case, spaces, dashes).
/// </summary>
public static class JoinCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 8;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The stored form of a typed code, or null when it cannot be a code at all.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40) return null;
        var code = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }

    /// <summary>How a code is shown: two groups of four, easier to read aloud ("ABCD-EFGH").</summary>
    public static string Display(string code) => code.Length == Length ? $"{code[..4]}-{code[4..]}" : code;
}
