using System.Diagnostics;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Accounts;
using GeneralistischWerkt.Training.Web.Features.Live;
using GeneralistischWerkt.Training.Web.Identity;

namespace GeneralistischWerkt.Training.Web.Features.Practice;

/// <summary>
/// `… -- bench-practice [participants] [decisions]` (run by bench/practice-votes.sh on an empty data folder): one
/// "Samen beslissen" session with N participants who all vote at the same moment, decision after decision. It measures,
/// per vote, the time from the moment the participant votes until the facilitator's view shows a count that includes
/// it. The facilitator is followed exactly as the page does it (Components/Pages/Practice, LiveComponentBase): listen to
/// the session's signal, reload through <see cref="PracticeService.LoadAsync"/>, at most one reload running and one
/// queued. Not included: turning that view into a render batch and sending it over the circuit (the browser part).
/// Never in Production: it creates accounts with a known password.
/// </summary>
public static class PracticeVoteBenchCommand
{
    public const string Name = "bench-practice";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, bool isProduction, TextWriter output)
    {
        if (isProduction)
        {
            output.WriteLine("bench-practice weigert in Production: het maakt accounts met een gekend wachtwoord.");
            return 1;
        }
        var participants = args.Length > 1 && int.TryParse(args[1], out var p) && p > 0 ? p : 30;
        var decisions = args.Length > 2 && int.TryParse(args[2], out var d) && d > 0 ? d : 20;

        var accounts = services.GetRequiredService<AccountAdministration>();
        var teams = services.GetRequiredService<TeamAdministration>();
        var practice = services.GetRequiredService<PracticeService>();
        var signal = services.GetRequiredService<IChangeSignal>();
        var run = Guid.NewGuid().ToString("N")[..6];
        async Task<string> AccountAsync(string name, string role)
        {
            var created = await accounts.CreateAccountAsync(new NewAccount(name, $"{name.Replace(' ', '.').ToLowerInvariant()}.{run}@bench.gwt.test",
                "Meting-" + run + "-2026!", [role], MustChangePassword: false));
            return created.Value ?? throw new InvalidOperationException(string.Join(" ", created.Errors));
        }
        var lead = await AccountAsync("Meting Leiding", Roles.Supervisor);
        var voters = new List<string>();
        for (var i = 1; i <= participants; i++) voters.Add(await AccountAsync($"Meting Coach {i}", Roles.Coach));
        var team = await teams.CreateTeamAsync($"Meetteam {run}", [lead], voters);
        if (!team.Succeeded) throw new InvalidOperationException(string.Join(" ", team.Errors));
        var scenario = practice.Scenarios.First(s => s.InCatalogue).Id;

        var latencies = new List<double>();
        long? session = null;
        for (var decision = 0; decision < decisions; decision++)
        {
            session ??= await OpenAsync(practice, lead, team.Value, scenario, voters);
            var view = (await practice.LoadAsync(lead, session.Value))!;
            var step = view.StepIndex;
            var options = view.DecisionNode!.Choices.Count;
            latencies.AddRange(await VoteAtOnceAsync(practice, signal, lead, session.Value, step, options, voters));

            // On to the next decision as the facilitator would; a conversation that ended makes room for a new session.
            Check(await practice.RevealAsync(lead, session.Value, step));
            Check(await practice.PickAsync(lead, session.Value, step, 0));
            Check(await practice.NextAsync(lead, session.Value, step));
            if ((await practice.LoadAsync(lead, session.Value))!.Session.Status == LiveSessionStatus.Ended) session = null;
        }

        latencies.Sort();
        double Percentile(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        output.WriteLine($"{participants} deelnemers stemmen tegelijk, {decisions} beslissingen, {latencies.Count} stemmen: " +
                         $"van de stem tot de bijgewerkte telling bij de leiding p50 {Percentile(.50):0.0} ms, p95 {Percentile(.95):0.0} ms, " +
                         $"max {latencies[^1]:0.0} ms.");
        return 0;
    }

    private static async Task<long> OpenAsync(PracticeService practice, string lead, int team, string scenario, IReadOnlyList<string> voters)
    {
        var (id, error) = await practice.CreateAsync(lead, team, scenario, PracticeMode.DecideTogether, "Meting");
        Check(error);
        foreach (var voter in voters) Check(await practice.JoinAsync(voter, id!.Value));
        Check(await practice.StartAsync(lead, id!.Value));
        return id.Value;
    }

    /// <summary>Every voter votes at the same moment; returns, per vote, the ms until the facilitator saw it counted.</summary>
    private static async Task<IReadOnlyList<double>> VoteAtOnceAsync(PracticeService practice, IChangeSignal signal, string lead, long session,
        int step, int options, IReadOnlyList<string> voters)
    {
        var clock = Stopwatch.StartNew();
        var seen = new List<(double At, int Count)>();
        var allCounted = new TaskCompletionSource();
        var queued = 0;
        async Task ReloadAsync()
        {
            // Like LiveComponentBase: a burst becomes one reload running and at most one queued.
            Volatile.Write(ref queued, 0);
            var count = (await practice.LoadAsync(lead, session))!.VotesCast;
            lock (seen) seen.Add((clock.Elapsed.TotalMilliseconds, count));
            if (count >= voters.Count) allCounted.TrySetResult();
        }
        using var listening = signal.Subscribe(LiveSessionService.Topic(session), () =>
        {
            if (Interlocked.Exchange(ref queued, 1) == 0) _ = Task.Run(ReloadAsync);
            return Task.CompletedTask;
        });

        var start = new TaskCompletionSource();
        var votes = voters.Select((voter, i) => Task.Run(async () =>
        {
            await start.Task;
            var cast = clock.Elapsed.TotalMilliseconds;
            Check(await practice.VoteAsync(voter, session, step, i % options));
            return (Cast: cast, Saved: clock.Elapsed.TotalMilliseconds);
        })).ToList();
        start.SetResult();
        var done = await Task.WhenAll(votes);
        await allCounted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The k-th vote to be saved is in every count of k or more: its time runs until the first such count was shown.
        lock (seen)
            return done.OrderBy(v => v.Saved).Select((vote, k) => seen.First(s => s.Count >= k + 1).At - vote.Cast).ToList();
    }

    private static void Check(string? error)
    {
        if (error is not null) throw new InvalidOperationException(error);
    }
}
