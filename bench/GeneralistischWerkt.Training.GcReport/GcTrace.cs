using System.Globalization;
using System.Text;
using Microsoft.Diagnostics.Tracing;

namespace GeneralistischWerkt.Training.GcReport;

/// <summary>One stop of the app by the garbage collector, from suspending the threads until they run again.</summary>
public sealed record GcPause(int Number, int Generation, double AtSeconds, double PauseMs, double PromotedFromOlderMb, long ReadyForFinalizer);

/// <summary>What a trace of the runtime's GC events says about pauses, allocations and finalizers.</summary>
public sealed class GcTrace
{
    public List<GcPause> Pauses { get; } = [];
    public Dictionary<string, long> AllocatedBytesByType { get; } = [];
    public Dictionary<string, long> FinalizedByType { get; } = [];
    public double FirstMs { get; private set; } = double.NaN;
    public double LastMs { get; private set; }

    public static GcTrace Read(string path)
    {
        var trace = new GcTrace();
        using var source = new EventPipeEventSource(path);
        var clr = source.Clr;
        var typeNames = new Dictionary<ulong, string>();
        var finalizedByTypeId = new Dictionary<ulong, long>();
        double suspendedAt = 0, promotedFromOlder = 0;
        int number = 0, generation = 0;
        long readyForFinalizer = 0;

        source.AllEvents += e =>
        {
            if (double.IsNaN(trace.FirstMs)) trace.FirstMs = e.TimeStampRelativeMSec;
            trace.LastMs = e.TimeStampRelativeMSec;
        };
        clr.GCSuspendEEStart += e => suspendedAt = e.TimeStampRelativeMSec;
        clr.GCStart += e => { number = e.Count; generation = e.Depth; promotedFromOlder = 0; };
        // Objects kept alive only because an older generation points at them: what a young collection must copy.
        clr.GCMarkWithType += e => { if (e.Type == OlderGenerationRoot) promotedFromOlder += e.Promoted; };
        clr.GCHeapStats += e => readyForFinalizer = e.FinalizationPromotedCount;
        clr.GCRestartEEStop += e => trace.Pauses.Add(new GcPause(number, generation, suspendedAt / 1000,
            e.TimeStampRelativeMSec - suspendedAt, promotedFromOlder / 1e6, readyForFinalizer));
        clr.GCAllocationTick += e =>
        {
            var name = e.TypeName ?? "?";
            typeNames[(ulong)e.TypeID] = name;
            trace.AllocatedBytesByType[name] = trace.AllocatedBytesByType.GetValueOrDefault(name) + e.AllocationAmount64;
        };
        clr.GCFinalizeObject += e => finalizedByTypeId[(ulong)e.TypeID] = finalizedByTypeId.GetValueOrDefault((ulong)e.TypeID) + 1;
        source.Process();

        foreach (var (typeId, count) in finalizedByTypeId)
        {
            var name = typeNames.GetValueOrDefault(typeId, $"type 0x{typeId:x} (nooit als allocatie gezien)");
            trace.FinalizedByType[name] = trace.FinalizedByType.GetValueOrDefault(name) + count;
        }
        return trace;
    }

    public double Seconds => double.IsNaN(FirstMs) ? 0 : (LastMs - FirstMs) / 1000;

    public string Format(int top = 15)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"spoor van {Seconds:F1} s");
        foreach (var p in Pauses)
        {
            text.AppendLine(c, $"GC {p.Number} gen{p.Generation} op {p.AtSeconds:F1} s: pauze {p.PauseMs:F1} ms, " +
                $"via oudere generaties bewaard {p.PromotedFromOlderMb:F1} MB, klaar voor finalizer {p.ReadyForFinalizer}");
        }
        if (Pauses.Count > 0 && Seconds > 0)
        {
            var sorted = Pauses.Select(p => p.PauseMs).Order().ToList();
            var total = sorted.Sum();
            text.AppendLine(c, $"pauzes: {Pauses.Count}, samen {total:F0} ms = {100 * total / (Seconds * 1000):F1} % van de tijd, " +
                $"mediaan {sorted[sorted.Count / 2]:F0} ms, langste {sorted[^1]:F0} ms");
        }
        var allocated = AllocatedBytesByType.Values.Sum();
        if (allocated > 0 && Seconds > 0)
        {
            text.AppendLine(c, $"gealloceerd (steekproef per ~100 KB): {allocated / 1e6:F0} MB = {allocated / 1e6 / Seconds:F1} MB/s; grootste types:");
            foreach (var (name, bytes) in AllocatedBytesByType.OrderByDescending(kv => kv.Value).Take(top))
                text.AppendLine(c, $"  {bytes / 1e6,8:F1} MB {100.0 * bytes / allocated,5:F1} %  {name}");
        }
        text.AppendLine(c, $"door een finalizer gegaan: {FinalizedByType.Values.Sum()}");
        foreach (var (name, count) in FinalizedByType.OrderByDescending(kv => kv.Value).Take(top))
            text.AppendLine(c, $"  {count,8}  {name}");
        return text.ToString();
    }

    // The runtime's MarkWithType event: root kind 3 is "objects found through older generations".
    private const int OlderGenerationRoot = 3;
}
