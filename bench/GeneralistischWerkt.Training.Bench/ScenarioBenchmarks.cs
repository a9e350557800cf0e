using System.Diagnostics;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Scenarios;
using static GeneralistischWerkt.Training.Bench.Measure;

namespace GeneralistischWerkt.Training.Bench;

/// <summary>Loading+checking scenarios (the shipped catalogue and a synthetic set) and the <see cref="ScenarioRun"/> engine.</summary>
public static class ScenarioBenchmarks
{
    public const double CheckTargetMs = 2000;
    public const double StepTargetNs = 50_000;

    /// <summary>Filled by the benchmarks, for the summary.</summary>
    public static double? SyntheticCheckMedianMs { get; private set; }

    public static double? SyntheticKeptMedianMs { get; private set; }
    public static double? WorstStepNs { get; private set; }

    /// <param name="keepScenarios">
    /// False: as the <c>check</c> command runs it (each scenario released once checked); true: as the app loads, every
    /// scenario kept in memory with the result.
    /// </param>
    public static (ScenarioCheckResult Result, double MedianMs) TimeCheck(string label, string size, string root, ContentLibrary library, int runs, int warmups,
        bool keepScenarios)
    {
        // First run (cold: JIT at tier 0, file cache), not counted in the median. It also gives the memory figures: the
        // highest managed heap seen during the check (sampled every ms by a background thread) and what stays alive with the result.
        FullGc();
        var baseline = GC.GetTotalMemory(true);
        ScenarioCheckResult? kept = null;
        var cold = Stopwatch.StartNew();
        var (peakHeap, peakWorkingSet) = PeakMemory(() => kept = ScenarioValidator.Check(root, library, keepScenarios));
        cold.Stop();
        var retained = GC.GetTotalMemory(true) - baseline;
        ReportDiagnostics(label, kept!);
        var scenarios = kept!.Reports.Count;
        var nodes = kept.Reports.Sum(r => r.DecisionNodeCount + r.EndingCount);
        var (files, errors, warnings, playable) = (kept.FileCount, kept.ErrorCount, kept.WarningCount, kept.Reports.Count(r => r.IsPlayable));
        var (testPaths, testPathsPassed) = (kept.Reports.Sum(r => r.TestPathCount), kept.Reports.Sum(r => r.TestPathsPassed ?? 0));
        var outcomes = keepScenarios
            ? string.Join(", ", kept.Load.Scenarios.SelectMany(s => s.Nodes).Where(n => n.IsEnding)
                .GroupBy(n => n.Ending!.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key.ToSlug()} {g.Count()}"))
            : $"{kept.Reports.Sum(r => r.EndingCount)} endings";
        kept = null;
        // More warm-up runs (tiered JIT promotes hot methods after ~30 calls and a short delay), not counted.
        for (var i = 1; i < warmups; i++) GC.KeepAlive(ScenarioValidator.Check(root, library, keepScenarios));

        var times = new List<double>(runs);
        long allocated = 0;
        int gen0 = 0, gen1 = 0, gen2 = 0;
        var gcPause = TimeSpan.Zero;
        for (var run = 0; run < runs; run++)
        {
            // The previous run's result must be garbage before the next run starts (a 1000-scenario result is ~1.3 GiB).
            lastResult = null;
            FullGc();
            var one = TimedCheck(root, library, keepScenarios);
            (allocated, gen0, gen1, gen2, gcPause) = (one.Allocated, one.Gen0, one.Gen1, one.Gen2, one.GcPause);
            times.Add(one.Ms);
        }

        var median = Median(times);
        var min = times.Min();
        Console.WriteLine(
            $"{label}: {files} files, {scenarios} scenarios, {nodes} nodes (endings: {outcomes}), {errors} errors, {warnings} warnings, {playable} playable, " +
            $"test paths passed {testPathsPassed}/{testPaths} | " +
            $"first (cold) run {Ms(cold.Elapsed.TotalMilliseconds)}; median {Ms(median)}, min {Ms(min)} over {runs} runs after {warmups} warm-up(s) " +
            $"[{string.Join(", ", times.Select(t => t.ToString("F0")))} ms] | GCs in last run: gen0 {gen0}, gen1 {gen1}, gen2 {gen2}, GC pause {Ms(gcPause.TotalMilliseconds)} | " +
            $"allocated {Bytes(allocated)} per run | during the first check: peak managed heap {Bytes(peakHeap)} (baseline before: {Bytes(baseline)}), " +
            $"peak process working set {Bytes(peakWorkingSet)}; " +
            $"retained with result {Bytes(retained)}, process peak working set so far {PeakWorkingSetMiB():F0} MiB");
        Rows.Add(new Row($"scenarios check: {label}", size, Ms(median), Ms(min),
            scenarios == 0 ? "" : Ns(median * 1e6 / scenarios) + "/scen.", Bytes(allocated),
            $"{errors} err, {warnings} warn; cold {Ms(cold.Elapsed.TotalMilliseconds)}; GC pause {Ms(gcPause.TotalMilliseconds)}; peak heap {Bytes(peakHeap)}, peak WS {Bytes(peakWorkingSet)}, retained {Bytes(retained)}"));
        var kept2 = lastResult!;
        lastResult = null;
        return (kept2, median);
    }

    private static ScenarioCheckResult? lastResult;

    private readonly record struct CheckRun(double Ms, long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan GcPause);

    /// <summary>One timed check; the result goes to <see cref="lastResult"/> so that no local of the caller keeps an older one alive.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static CheckRun TimedCheck(string root, ContentLibrary library, bool keepScenarios)
    {
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauseBefore = GC.GetTotalPauseDuration();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        lastResult = ScenarioValidator.Check(root, library, keepScenarios);
        stopwatch.Stop();
        var gcPause = GC.GetTotalPauseDuration() - pauseBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        return new CheckRun(stopwatch.Elapsed.TotalMilliseconds, allocated,
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2, gcPause);
    }

    private static void ReportDiagnostics(string label, ScenarioCheckResult result)
    {
        if (result.ErrorCount == 0 && result.WarningCount == 0) return;
        Console.WriteLine($"{label}: {result.ErrorCount} errors, {result.WarningCount} warnings; first ones:");
        foreach (var d in result.Diagnostics.OrderByDescending(d => d.IsError).Take(8)) Console.WriteLine("    " + d);
    }

    public static void Synthetic(string root, ContentLibrary library, CompetencyCatalog catalog, string temp, int count, int nodes, int runs)
    {
        var generator = NewGenerator(library, catalog);
        var directory = Path.Combine(temp, "synthetic");
        var stopwatch = Stopwatch.StartNew();
        generator.WriteSet(directory, Path.Combine(root, "content", "competenties.yml"), count, nodes, seed: 12345);
        Console.WriteLine($"generated {generator.ScenarioCount} scenarios of {nodes} nodes ({generator.BytesWritten / 1048576.0:F1} MiB YAML, " +
                          $"{generator.BytesWritten / Math.Max(1, generator.ScenarioCount) / 1024.0:F0} KiB per file) in {directory} in {stopwatch.Elapsed.TotalSeconds:F1} s");
        var size = $"{count} x {nodes} nodes, {generator.BytesWritten / 1048576.0:F0} MiB";
        // The target figure: loading and checking as `gwt check` does it (every file read, every scenario built and
        // checked, then released). Tiered JIT needs two runs to settle, hence two warm-ups.
        var (result, median) = TimeCheck($"synthetic {count}x{nodes} (as gwt check)", size, directory, library, runs, warmups: 2, keepScenarios: false);
        SyntheticCheckMedianMs = median;
        var errors = result.ErrorCount;
        result = null!;
        // The same, but keeping all 1,000 scenarios in memory as the app would if it had to serve them (~600 MiB).
        (result, median) = TimeCheck($"synthetic {count}x{nodes} (all kept, as the app loads)", size, directory, library, runs, warmups: 2, keepScenarios: true);
        SyntheticKeptMedianMs = median;
        errors += result.ErrorCount;
        result = null!; // about 0.6 MiB per 200-node scenario: don't keep it alive during the breakdown
        if (errors > 0) Console.WriteLine($"!! the synthetic set has {errors} errors: the generator is wrong, the timing is not meaningful");
        Breakdown($"synthetic {count}x{nodes}", directory, library);
    }

    /// <summary>
    /// Where the time of a check goes: YamlDotNet's parser alone over the same files on one core and on all cores (the
    /// floor for any reader built on it; best of 3), then one run each of ScenarioLoader.Load (read, YAML tree, fields;
    /// files in parallel) and ScenarioValidator.Validate (graph rules, test paths, MaxScores; scenarios in parallel).
    /// </summary>
    public static void Breakdown(string label, string root, ContentLibrary library)
    {
        var files = Directory.GetFiles(Path.Combine(root, "scenarios"), "*.yml");
        // YamlDotNet's parser alone, on one core and on all cores (the files in parallel, as the check reads them):
        // the floor for any reader built on it. Best of 3 each, since this is the figure to compare the check with.
        long events = 0;
        (double Ms, double Pause, long Bytes) ParseAll(bool parallel)
        {
            var best = (Ms: double.MaxValue, Pause: 0.0, Bytes: 0L);
            for (var attempt = 0; attempt < 3; attempt++)
            {
                FullGc();
                var (pauseBefore, bytesBefore) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));
                var watch = Stopwatch.StartNew();
                long count = 0;
                void ParseFile(string file)
                {
                    var parser = new YamlDotNet.Core.Parser(new StringReader(File.ReadAllText(file)));
                    long n = 0;
                    while (parser.MoveNext()) n++;
                    Interlocked.Add(ref count, n);
                }
                if (parallel) Parallel.ForEach(files, ParseFile);
                else foreach (var file in files) ParseFile(file);
                watch.Stop();
                events = count;
                var run = (Ms: watch.Elapsed.TotalMilliseconds, Pause: (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds,
                    Bytes: GC.GetTotalAllocatedBytes(precise: true) - bytesBefore);
                if (run.Ms < best.Ms) best = run;
            }
            return best;
        }
        var yaml = ParseAll(parallel: false);
        var yamlParallel = ParseAll(parallel: true);

        // Our YAML tree (BlockYamlReader, the fast path of YamlTree.Parse) alone, files in parallel: best of 3.
        var tree = (Ms: double.MaxValue, Pause: 0.0, Bytes: 0L);
        var accepted = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            FullGc();
            var (pauseBefore, bytesBefore) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));
            var watch = Stopwatch.StartNew();
            var fast = 0;
            Parallel.ForEach(files, file =>
            {
                var text = File.ReadAllText(file);
                if (GeneralistischWerkt.Training.Core.Content.Loading.BlockYamlReader.TryRead(text, file, 1, _ => { }, out var root) && root is not null)
                {
                    Interlocked.Increment(ref fast);
                }
            });
            watch.Stop();
            accepted = fast;
            var run = (Ms: watch.Elapsed.TotalMilliseconds, Pause: (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds,
                Bytes: GC.GetTotalAllocatedBytes(precise: true) - bytesBefore);
            if (run.Ms < tree.Ms) tree = run;
        }
        var stopwatch = new Stopwatch();
        TimeSpan pause;
        long allocatedBefore;

        FullGc();
        (pause, allocatedBefore) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));
        stopwatch.Restart();
        var load = ScenarioLoader.Load(root);
        stopwatch.Stop();
        var loading = (Ms: stopwatch.Elapsed.TotalMilliseconds, Pause: (GC.GetTotalPauseDuration() - pause).TotalMilliseconds,
            Bytes: GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);

        (pause, allocatedBefore) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));
        stopwatch.Restart();
        var check = ScenarioValidator.Validate(load, library);
        stopwatch.Stop();
        var validating = (Ms: stopwatch.Elapsed.TotalMilliseconds, Pause: (GC.GetTotalPauseDuration() - pause).TotalMilliseconds,
            Bytes: GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
        GC.KeepAlive(check);

        Console.WriteLine($"{label} breakdown: YamlDotNet parser alone (best of 3) {Ms(yaml.Ms)} on 1 core, {Ms(yamlParallel.Ms)} on {Environment.ProcessorCount} cores " +
                          $"({events:N0} events, GC pause {Ms(yaml.Pause)} / {Ms(yamlParallel.Pause)}, {Bytes(yaml.Bytes)}) | (one run each:) " +
                          $"ScenarioLoader.Load {Ms(loading.Ms)} (GC pause {Ms(loading.Pause)}, {Bytes(loading.Bytes)}) | " +
                          $"ScenarioValidator.Validate {Ms(validating.Ms)} (GC pause {Ms(validating.Pause)}, {Bytes(validating.Bytes)})");
        Rows.Add(new Row($"  breakdown: YamlDotNet parser alone, 1 core", $"{files.Length} files", Ms(yaml.Ms), "", "", Bytes(yaml.Bytes), $"best of 3; GC pause {Ms(yaml.Pause)}"));
        Rows.Add(new Row($"  breakdown: YamlDotNet parser alone, {Environment.ProcessorCount} cores", $"{files.Length} files", Ms(yamlParallel.Ms), "", "", Bytes(yamlParallel.Bytes), $"best of 3; GC pause {Ms(yamlParallel.Pause)}; floor for a YamlDotNet-based reader"));
        Console.WriteLine($"{label} breakdown: our YAML reader alone (best of 3, {Environment.ProcessorCount} cores) {Ms(tree.Ms)}, " +
                          $"{accepted} of {files.Length} files on its fast path (GC pause {Ms(tree.Pause)}, {Bytes(tree.Bytes)})");
        Rows.Add(new Row($"  breakdown: our YAML reader alone, {Environment.ProcessorCount} cores", $"{files.Length} files", Ms(tree.Ms), "", "", Bytes(tree.Bytes),
            $"best of 3; GC pause {Ms(tree.Pause)}; {accepted}/{files.Length} files on the fast path (else YamlDotNet)"));
        Rows.Add(new Row($"  breakdown: ScenarioLoader.Load", $"{files.Length} files", Ms(loading.Ms), "", "", Bytes(loading.Bytes), $"GC pause {Ms(loading.Pause)}"));
        Rows.Add(new Row($"  breakdown: ScenarioValidator.Validate", $"{files.Length} files", Ms(validating.Ms), "", "", Bytes(validating.Bytes), $"GC pause {Ms(validating.Pause)}"));
    }

    public static ScenarioGenerator NewGenerator(ContentLibrary library, CompetencyCatalog catalog)
    {
        var links = library.Items.Select(i => $"{i.Kind.ToSlug()}:{i.Id}").Order(StringComparer.Ordinal).ToList();
        var phase = library.Find(ContentKind.Phase, "eerste-onthaal")?.Id ?? library.OfKind(ContentKind.Phase).First().Id;
        return new ScenarioGenerator(catalog.Competencies.Select(c => c.Id).ToList(), links, phase);
    }

    /// <summary>Random walks from Start to an ending, choosing uniformly among the choices (seeded), until at least <paramref name="minSteps"/> Choose calls.</summary>
    private static (long Steps, long Starts, long Checksum) Walk(IReadOnlyList<Scenario> scenarios, long minSteps, int seed)
    {
        var rng = new Random(seed);
        long steps = 0, starts = 0, checksum = 0;
        while (steps < minSteps)
        {
            var run = ScenarioRun.Start(scenarios[rng.Next(scenarios.Count)]);
            starts++;
            while (!run.IsFinished)
            {
                run = run.Choose(rng.Next(run.Choices.Count));
                steps++;
            }
            checksum += (int)run.Outcome!.Value + run.Steps.Count;
        }
        return (steps, starts, checksum);
    }

    public static void Engine(string label, IReadOnlyList<Scenario> scenarios, long minSteps, int runs, int resumeLength)
    {
        if (scenarios.Count == 0)
        {
            Console.WriteLine($"engine {label}: no playable scenarios");
            return;
        }
        Walk(scenarios, Math.Min(minSteps, 100_000), seed: 1); // warm-up

        // Start alone, to separate it from the per-step figure.
        var startIndex = 0;
        var start = Op(() => ScenarioRun.Start(scenarios[startIndex++ % scenarios.Count]).Choices.Count, runs);

        var perStep = new List<double>(runs);
        var perStepChooseOnly = new List<double>(runs);
        long steps = 0, starts = 0, allocated = 0;
        double totalMs = 0;
        for (var run = 0; run < runs; run++)
        {
            FullGc();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            (steps, starts, _) = Walk(scenarios, minSteps, seed: 1000 + run);
            stopwatch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            totalMs = stopwatch.Elapsed.TotalMilliseconds;
            perStep.Add(totalMs * 1e6 / steps);
            perStepChooseOnly.Add((totalMs * 1e6 - starts * start.MedianNs) / steps);
        }
        var medianStep = Median(perStep);
        var medianChoose = Median(perStepChooseOnly);
        WorstStepNs = Math.Max(WorstStepNs ?? 0, medianStep);
        var avgPath = (double)steps / starts;
        Console.WriteLine(
            $"engine {label}: {scenarios.Count} scenario(s), {steps:N0} steps in {starts:N0} walks (avg path {avgPath:F1} steps) per run, {runs} runs | " +
            $"per step incl. Start: median {Ns(medianStep)}, min {Ns(perStep.Min())}; Choose alone ≈ {Ns(medianChoose)} | " +
            $"{1e9 / medianStep / 1e6:F2} M steps/s | allocated {allocated / (double)steps:F0} B per step | " +
            $"Start: {Ns(start.MedianNs)} (min {Ns(start.MinNs)}), {start.BytesPerOp:F0} B");
        Rows.Add(new Row($"engine {label}: Start+Choose random walks", $"{steps / 1e6:F2} M steps, path {avgPath:F1}",
            Ns(medianStep), Ns(perStep.Min()), $"{1e9 / medianStep / 1e6:F2} M steps/s", $"{allocated / (double)steps:F0} B/step",
            $"Choose alone ≈ {Ns(medianChoose)}"));
        Rows.Add(new Row($"engine {label}: Start", $"{start.Iterations:N0} x", Ns(start.MedianNs), Ns(start.MinNs), "", $"{start.BytesPerOp:F0} B/op", ""));

        // Resume / Serialize / Deserialize of the longest path (truncated to resumeLength): what a page load pays.
        var (scenario, path) = scenarios.Select(s => (Scenario: s, Path: LongestPath(s))).MaxBy(x => x.Path.Count);
        var resumePath = path.Take(resumeLength).ToArray();
        var resumed = ScenarioRun.Resume(scenario, resumePath);
        var json = resumed.Serialize();
        var resume = Op(() => ScenarioRun.Resume(scenario, resumePath).Steps.Count, runs);
        var serialize = Op(() => resumed.Serialize().Length, runs);
        var deserialize = Op(() => ScenarioRun.Deserialize(scenario, json).Steps.Count, runs);
        var what = $"{resumePath.Length}-step path in '{scenario.Id}'";
        Console.WriteLine(
            $"engine {label}: Resume of a {what}: median {Ns(resume.MedianNs)}, min {Ns(resume.MinNs)}, {resume.BytesPerOp:F0} B | " +
            $"Serialize {Ns(serialize.MedianNs)} ({serialize.BytesPerOp:F0} B, {json.Length} chars) | " +
            $"Deserialize (incl. Resume) {Ns(deserialize.MedianNs)} ({deserialize.BytesPerOp:F0} B)");
        Rows.Add(new Row($"engine {label}: Resume", what, Ns(resume.MedianNs), Ns(resume.MinNs),
            Ns(resume.MedianNs / Math.Max(1, resumePath.Length)) + "/step", $"{resume.BytesPerOp:F0} B/op", $"{resume.Iterations:N0} x per run"));
        Rows.Add(new Row($"engine {label}: Serialize", $"{json.Length} chars", Ns(serialize.MedianNs), Ns(serialize.MinNs), "", $"{serialize.BytesPerOp:F0} B/op", ""));
        Rows.Add(new Row($"engine {label}: Deserialize", "incl. Resume", Ns(deserialize.MedianNs), Ns(deserialize.MinNs), "", $"{deserialize.BytesPerOp:F0} B/op", ""));
    }

    public sealed record OpResult(double MedianNs, double MinNs, double BytesPerOp, long Iterations);

    /// <summary>Times an operation: warm-up and calibration to about 200 ms per run, then <paramref name="runs"/> runs.</summary>
    public static OpResult Op(Func<int> op, int runs, double targetMs = 200)
    {
        long sink = 0;
        long calibrated = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed.TotalMilliseconds < 50 || calibrated < 1000)
        {
            sink += op();
            calibrated++;
        }
        var iterations = Math.Max(1000, (long)(calibrated * targetMs / stopwatch.Elapsed.TotalMilliseconds));
        var times = new List<double>(runs);
        double bytes = 0;
        for (var run = 0; run < runs; run++)
        {
            FullGc();
            var before = GC.GetAllocatedBytesForCurrentThread();
            stopwatch.Restart();
            for (long i = 0; i < iterations; i++) sink += op();
            stopwatch.Stop();
            bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)iterations;
            times.Add(stopwatch.Elapsed.TotalMilliseconds * 1e6 / iterations);
        }
        GC.KeepAlive(sink);
        return new OpResult(Median(times), times.Min(), bytes, iterations);
    }

    /// <summary>The choice indexes of a longest path from the start to an ending (the graph is acyclic once checked).</summary>
    public static List<int> LongestPath(Scenario scenario)
    {
        var memo = new Dictionary<string, (int Length, int Choice)>(StringComparer.Ordinal);
        (int Length, int Choice) Visit(ScenarioNode node)
        {
            if (memo.TryGetValue(node.Id, out var known)) return known;
            var best = (Length: 0, Choice: -1);
            for (var i = 0; i < node.Choices.Count; i++)
            {
                if (scenario.Node(node.Choices[i].NextNodeId) is not { } next) continue;
                var length = 1 + Visit(next).Length;
                if (length > best.Length) best = (length, i);
            }
            return memo[node.Id] = best;
        }
        var path = new List<int>();
        var current = scenario.Node(scenario.StartNodeId);
        while (current is not null && Visit(current).Choice is var choice and >= 0)
        {
            path.Add(choice);
            current = scenario.Node(current.Choices[choice].NextNodeId);
        }
        return path;
    }
}
