using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Data;

public static class VersionedSaves
{
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
