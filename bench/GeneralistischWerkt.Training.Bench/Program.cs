using System.Diagnostics;
using System.Text.RegularExpressions;
using GeneralistischWerkt.Training.Core.Content;

// Loads and validates content/ at 1x and at N x (N copies with suffixed ids, so ids stay unique and links resolve
// within each copy), several runs each, and prints median/min wall time and memory.
// Usage: dotnet run -c Release --project bench/GeneralistischWerkt.Training.Bench [-- [--root DIR] [--copies N] [--runs N]]

var root = FindRepositoryRoot(Directory.GetCurrentDirectory());
var copies = 50;
var runs = 7;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--root" when i + 1 < args.Length: root = Path.GetFullPath(args[++i]); break;
        case "--copies" when i + 1 < args.Length && int.TryParse(args[i + 1], out var c) && c > 0: copies = c; i++; break;
        case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r > 0: runs = r; i++; break;
        default:
            Console.Error.WriteLine("Gebruik: gwt-bench [--root MAP] [--copies N] [--runs N]");
            return 2;
    }
}

var content = Path.Combine(root, "content");
if (!Directory.Exists(content))
{
    Console.Error.WriteLine($"gwt-bench: geen map content/ in '{root}'");
    return 2;
}

Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {(Debugger.IsAttached ? "debugger" : "no debugger")}, " +
                  $"{(typeof(ContentLoader).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled) ? "Debug build (numbers are pessimistic)" : "optimized build")}");

var temp = Path.Combine(Path.GetTempPath(), "gwt-bench-" + Guid.NewGuid().ToString("N"));
try
{
    var multiplied = Path.Combine(temp, "content");
    var generated = Multiply(content, multiplied, copies);
    Console.WriteLine($"generated {generated} files in {multiplied}");

    Measure("1x", content, runs);
    Measure($"{copies}x", multiplied, runs);
}
finally
{
    try { Directory.Delete(temp, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}
return 0;

static void Measure(string label, string directory, int runs)
{
    // Warm-up (JIT, file cache), not counted.
    var warm = ContentValidator.Check(directory);
    if (warm.ErrorCount > 0)
    {
        Console.WriteLine($"{label}: {warm.ErrorCount} errors, first: {warm.Diagnostics.First(d => d.IsError)}");
    }

    var times = new List<double>(runs);
    long allocated = 0;
    long peakRetained = 0;
    ContentLoadResult? result = null;
    for (var run = 0; run < runs; run++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        result = ContentValidator.Check(directory);
        stopwatch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        times.Add(stopwatch.Elapsed.TotalMilliseconds);
        peakRetained = Math.Max(peakRetained, GC.GetTotalMemory(forceFullCollection: true));
        GC.KeepAlive(result);
    }
    times.Sort();
    var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
    Console.WriteLine(
        $"{label,4}: {result!.FileCount,5} files, {result.Library.Count,5} items, {result.ErrorCount} errors, {result.WarningCount} warnings | " +
        $"median {median,8:F1} ms, min {times[0],8:F1} ms over {runs} runs | " +
        $"allocated {allocated / 1048576.0,7:F1} MiB per run, live heap with library {peakRetained / 1048576.0,6:F1} MiB, " +
        $"process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
}

// Copies every content file N times. Copy k gets folder "kopie-k/" and every id in it gets the suffix "-k":
// the id field, soort:id references in front matter, [[soort:id]] links in bodies, and a lesson's module field.
static int Multiply(string source, string target, int copies)
{
    var files = Directory.GetFiles(source, "*.md", SearchOption.AllDirectories)
        .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
        .ToArray();
    var kinds = string.Join('|', ContentKinds.Slugs);
    var reference = new Regex($@"\b(?<kind>{kinds}):(?<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?=[\]\|,\s]|$)", RegexOptions.Multiline);
    var idLine = new Regex(@"^(?<key>id|module):[ \t]*(?<id>[a-z0-9]+(?:-[a-z0-9]+)*)[ \t]*$", RegexOptions.Multiline);
    var count = 0;
    for (var copy = 1; copy <= copies; copy++)
    {
        var suffix = "-" + copy;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var frontMatterEnd = text.IndexOf("\n---", 3, StringComparison.Ordinal);
            // Ids of checks are local to a lesson ("  - id: x" is indented), so only top-level lines match idLine.
            var head = frontMatterEnd > 0 ? text[..frontMatterEnd] : text;
            var rest = frontMatterEnd > 0 ? text[frontMatterEnd..] : "";
            head = idLine.Replace(head, m => $"{m.Groups["key"].Value}: {m.Groups["id"].Value}{suffix}");
            text = reference.Replace(head + rest, m => $"{m.Groups["kind"].Value}:{m.Groups["id"].Value}{suffix}");

            var relative = Path.GetRelativePath(source, file);
            var name = Path.GetFileNameWithoutExtension(relative) + suffix + ".md";
            var destination = Path.Combine(target, $"kopie-{copy}", Path.GetDirectoryName(relative) ?? "", name);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.WriteAllText(destination, text);
            count++;
        }
    }
    return count;
}

static string FindRepositoryRoot(string start)
{
    for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "GeneralistischWerkt.Training.sln"))) return directory.FullName;
    }
    return start;
}
