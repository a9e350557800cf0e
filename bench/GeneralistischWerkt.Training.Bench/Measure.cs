using System.Diagnostics;

namespace GeneralistischWerkt.Training.Bench;

/// <summary>Timing helpers and the result table.</summary>
public static class Measure
{
    public sealed record Row(string Name, string Size, string Median, string Min, string PerOp, string Allocated, string Notes);

    public static List<Row> Rows { get; } = [];

    public static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static void FullGc()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>
    /// Runs <paramref name="action"/> while a background thread samples the managed heap and the process working set
    /// every millisecond; returns the highest values seen.
    /// </summary>
    public static (long ManagedHeap, long WorkingSet) PeakMemory(Action action)
    {
        long heap = GC.GetTotalMemory(false);
        long workingSet = Environment.WorkingSet;
        var stop = false;
        var sampler = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                heap = Math.Max(heap, GC.GetTotalMemory(false));
                workingSet = Math.Max(workingSet, Environment.WorkingSet);
                Thread.Sleep(1);
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        sampler.Start();
        action();
        Volatile.Write(ref stop, true);
        sampler.Join();
        return (Math.Max(heap, GC.GetTotalMemory(false)), Math.Max(workingSet, Environment.WorkingSet));
    }

    public static string Ms(double ms) => ms >= 100 ? $"{ms:F0} ms" : ms >= 10 ? $"{ms:F1} ms" : $"{ms:F2} ms";

    public static string Ns(double ns) => ns >= 1e6 ? Ms(ns / 1e6) : ns >= 10_000 ? $"{ns / 1000:F1} µs" : ns >= 1000 ? $"{ns / 1000:F2} µs" : $"{ns:F0} ns";

    public static string Bytes(double bytes) => bytes >= 10 * 1048576.0 ? $"{bytes / 1048576.0:F0} MiB"
        : bytes >= 1048576.0 ? $"{bytes / 1048576.0:F1} MiB"
        : bytes >= 10 * 1024 ? $"{bytes / 1024:F0} KiB"
        : $"{bytes:F0} B";

    public static double PeakWorkingSetMiB() => Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;

    public static void PrintTable()
    {
        string[] header = ["benchmark", "size", "median", "min", "per op", "allocated", "notes"];
        var cells = Rows.Select(r => new[] { r.Name, r.Size, r.Median, r.Min, r.PerOp, r.Allocated, r.Notes }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        string Line(string[] c) => "| " + string.Join(" | ", c.Select((x, i) => i is 0 or 6 ? x.PadRight(widths[i]) : x.PadLeft(widths[i]))) + " |";
        Console.WriteLine();
        Console.WriteLine(Line(header));
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var c in cells) Console.WriteLine(Line(c));
    }
}
