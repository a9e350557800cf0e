using System.Collections.Concurrent;

namespace GeneralistischWerkt.Training.Web.Identity;

/// <summary>
/// Wrong passwords per account *and* address. One address that keeps guessing an account's password is stopped for
/// that account after <see cref="PerAddress"/> tries, by itself: it cannot lock the account for its owner, who signs in
/// from elsewhere. Only wrong passwords from more than one address count towards the account's own lockout (a
/// spread-out attack). Kept in memory: a restart forgets them, the account lockout itself is stored.
/// </summary>
public sealed class SignInFailures(TimeProvider clock)
{
    public const int PerAddress = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<(string User, string Address), (int Count, DateTimeOffset Last)> failures = new();

    public bool IsBlocked(string userId, string address) =>
        failures.TryGetValue((userId, address), out var entry) && entry.Count >= PerAddress && Recent(entry.Last);

    /// <summary>True when another address also gave a wrong password for this account recently.</summary>
    public bool OtherAddressFailed(string userId, string address) =>
        failures.Any(kv => kv.Key.User == userId && kv.Key.Address != address && Recent(kv.Value.Last));

    public void Failed(string userId, string address)
    {
        var now = clock.GetUtcNow();
        failures.AddOrUpdate((userId, address), (1, now),
            (_, entry) => (Recent(entry.Last) ? entry.Count + 1 : 1, now));
        if (failures.Count > PruneAbove)
        {
            foreach (var old in failures.Where(kv => !Recent(kv.Value.Last)).Select(kv => kv.Key).ToList()) failures.TryRemove(old, out _);
        }
    }

    public void Succeeded(string userId, string address) => failures.TryRemove((userId, address), out _);

    /// <summary>A beheerder unlocked the account or set a new password: every address starts afresh.</summary>
    public void Forget(string userId)
    {
        foreach (var key in failures.Keys.Where(k => k.User == userId).ToList()) failures.TryRemove(key, out _);
    }

    private bool Recent(DateTimeOffset moment) => clock.GetUtcNow() - moment < Window;
}
