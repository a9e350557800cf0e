using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GeneralistischWerkt.Training.Web.Data;

/// <summary>
/// Lets one SaveChanges at a time write to a SQLite file, the others wait asynchronously for their turn.
/// </summary>
/// <remarks>
/// SQLite has one writer at a time. When a second connection tries to write, Microsoft.Data.Sqlite retries by blocking
/// its thread for 150 ms (Thread.Sleep in SqliteDataReader.NextResult) until the command timeout. Under load that
/// blocked thread-pool threads and capped the app at ~50 choices per second with 30 s time-outs, while the CPU idled
/// (load driver, 1,000 players). Queueing in-process before the write costs a few microseconds when nobody else writes.
/// Every write of this app goes through SaveChanges (no explicit transactions, no ExecuteUpdate); a writer in another
/// process (a command-line command while the app runs) still meets the library's own retry.
/// </remarks>
public sealed class SqliteWriteGate : SaveChangesInterceptor
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    // After this long a writer goes ahead without its turn (and meets the library's retry): a turn that was never given
    // back (SaveChanges failing before its try block, e.g. in DetectChanges) slows writes down but never stops them.
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim turn = new(1, 1);
    private DbContext? holder;
    private int waiting;

    private SqliteWriteGate() { }

    /// <summary>The one gate of the database this connection string opens.</summary>
    public static SqliteWriteGate For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SqliteWriteGate());

    /// <summary>How many SaveChanges wait for their turn right now.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Interlocked.Increment(ref waiting);
        try { if (turn.Wait(LongestWait)) Volatile.Write(ref holder, eventData.Context); }
        finally { Interlocked.Decrement(ref waiting); }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref waiting);
        try { if (await turn.WaitAsync(LongestWait, cancellationToken)) Volatile.Write(ref holder, eventData.Context); }
        finally { Interlocked.Decrement(ref waiting); }
        return result;
    }

    /// <summary>Gives the turn back, only when this context has it (one that went ahead without a turn has none).</summary>
    private void Done(DbContext? context)
    {
        if (context is not null && Interlocked.CompareExchange(ref holder, null, context) == context) turn.Release();
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Done(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Done(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }
}
