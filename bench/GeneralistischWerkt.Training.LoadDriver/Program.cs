using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GeneralistischWerkt.Training.LoadDriver;

// Ramps to N players on the scenario player of a running app, each making a choice every T for D, and reports
// click-to-render latency, errors, reconnects, throughput, the app's CPU and managed heap per circuit, and our own CPU.
// Usage: see LoadOptions.Usage (README, section "Belasting").
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var run = new LoadRun(options);
return await run.RunAsync();

public sealed record LoadOptions(Uri Url, int Users, TimeSpan Think, TimeSpan Duration, TimeSpan Ramp, string EmailFormat,
    int FirstUser, string Password, string AdminEmail, string AdminPassword, string? CaptureDirectory, string? Scenario,
    int Instances = 1, bool AcceptAnyCertificate = false)
{
    public const string Usage =
        "gwt-load --users N --think 10s --duration 60s [--ramp 30s] [--url http://localhost:5080] [--scenario ID]\n" +
        "         [--email-format load{0}@load.gwt.test] [--first 1] [--password P] [--admin-email E] [--admin-password P]\n" +
        "         [--capture MAP]   (bewaart wat speler 1 ontvangt: MAP/NNN-attach.bin en MAP/NNN-batch.bin)\n" +
        "         [--instances N]   (achter nginx: cpu en geheugen van N app-instanties samen, via de X-Gwt-Instance-header)\n" +
        "         [--insecure]      (elk TLS-certificaat aanvaarden: alleen voor een testcluster met een zelfgemaakt certificaat)";

    public static LoadOptions Parse(string[] args)
    {
        string? Get(string name)
        {
            var index = Array.IndexOf(args, name);
            if (index < 0) return null;
            if (index + 1 >= args.Length) throw new ArgumentException($"{name} verwacht een waarde.");
            return args[index + 1];
        }
        var users = int.Parse(Get("--users") ?? "20", CultureInfo.InvariantCulture);
        if (users < 1) throw new ArgumentException("--users moet minstens 1 zijn.");
        var think = ParseDuration(Get("--think") ?? "10s");
        var instances = int.Parse(Get("--instances") ?? "1", CultureInfo.InvariantCulture);
        if (instances < 1) throw new ArgumentException("--instances moet minstens 1 zijn.");
        return new LoadOptions(
            new Uri((Get("--url") ?? "http://localhost:5080").TrimEnd('/') + "/"),
            users, think, ParseDuration(Get("--duration") ?? "60s"),
            Get("--ramp") is { } ramp ? ParseDuration(ramp) : TimeSpan.FromSeconds(Math.Max(5, Math.Min(120, users / 40.0))),
            Get("--email-format") ?? "load{0}@load.gwt.test",
            int.Parse(Get("--first") ?? "1", CultureInfo.InvariantCulture),
            Get("--password") ?? "Belasting-2026!",
            Get("--admin-email") ?? "load-admin@load.gwt.test",
            Get("--admin-password") ?? Get("--password") ?? "Belasting-2026!",
            Get("--capture"), Get("--scenario"), instances, args.Contains("--insecure"));
    }

    /// <summary>"500ms", "10s", "2m".</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var match = Regex.Match(text, @"^(\d+(?:\.\d+)?)(ms|s|m)$");
        if (!match.Success) throw new ArgumentException($"Onbekende duur '{text}' (bv. 500ms, 10s, 2m).");
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "ms" => TimeSpan.FromMilliseconds(value), "s" => TimeSpan.FromSeconds(value), _ => TimeSpan.FromMinutes(value) };
    }
}

