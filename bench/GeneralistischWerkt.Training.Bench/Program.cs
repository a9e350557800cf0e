using System.Diagnostics;
using System.Text.RegularExpressions;
using GeneralistischWerkt.Training.Bench;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Scenarios;

// Benchmarks, several runs each with warm-up, median/min wall time and memory, then one table:
//  content   — loads and validates content/ at 1x and at N x (N copies with suffixed ids, so ids stay unique and links
//              resolve within each copy).
//  scenarios — ScenarioValidator.Check of the shipped scenarios/ catalogue, and of a synthetic set (default 1,000
//              scenarios of 200 nodes, real YAML in a temp directory, real competency and content ids; must be 0 errors),
//              the synthetic set twice: as `gwt check` runs it (each scenario released once checked: the target figure)
//              and with every scenario kept in memory (as the app loads its catalogue).
//  engine    — ScenarioRun.Start + Choose along seeded random walks (>= 1,000,000 steps) on the catalogue and on a
//              synthetic 200-node scenario, plus Resume of a 20-step path, Serialize and Deserialize.
// Usage: dotnet run -c Release --project bench/GeneralistischWerkt.Training.Bench [-- [--only content|scenarios|engine]
//        [--root DIR] [--copies N] [--runs N] [--scenarios N] [--nodes N] [--steps N]]
//        [--write-synthetic DIR]: only writes the synthetic set as a repository root (DIR/scenarios plus a copy of
//        content/), so that the real command can be timed on it: gwt check --root DIR (see bench/cli-check.sh).

var root = FindRepositoryRoot(Directory.GetCurrentDirectory());
var copies = 50;
var runs = 7;
var syntheticCount = 1000;
var syntheticNodes = 200;
var steps = 1_000_000L;
string? only = null;
string? writeSynthetic = null;
string[] sections = ["content", "scenarios", "engine"];
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--root" when i + 1 < args.Length: root = Path.GetFullPath(args[++i]); break;
        case "--copies" when i + 1 < args.Length && int.TryParse(args[i + 1], out var c) && c > 0: copies = c; i++; break;
        case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r > 0: runs = r; i++; break;
        case "--scenarios" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0: syntheticCount = n; i++; break;
        case "--nodes" when i + 1 < args.Length && int.TryParse(args[i + 1], out var k) && k is >= 30 and <= 1000: syntheticNodes = k; i++; break;
        case "--steps" when i + 1 < args.Length && long.TryParse(args[i + 1], out var s) && s > 0: steps = s; i++; break;
        case "--only" when i + 1 < args.Length && sections.Contains(args[i + 1]): only = args[++i]; break;
        case "--write-synthetic" when i + 1 < args.Length: writeSynthetic = Path.GetFullPath(args[++i]); break;
        default:
            Console.Error.WriteLine("Gebruik: gwt-bench [--only content|scenarios|engine] [--root MAP] [--copies N] [--runs N] " +
                                    "[--scenarios N] [--nodes N] [--steps N] [--write-synthetic MAP]");
            return 2;
    }
}
bool Runs(string section) => only is null || only == section;

var content = Path.Combine(root, "content");
if (!Directory.Exists(content))
{
    Console.Error.WriteLine($"gwt-bench: geen map content/ in '{root}'");
    return 2;
}

if (writeSynthetic is not null)
{
    var contentLibrary = ContentLoader.Load(content).Library;
    var competencies = CompetencyCatalog.Load(Path.Combine(content, "competenties.yml"), ScenarioLoader.DefaultCompetenciesFile, []);
    var generator = ScenarioBenchmarks.NewGenerator(contentLibrary, competencies);
    generator.WriteSet(writeSynthetic, Path.Combine(content, "competenties.yml"), syntheticCount, syntheticNodes, seed: 12345);
    foreach (var file in Directory.GetFiles(content, "*", SearchOption.AllDirectories))
    {
        var target = Path.Combine(writeSynthetic, "content", Path.GetRelativePath(content, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target, overwrite: true);
    }
    Console.WriteLine($"wrote {generator.ScenarioCount} scenarios of {syntheticNodes} nodes ({generator.BytesWritten / 1048576.0:F1} MiB) and a copy of content/ to {writeSynthetic}");
    return 0;
}

Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {(Debugger.IsAttached ? "debugger" : "no debugger")}, " +
                  $"{(typeof(ContentLoader).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled) ? "Debug build (numbers are pessimistic)" : "optimized build")}, " +
                  $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, sections: {only ?? string.Join(", ", sections)}, " +
                  $"load average at start: {LoadAverage()}");

