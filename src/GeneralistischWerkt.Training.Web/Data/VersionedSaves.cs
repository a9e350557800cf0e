using GeneralistischWerkt.Training.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Data;

/// <summary>A row whose user text is saved against a version (an EF Core concurrency token).</summary>
public interface IVersioned
{
    int Version { get; set; }
}

public static class VersionedSaves
{
    /// <summary>
    /// Writes a user's text into a tracked <paramref name="row"/> only when it is based on the stored
    /// <paramref name="expectedVersion"/>. Otherwise nothing is written and the stored text comes back as a conflict,
    /// also when another save lands between our read and our write (the database checks the version in the UPDATE).
    /// </summary>
    public static async Task<SaveResult> WriteVersionAsync<T>(this DbContext db, T row, int expectedVersion, Action<T> write,
        Func<T, IReadOnlyDictionary<string, string>> fields, string gone) where T : class, IVersioned
    {
        if (row.Version != expectedVersion) return SaveResult.Conflict(row.Version, fields(row));
        write(row);
        row.Version = expectedVersion + 1;
        try
        {
            await db.SaveChangesAsync();
            return SaveResult.Saved(row.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            var entry = db.Entry(row);
            var stored = await entry.GetDatabaseValuesAsync();
            if (stored is null) return SaveResult.Refused(gone);
            entry.CurrentValues.SetValues(stored);
            return SaveResult.Conflict(row.Version, fields(row));
        }
    }

    /// <summary>
    /// Saves changes that do not touch the versioned text (a status, a share, a deletion). A text save may have raised
    /// the version since these rows were read; that is no conflict for such a change, so it is written again on top of
    /// what is stored now, keeping the stored value of every column this change did not modify.
    /// </summary>
    public static async Task SaveBesideTextAsync(this DbContext db)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateConcurrencyException exception) when (attempt < 5)
            {
                foreach (var entry in exception.Entries)
                {
                    var stored = await entry.GetDatabaseValuesAsync();
                    if (stored is null) throw; // the row is gone; the caller's own check handles that next time
                    foreach (var property in entry.Properties)
                    {
                        var mine = property.IsModified;
                        property.OriginalValue = stored[property.Metadata];
                        if (!mine) property.CurrentValue = stored[property.Metadata];
                    }
                }
            }
        }
    }
}
