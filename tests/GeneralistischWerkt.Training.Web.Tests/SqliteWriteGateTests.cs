using System.Data.Common;
using GeneralistischWerkt.Training.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// Writers to one SQLite file take turns in-process (asynchronously) instead of meeting SQLite's busy lock, which
/// Microsoft.Data.Sqlite answers by blocking a thread for 150 ms per retry (load-test finding, issue 15).
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("gwt-gate-").FullName;
    private readonly WriteHold hold = new();

    private string ConnectionString => $"Data Source={Path.Combine(folder, "gate.db")};Pooling=False";

    private NoteContext Context()
    {
        var options = new DbContextOptionsBuilder<NoteContext>();
        options.UseProvider(DatabaseProvider.Sqlite, ConnectionString).AddInterceptors(hold);
        return new NoteContext(options.Options);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_second_writer_waits_for_its_turn_without_touching_the_database_then_writes()
    {
        await using (var setup = Context()) await setup.Database.EnsureCreatedAsync();
        var gate = SqliteWriteGate.For(ConnectionString);

        hold.HoldNextWrite();
        await using var first = Context();
        first.Notes.Add(new Note { Text = "eerste" });
        var firstSave = first.SaveChangesAsync();
        await hold.WriteStarted; // the first writer is inside its INSERT now, holding the turn

        await using var second = Context();
        second.Notes.Add(new Note { Text = "tweede" });
        var writesBefore = hold.Writes;
        var secondSave = second.SaveChangesAsync();
        await WaitUntil(() => gate.Waiting == 1);
        Assert.False(secondSave.IsCompleted);
        Assert.Equal(writesBefore, hold.Writes); // it did not try the database (no busy lock, no 150 ms sleep)

        hold.Release();
        Assert.Equal(1, await firstSave);
        Assert.Equal(1, await secondSave);
        await using var check = Context();
        Assert.Equal(["eerste", "tweede"], await check.Notes.OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());
    }

    [Fact]
    public async Task A_failed_write_gives_the_turn_back()
    {
        await using (var setup = Context()) await setup.Database.EnsureCreatedAsync();
        await using (var first = Context())
        {
            first.Notes.Add(new Note { Id = 7, Text = "eerste" });
            await first.SaveChangesAsync();
        }
        await using (var duplicate = Context())
        {
            duplicate.Notes.Add(new Note { Id = 7, Text = "zelfde sleutel" });
            await Assert.ThrowsAsync<DbUpdateException>(() => duplicate.SaveChangesAsync());
        }

        await using var next = Context();
        next.Notes.Add(new Note { Text = "daarna" });
        var save = next.SaveChangesAsync();
        await WaitUntil(() => save.IsCompleted);
        Assert.Equal(1, await save);
        Assert.Equal(0, SqliteWriteGate.For(ConnectionString).Waiting);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "the expected state was not reached within 5 s");
    }

    private sealed class Note
    {
        public int Id { get; set; }
        public string Text { get; set; } = "";
    }

    private sealed class NoteContext(DbContextOptions<NoteContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }

    /// <summary>Counts INSERTs and can keep the next one waiting until released.</summary>
    private sealed class WriteHold : DbCommandInterceptor
    {
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int holdNext;
        private int writes;

        public Task WriteStarted => started.Task;
        public int Writes => Volatile.Read(ref writes);
        public void HoldNextWrite() => Volatile.Write(ref holdNext, 1);
        public void Release() => released.TrySetResult();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!command.CommandText.StartsWith("INSERT", StringComparison.Ordinal)) return result;
            Interlocked.Increment(ref writes);
            if (Interlocked.Exchange(ref holdNext, 0) == 1)
            {
                started.TrySetResult();
                await released.Task;
            }
            return result;
        }
    }
}