var temp = Path.Combine(Path.GetTempPath(), "gwt-bench-" + Guid.NewGuid().ToString("N"));
try
{
    if (Runs("content"))
    {
        Console.WriteLine();
        Console.WriteLine("== content ==");
        var multiplied = Path.Combine(temp, "content");
        var generated = Multiply(content, multiplied, copies);
        Console.WriteLine($"generated {generated} files in {multiplied}");

        MeasureContent("1x", content, runs);
        MeasureContent($"{copies}x", multiplied, runs);
    }

    if (Runs("scenarios") || Runs("engine"))
    {
        // The real content library, loaded once; the competency list of the repository.
        var libraryLoad = ContentLoader.Load(content);
        var library = libraryLoad.Library;
        var catalog = CompetencyCatalog.Load(Path.Combine(content, "competenties.yml"), ScenarioLoader.DefaultCompetenciesFile, []);
        Console.WriteLine();
        Console.WriteLine($"content library: {library.Count} items ({libraryLoad.ErrorCount} errors); {catalog.Competencies.Count} competencies");

        ScenarioCheckResult? shipped = null;
        if (Runs("scenarios"))
        {
            Console.WriteLine();
            Console.WriteLine("== scenarios ==");
            (shipped, _) = ScenarioBenchmarks.TimeCheck("catalogue", "scenarios/", root, library, runs, warmups: 5, keepScenarios: true);
            ScenarioBenchmarks.Synthetic(root, library, catalog, temp, syntheticCount, syntheticNodes, Math.Min(runs, 5));
        }

        if (Runs("engine"))
        {
            Console.WriteLine();
            Console.WriteLine("== engine ==");
            shipped ??= ScenarioValidator.Check(root, library);
            var catalogue = shipped.PlayableScenarios.Where(s => s.InCatalogue).ToList();
            Console.WriteLine($"catalogue: {catalogue.Count} playable catalogue scenarios ({string.Join(", ", catalogue.Select(s => s.Id))})");
            ScenarioBenchmarks.Engine("catalogue", catalogue, steps, Math.Min(runs, 5), resumeLength: 20);

            var generator = ScenarioBenchmarks.NewGenerator(library, catalog);
            const string id = "synth-engine";
            var diagnostics = new List<Diagnostic>();
            var scenario = ScenarioLoader.Parse(generator.Generate(id, syntheticNodes, seed: 777, variant: 3), $"scenarios/{id}.yml", diagnostics);
            if (scenario is not null) ScenarioValidator.Validate(scenario, library, catalog, diagnostics);
            Console.WriteLine($"synthetic engine scenario: {scenario?.Nodes.Count ?? 0} nodes, {diagnostics.Count(d => d.IsError)} errors, " +
                              $"longest path {(scenario is null ? 0 : ScenarioBenchmarks.LongestPath(scenario).Count)} steps");
            foreach (var d in diagnostics.OrderByDescending(d => d.IsError).Take(5)) Console.WriteLine("    " + d);
            if (scenario is not null && !diagnostics.Any(d => d.IsError))
            {
                ScenarioBenchmarks.Engine($"synthetic {syntheticNodes}", [scenario], steps, Math.Min(runs, 5), resumeLength: 20);
            }
        }
    }

    Measure.PrintTable();
    Console.WriteLine();
    if (ScenarioBenchmarks.SyntheticCheckMedianMs is { } checkMs)
    {
        Console.WriteLine($"target synthetic load+check < {ScenarioBenchmarks.CheckTargetMs / 1000:F0} s (as gwt check): median {checkMs / 1000:F2} s -> " +
                          (checkMs < ScenarioBenchmarks.CheckTargetMs ? "MET" : $"MISSED by {(checkMs - ScenarioBenchmarks.CheckTargetMs) / 1000:F2} s ({checkMs / ScenarioBenchmarks.CheckTargetMs:F1}x)") +
                          (ScenarioBenchmarks.SyntheticKeptMedianMs is { } keptMs ? $"; with all scenarios kept in memory: median {keptMs / 1000:F2} s" : ""));
    }
    if (ScenarioBenchmarks.WorstStepNs is { } stepNs)
    {
        Console.WriteLine($"target step < {ScenarioBenchmarks.StepTargetNs / 1000:F0} µs: worst median {Measure.Ns(stepNs)} -> " +
                          (stepNs < ScenarioBenchmarks.StepTargetNs ? "MET" : $"MISSED by {Measure.Ns(stepNs - ScenarioBenchmarks.StepTargetNs)}"));
    }
    Console.WriteLine($"process peak working set {Measure.PeakWorkingSetMiB():F0} MiB; load average at end: {LoadAverage()} " +
                      "(other processes on this machine make single runs noisy; min is the least disturbed figure)");
}
finally
{
    try { Directory.Delete(temp, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}
return 0;

static void MeasureContent(string label, string directory, int runs)
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
    Measure.Rows.Add(new Measure.Row($"content check: {label}", $"{result.FileCount} files", Measure.Ms(median), Measure.Ms(times[0]),
        Measure.Ns(median * 1e6 / Math.Max(1, result.FileCount)) + "/file", Measure.Bytes(allocated),
        $"{result.ErrorCount} err, {result.WarningCount} warn; live heap {Measure.Bytes(peakRetained)}"));
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

static string LoadAverage()
{
    try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return "n/a"; }
}

static string FindRepositoryRoot(string start)
{
    for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "GeneralistischWerkt.Training.sln"))) return directory.FullName;
    }
    return start;
}
