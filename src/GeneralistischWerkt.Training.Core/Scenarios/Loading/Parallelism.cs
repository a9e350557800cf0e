using System.Runtime.ExceptionServices;

namespace GeneralistischWerkt.Training.Core.Scenarios.Loading;

/// <summary>
/// Runs independent per-file work on all cores. Callers write each result into its own slot and merge the slots in
/// index order afterwards, so the outcome never depends on which thread finished first.
/// </summary>
internal static class Parallelism
{
    /// <summary>
    /// Calls <paramref name="body"/> for 0 ≤ i &lt; <paramref name="count"/>, in parallel when that can help. An exception
    /// escapes as itself (the first one), as it would from a plain loop, not wrapped in an <see cref="AggregateException"/>.
    /// </summary>
    public static void For(int count, Action<int> body)
    {
        if (count <= 1 || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < count; i++) body(i);
            return;
        }
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }
}