/// <summary>One load run: players, the measurement window and the report.</summary>
public sealed class LoadRun(LoadOptions options)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);
    private readonly List<double> latencies = [];
    // The last choice of an attempt renders the whole debrief (scores, chart): timed apart so it does not hide in p95.
    private readonly List<double> finishLatencies = [];
    private readonly Dictionary<string, int> errorKinds = [];
    private int errors, clicks, httpRequests, connected, reconnects;
    /// <summary>Clicks by the number of render batches they brought (index 0–4; the last one counts 5 or more).</summary>
    private readonly long[] batchesAfterClick = new long[6];

    /// <summary>A player's last click: how many batches it had applied then, and whether the click fell in the window.</summary>
    private sealed class ClickTrail
    {
        public long BatchesAtClick = -1;
        public bool InWindow;
    }
    private int finishedStarting;
    // Signing in hashes the password (PBKDF2, ~0.1 s of CPU): a few at a time, so the ramp does not drown the app in
    // hashing and the requests do not time out; a real morning rush is spread over minutes too.
    private readonly SemaphoreSlim signIns = new(2 * Environment.ProcessorCount);
    private long windowStart = long.MaxValue, windowEnd = long.MaxValue;

    public async Task<int> RunAsync()
    {
        var admins = await AdminsAsync();
        var before = await DiagnosticsAsync(admins, collect: true);
        var scenarios = await ScenariosAsync();
        Console.WriteLine($"{options.Users} spelers op {options.Url} ({scenarios.Count} scenario's), opbouw {options.Ramp.TotalSeconds:0} s, " +
            $"denktijd {options.Think.TotalSeconds:0.#} s, meting {options.Duration.TotalSeconds:0} s");

        using var stop = new CancellationTokenSource();
        var startedAt = Stopwatch.GetTimestamp();
        var players = Enumerable.Range(0, options.Users).Select(i => PlayAsync(i, scenarios, stop.Token)).ToList();

        // The ramp: players start spread over it; the window starts when every player is playing (or gave up), at most
        // 15 minutes after the ramp, so a slow start does not count as steady state.
        await Task.Delay(options.Ramp);
        var rampDeadline = Stopwatch.GetTimestamp() + 900 * Stopwatch.Frequency;
        var lastReport = Stopwatch.GetTimestamp();
        while (Volatile.Read(ref finishedStarting) < options.Users && Stopwatch.GetTimestamp() < rampDeadline)
        {
            await Task.Delay(100);
            if (Stopwatch.GetElapsedTime(lastReport) < TimeSpan.FromSeconds(15)) continue;
            lastReport = Stopwatch.GetTimestamp();
            Console.WriteLine($"  opbouw: {Volatile.Read(ref connected)}/{options.Users} spelers spelen, {Volatile.Read(ref errors)} fouten");
        }
        var rampSeconds = Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
        Interlocked.Exchange(ref windowEnd, Stopwatch.GetTimestamp() + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency));
        Interlocked.Exchange(ref windowStart, Stopwatch.GetTimestamp());
        var driverCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sent0 = CircuitConnection.Sent;
        // Without a forced collection: with thousands of circuits it stops the app for seconds, and here that would fall
        // in the window and show as the slowest clicks of the run.
        var app0 = await DiagnosticsAsync(admins, collect: false);
        Console.WriteLine($"meting start na {rampSeconds:0} s: {Volatile.Read(ref connected)}/{options.Users} spelers verbonden, {Volatile.Read(ref errors)} fouten tijdens de opbouw");
        await Task.Delay(options.Duration);
        var driverCpu1 = Process.GetCurrentProcess().TotalProcessorTime;
        var sent1 = CircuitConnection.Sent;
        var app1 = await DiagnosticsAsync(admins, collect: false);
        // The heap after a full collection, now that the window is closed (a click that ends after it does not count).
        var collecting = Stopwatch.GetTimestamp();
        var heap = await DiagnosticsAsync(admins, collect: true);
        var collectSeconds = Stopwatch.GetElapsedTime(collecting).TotalSeconds;
        stop.Cancel();
        await Task.WhenAll(players);
        foreach (var admin in admins) await admin.DisposeAsync();

        var seconds = options.Duration.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        double P(double q) => Quantile(sorted, q);
        var circuits = Math.Max(1, heap.Circuits - before.Circuits);
        var heapKbPerCircuit = (heap.HeapBytes - before.HeapBytes) / 1024.0 / circuits;
        var appCpu = (app1.CpuSeconds - app0.CpuSeconds) / seconds / app1.Cores * 100;
        var driverCpu = (driverCpu1 - driverCpu0).TotalSeconds / seconds / Environment.ProcessorCount * 100;

        var sentInWindow = sent1.ToDictionary(pair => pair.Key, pair => pair.Value - sent0.GetValueOrDefault(pair.Key));
        string PerChoice(long messages) => (clicks > 0 ? messages / (double)clicks : 0).ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"keuzes gemeten: {sorted.Length} ({sorted.Length / seconds:0.0}/s), http-verzoeken {httpRequests / seconds:0.0}/s, " +
            $"hub-berichten naar de server {sentInWindow.Values.Sum() / seconds:0.0}/s " +
            $"({PerChoice(sentInWindow.Values.Sum())} per keuze: " +
            string.Join(", ", sentInWindow.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {PerChoice(pair.Value)}")) + ")");
        var counted = batchesAfterClick.Sum();
        Console.WriteLine("render batches per klik (tot de volgende klik): " + string.Join(", ", batchesAfterClick.Select((n, i) =>
            $"{(i == batchesAfterClick.Length - 1 ? $"{i} of meer" : i.ToString(CultureInfo.InvariantCulture))}: {(counted > 0 ? 100.0 * n / counted : 0):0.0} %")));
        Console.WriteLine($"klik → volgende regel: p50 {P(0.50):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms, max {(sorted.Length > 0 ? sorted[^1] : double.NaN):0.0} ms");
        var finishes = finishLatencies.Order().ToArray();
        var steps = latencies.Order().ToArray();
        foreach (var finish in finishes) { var at = Array.BinarySearch(steps, finish); steps = [.. steps[..at], .. steps[(at + 1)..]]; }
        Console.WriteLine($"  waarvan gewone keuzes ({steps.Length}): p50 {Quantile(steps, 0.50):0.0} ms, p95 {Quantile(steps, 0.95):0.0} ms; " +
            $"laatste keuze met uitkomst ({finishes.Length}): p50 {Quantile(finishes, 0.50):0.0} ms, p95 {Quantile(finishes, 0.95):0.0} ms");
        Console.WriteLine($"fouten: {errors}{(errorKinds.Count > 0 ? " (" + string.Join(", ", errorKinds.Select(e => $"{e.Key}: {e.Value}")) + ")" : "")}, herverbindingen: {reconnects}");
        Console.WriteLine($"app{(admins.Count > 1 ? $" ({admins.Count} instanties samen)" : "")}: cpu {appCpu:0}% van {app1.Cores} kernen, circuits {app1.Circuits}{(admins.Count > 1 ? $" ({app1.CircuitsPerInstance})" : "")}, beheerde heap na volledige GC {heap.HeapBytes / 1048576.0:0.0} MiB " +
            $"(voor de start {before.HeapBytes / 1048576.0:0.0} MiB) → {heapKbPerCircuit:0} KB per circuit; threadpool {app1.Threads} threads, {app1.Pending} wachtende taken");
        var collections = app1.Collections[0] - app0.Collections[0];
        var paused = app1.GcPauseSeconds - app0.GcPauseSeconds;
        Console.WriteLine($"app{(admins.Count > 1 ? $" ({admins.Count} instanties samen, elk met een eigen garbage collector)" : "")}, garbage collector in de meting: {collections} collecties (waarvan {app1.Collections[1] - app0.Collections[1]} van generatie 1 " +
            $"en {app1.Collections[2] - app0.Collections[2]} van generatie 2), app stilgelegd {paused:0.00} s van {seconds:0} s ({paused / seconds * 100:0.0} %), " +
            $"gemiddeld {(collections > 0 ? paused * 1000 / collections : 0):0} ms per collectie; na de meting duurde de volledige collectie voor het heapcijfer {collectSeconds:0.0} s");
        Console.WriteLine($"driver: cpu {driverCpu:0}% van {Environment.ProcessorCount} kernen; machinebelasting (loadavg) {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine(FormattableString.Invariant(
            $"users={options.Users} p50_ms={P(0.50):0.0} p95_ms={P(0.95):0.0} p99_ms={P(0.99):0.0} errors={errors} heap_kb_per_circuit={heapKbPerCircuit:0}"));
        return errors > 0 || sorted.Length == 0 ? 1 : 0;
    }

    private async Task PlayAsync(int index, IReadOnlyList<string> scenarios, CancellationToken stop)
    {
        var offset = TimeSpan.FromTicks(options.Ramp.Ticks * index / options.Users);
        try { await Task.Delay(offset, stop); } catch (OperationCanceledException) { return; }
        // The first player's messages, numbered in arrival order (NNN-attach.bin holds the component id, NNN-batch.bin a batch).
        var captured = 0;
        Action<string, byte[]>? capture = index == 0 && options.CaptureDirectory is { } dir
            ? (kind, data) => { Directory.CreateDirectory(dir); File.WriteAllBytes(Path.Combine(dir, $"{++captured:000}-{kind}.bin"), data); }
            : null;
        await using var player = new PlayerCircuit(options.Url, capture, options.AcceptAnyCertificate);
        var random = new Random(index);
        var trail = new ClickTrail();
        var scenario = scenarios[index % scenarios.Count];
        var isConnected = false;
        try
        {
            await signIns.WaitAsync(stop);
            try
            {
                await player.SignInAsync(string.Format(CultureInfo.InvariantCulture, options.EmailFormat, options.FirstUser + index), options.Password, stop);
            }
            finally
            {
                signIns.Release();
            }
            CountRequests(2);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    trail.BatchesAtClick = -1; // the start's batches are not a click's of the play page
                    await StartAttemptAsync(player, scenario, stop);
                    if (!isConnected) { Interlocked.Increment(ref connected); Interlocked.Increment(ref finishedStarting); isConnected = true; }
                    // Spread the first choices over one think time, so the players do not click in step.
                    await Task.Delay(TimeSpan.FromTicks((long)(options.Think.Ticks * random.NextDouble())), stop);
                    while (!stop.IsCancellationRequested) await StepAsync(player, random, trail, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
                catch (Exception exception)
                {
                    Error(exception);
                    if (!isConnected) { Interlocked.Increment(ref finishedStarting); isConnected = true; }
                    await Task.Delay(options.Think, stop); // then a fresh page load, like a user pressing F5
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (Exception exception)
        {
            Error(exception);
            if (!isConnected) Interlocked.Increment(ref finishedStarting);
        }
        finally
        {
            Interlocked.Add(ref reconnects, player.Reconnects);
            Interlocked.Add(ref errors, player.ServerErrors);
            lock (latencies) if (player.ServerErrors > 0) errorKinds["serverfout"] = errorKinds.GetValueOrDefault("serverfout") + player.ServerErrors;
        }
    }

    /// <summary>Intro page of the scenario → "Start het rollenspel" → the player page with its first choices.</summary>
    private async Task StartAttemptAsync(PlayerCircuit player, string scenario, CancellationToken stop)
    {
        await player.OpenAsync($"scenarios/{scenario}", stop);
        CountRequests(2);
        var start = await player.WaitForAsync(p => PlayPage.Button(p, PlayPage.StartButton) is { } h ? (object)h : null, StepTimeout, stop);
        await player.ClickAsync((long)start, stop);
        await player.WaitForAsync(p => PlayPage.Choices(p).Count > 0 ? p : null, StepTimeout, stop);
    }

    /// <summary>Thinks, then makes a random choice and times it until the next line is on the page.</summary>
    private async Task StepAsync(PlayerCircuit player, Random random, ClickTrail trail, CancellationToken stop)
    {
        await Task.Delay(options.Think, stop);
        if (player.ReloadRequested) throw new LoadDriverException("volledige herlaadbeurt gevraagd");
        // Everything the previous click caused has arrived by now (a think time later): count its render batches.
        var batches = player.BatchesApplied;
        if (trail.BatchesAtClick >= 0 && trail.InWindow)
            Interlocked.Increment(ref batchesAfterClick[Math.Min(batchesAfterClick.Length - 1, batches - trail.BatchesAtClick)]);
        (trail.BatchesAtClick, trail.InWindow) = (batches, InWindow());
        var (handler, lines) = player.Read(page =>
        {
            if (PlayPage.Button(page, PlayPage.PlayAgainButton) is { } again) return (again, -1);
            var choices = PlayPage.Choices(page);
            if (choices.Count == 0) throw new LoadDriverException("geen keuzes op de pagina");
            return (choices[random.Next(choices.Count)].Handler, PlayPage.Conversation(page).Lines);
        });
        var clicked = Stopwatch.GetTimestamp();
        await player.ClickAsync(handler, stop);
        if (lines < 0)
        {
            // A new attempt (NavigateTo → OnLocationChanged): not a choice, so not timed.
            try
            {
                await player.WaitForAsync(p => PlayPage.Choices(p).Count > 0 && PlayPage.Conversation(p).Lines == 1 ? p : null, StepTimeout, stop);
            }
            catch (TimeoutException timeout)
            {
                throw new TimeoutException(timeout.Message + " Na ‘Opnieuw spelen’: " + player.Read(Describe));
            }
            return;
        }
        try
        {
            await player.WaitForAsync(p => PlayPage.IsFinished(p) || (PlayPage.Conversation(p).Lines > lines && PlayPage.Choices(p).Count > 0) ? p : null, StepTimeout, stop);
        }
        catch (TimeoutException timeout)
        {
            // What the page shows instead: tells a slow server from a page the driver no longer understands.
            throw new TimeoutException(timeout.Message + $" Na de keuze (ervoor {lines} regels): " + player.Read(Describe));
        }
        var elapsed = Stopwatch.GetElapsedTime(clicked).TotalMilliseconds;
        var finished = player.Read(PlayPage.IsFinished);
        if (!InWindow()) return;
        // Only the window's clicks: the messages per second are reported over the window alone.
        Interlocked.Increment(ref clicks);
        lock (latencies) { latencies.Add(elapsed); if (finished) finishLatencies.Add(elapsed); }
    }

    /// <summary>What a page shows, in one line: tells a slow server from a page the driver no longer understands.</summary>
    private static string Describe(RenderedPage page) =>
        $"{PlayPage.Conversation(page).Lines} regels, knoppen: " + string.Join(" | ", page.Elements().Where(e => e.Name == "button").Select(b =>
            page.TextOf(b) + (b.Attributes.ContainsKey("disabled") ? " (uit)" : "") + (b.Handlers.ContainsKey("onclick") ? "" : " (geen klik)")));

    private static double Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1))];

    private bool InWindow()
    {
        var now = Stopwatch.GetTimestamp();
        return now >= Volatile.Read(ref windowStart) && now <= Volatile.Read(ref windowEnd);
    }

    private void CountRequests(int count)
    {
        if (InWindow()) Interlocked.Add(ref httpRequests, count);
    }

    /// <summary>Every error counts, also while starting (a failed sign-in is a failed user).</summary>
    private void Error(Exception exception)
    {
        Interlocked.Increment(ref errors);
        lock (latencies) Count(Kind(exception));
        if (Volatile.Read(ref errors) <= 5) Console.Error.WriteLine($"fout: {exception.GetType().Name}: {exception.Message}");
    }

    private void Count(string kind) => errorKinds[kind] = errorKinds.GetValueOrDefault(kind) + 1;

    private static string Kind(Exception exception) => exception switch
    {
        TimeoutException => "time-out",
        LoadDriverException => exception.Message,
        HttpRequestException => "http",
        _ => exception.GetType().Name,
    };

    private async Task<IReadOnlyList<string>> ScenariosAsync()
    {
        if (options.Scenario is { } only) return [only];
        var first = new PlayerCircuit(options.Url, acceptAnyCertificate: options.AcceptAnyCertificate);
        await first.SignInAsync(string.Format(CultureInfo.InvariantCulture, options.EmailFormat, options.FirstUser), options.Password, CancellationToken.None);
        var html = await first.GetStringAsync("scenarios", CancellationToken.None);
        await first.DisposeAsync();
        var ids = Regex.Matches(html, "href=\"/?scenarios/([a-z0-9-]+)\"").Select(m => m.Groups[1].Value)
            .Where(id => id != "groei").Distinct().ToList();
        if (ids.Count == 0) throw new LoadDriverException("Geen scenario's gevonden op /scenarios.");
        return ids;
    }

    /// <summary>
    /// <paramref name="CircuitsPerInstance"/>: how the players were spread, e.g. "312 + 298" (behind nginx).
    /// <paramref name="GcPauseSeconds"/> and <paramref name="Collections"/> (per generation, as GC.CollectionCount counts:
    /// a generation-1 collection also counts for generation 0) are totals since the app started.
    /// </summary>
    private sealed record AppFigures(double HeapBytes, int Circuits, double CpuSeconds, int Cores, int Threads, long Pending,
        double GcPauseSeconds, long[] Collections, string CircuitsPerInstance = "");

    /// <summary>
    /// One signed-in beheerder per app instance. Behind nginx each new client gets a random route (deploy/nginx.conf),
    /// so new clients are signed in until <see cref="LoadOptions.Instances"/> different instances have answered.
    /// </summary>
    private async Task<List<PlayerCircuit>> AdminsAsync()
    {
        var admins = new List<PlayerCircuit>();
        var seen = new HashSet<string>();
        for (var attempt = 0; attempt < 20 * options.Instances && admins.Count < options.Instances; attempt++)
        {
            var admin = new PlayerCircuit(options.Url, acceptAnyCertificate: options.AcceptAnyCertificate);
            await admin.SignInAsync(options.AdminEmail, options.AdminPassword, CancellationToken.None);
            // Any answer names the instance; the liveness check costs nothing (diagnostics would force a full collection).
            await admin.GetStringAsync("healthz", CancellationToken.None);
            if (seen.Add(admin.AnsweredBy ?? "")) admins.Add(admin);
            else await admin.DisposeAsync();
        }
        if (admins.Count < options.Instances)
            throw new LoadDriverException($"Slechts {admins.Count} van de {options.Instances} instanties antwoordden (X-Gwt-Instance: {string.Join(", ", seen)}).");
        if (options.Instances > 1) Console.WriteLine($"instanties: {string.Join(", ", seen)}");
        return admins;
    }

    /// <summary>
    /// The app's admin-only diagnostics endpoint, summed over the instances: managed heap (after a full GC when
    /// <paramref name="collect"/>, which stops the app), circuits, CPU time (they share this machine's cores), GC pauses.
    /// </summary>
    private static async Task<AppFigures> DiagnosticsAsync(IEnumerable<PlayerCircuit> admins, bool collect)
    {
        var total = new AppFigures(0, 0, 0, 0, 0, 0, 0, [0, 0, 0]);
        var spread = new List<int>();
        foreach (var admin in admins)
        {
            using var json = JsonDocument.Parse(await admin.GetStringAsync(collect ? "beheer/diagnostiek" : "beheer/diagnostiek?collect=false", CancellationToken.None));
            var root = json.RootElement;
            // Figures an older app version did not report count as 0.
            double Or0(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
            total = new AppFigures(total.HeapBytes + root.GetProperty(collect ? "managedHeapBytesAfterFullGc" : "managedHeapBytes").GetDouble(),
                total.Circuits + root.GetProperty("circuits").GetInt32(),
                total.CpuSeconds + root.GetProperty("processCpuSeconds").GetDouble(),
                Math.Max(total.Cores, root.GetProperty("processorCount").GetInt32()),
                total.Threads + (int)Or0("threadPoolThreads"),
                total.Pending + (long)Or0("threadPoolPendingItems"),
                total.GcPauseSeconds + Or0("gcPauseSeconds"),
                [.. total.Collections.Select((n, generation) => n + (long)Or0($"gen{generation}Collections"))]);
            spread.Add(root.GetProperty("circuits").GetInt32());
        }
        return total with { CircuitsPerInstance = string.Join(" + ", spread) };
    }
}
