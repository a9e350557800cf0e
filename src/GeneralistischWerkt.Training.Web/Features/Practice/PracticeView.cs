using GeneralistischWerkt.Training.Core.Practice;
using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Live;

namespace GeneralistischWerkt.Training.Web.Features.Practice;

/// <summary>
/// A practice session as one participant may see it. Built only from what AccessRules lets this participant read:
/// vote counts (never who), their own votes, and ticks (their own while it runs, everyone's once it has ended).
/// </summary>
public sealed record PracticeView(LiveSessionView Live, PracticeMode Mode, Scenario? Scenario, ScenarioRun? Run,
    IReadOnlyList<PracticeStep> Steps, IReadOnlyList<VoteCount> Counts, IReadOnlyList<PracticeVote> MyVotes,
    IReadOnlyList<PracticeTick> Ticks, IReadOnlySet<string> TeamSupervisors)
{
    public LiveSession Session => Live.Session;
    public string Phase => Session.Phase;
    public int StepIndex => Session.StepIndex;
    public bool IsFacilitator => Live.IsFacilitator;
    public string MyRole => Live.Me.Role;
    public bool IsRolePlay => Mode == PracticeMode.PhoneRolePlay;
    public bool Playable => Scenario is not null && Run is not null;

    /// <summary>Who votes in Samen beslissen: everyone who joined except the facilitator (who picks for the team).</summary>
    public int Voters => Live.Joined.Count(p => !p.IsFacilitator);

    public int VotesCast => Counts.Where(c => c.StepIndex == StepIndex).Sum(c => c.Count);

    public bool Revealed => Phase is PracticePhases.Revealed or PracticePhases.Feedback;

    /// <summary>The decision on screen: in the feedback phase the one just taken, otherwise where the conversation is.</summary>
    public ScenarioNode? DecisionNode => Run is null ? null
        : Phase == PracticePhases.Feedback && StepIndex < Run.Steps.Count ? Run.Steps[StepIndex].Node : Run.CurrentNode;

    /// <summary>The team's pick, shown with its feedback during the feedback phase.</summary>
    public RunStep? Picked => Run is not null && Phase == PracticePhases.Feedback && StepIndex < Run.Steps.Count ? Run.Steps[StepIndex] : null;

    public int? MyVote => MyVotes.FirstOrDefault(v => v.StepIndex == StepIndex)?.ChoiceIndex;

    /// <summary>Anonymous count per option at decision <paramref name="step"/>.</summary>
    public int[] Distribution(int step, int options)
    {
        var result = new int[options];
        foreach (var count in Counts.Where(c => c.StepIndex == step && c.ChoiceIndex >= 0 && c.ChoiceIndex < options))
            result[count.ChoiceIndex] = count.Count;
        return result;
    }

    public IReadOnlyDictionary<string, PracticeTick> MyTicks =>
        Ticks.Where(t => t.UserId == Live.Me.UserId).ToDictionary(t => t.ItemId, StringComparer.Ordinal);

    public string SpeakerName(ScenarioNode node) =>
        node.SpeakerId == ScenarioNode.Narrator ? "" : Scenario?.Person(node.SpeakerId)?.Name ?? node.SpeakerId;

    /// <summary>The debrief, once the session has ended.</summary>
    public PracticeDebrief? Debrief()
    {
        if (Session.Status != LiveSessionStatus.Ended || Scenario is null || Run is null) return null;
        var decisions = Run.Steps.Select((step, i) => new DebriefDecision(i, step.Node, step.ChoiceIndex, step.Choice,
            Distribution(i, step.Node.Choices.Count), MyVotes.FirstOrDefault(v => v.StepIndex == i)?.ChoiceIndex)).ToList();
        var team = Run.ScoreCard();
        IReadOnlyList<CompetencyScore>? mine = null;
        var myVoted = decisions.Where(d => d.MyVote is { } v && v < d.Node.Choices.Count).ToList();
        if (!IsRolePlay && myVoted.Count > 0)
        {
            var sums = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var d in myVoted)
                foreach (var (competency, delta) in d.Node.Choices[d.MyVote!.Value].Scores)
                    sums[competency] = sums.GetValueOrDefault(competency) + delta;
            mine = team.Select(s => s with { Score = sums.GetValueOrDefault(s.CompetencyId) }).ToList();
        }
        var (observers, rows, overall, kappa, overallReference) = IsRolePlay ? Checklist() : ([], [], null, null, null);
        return new PracticeDebrief(decisions, Run.IsFinished ? Run.CurrentNode : null, team, mine, myVoted.Count, observers, rows,
            overall, kappa, overallReference);
    }

    private (IReadOnlyList<ObserverColumn>, IReadOnlyList<ChecklistRow>, double?, double?, double?) Checklist()
    {
        var observers = Live.Joined.Where(p => p.Role == PracticeRoles.Observer).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var reference = observers.FirstOrDefault(p => TeamSupervisors.Contains(p.UserId));
        var columns = observers.Select(p => new ObserverColumn(p.UserId, p.Name, p.UserId == reference?.UserId)).ToList();
        var peers = columns.Where(c => !c.IsReference).ToList();
        var byKey = Ticks.ToDictionary(t => (t.UserId, t.ItemId));
        bool Seen(string userId, string itemId) => byKey.TryGetValue((userId, itemId), out var t) && t.Seen;

        var items = Scenario!.Observation;
        AgreementSummary? summary = peers.Count >= 2
            ? ObserverAgreement.ForChecklist(items.Select(i => (IReadOnlyList<bool>)peers.Select(p => Seen(p.UserId, i.Id)).ToList()).ToList())
            : null;
        var rows = items.Select((item, i) =>
        {
            var ticks = columns.Select(c => byKey.GetValueOrDefault((c.UserId, item.Id))).ToList();
            double? withReference = reference is not null && peers.Count > 0
                ? ObserverAgreement.AgreementWithReference(peers.Select(p => Seen(p.UserId, item.Id)).ToList(), Seen(reference.UserId, item.Id))
                : null;
            return new ChecklistRow(item, ticks, columns.Count(c => Seen(c.UserId, item.Id)), summary?.Subjects[i].Agreement, withReference);
        }).ToList();
        double? overallReference = rows.Count > 0 && rows[0].ReferenceAgreement is not null ? rows.Average(r => r.ReferenceAgreement!.Value) : null;
        var kappa = peers.Count >= ObserverAgreement.MinimumRatersForKappa ? summary?.Kappa : null;
        return (columns, rows, summary?.MeanAgreement, kappa, overallReference);
    }
}

public sealed record DebriefDecision(int Index, ScenarioNode Node, int ChosenIndex, ScenarioChoice Chosen, int[] Distribution, int? MyVote);

public sealed record ObserverColumn(string UserId, string Name, bool IsReference);

/// <summary>One checklist item in the debrief: every observer's tick (null: not ticked), how many saw it, agreement.</summary>
public sealed record ChecklistRow(ObservationItem Item, IReadOnlyList<PracticeTick?> Ticks, int SeenBy, double? Agreement, double? ReferenceAgreement);

/// <param name="MyScores">Only for the participant it belongs to: how their own votes would have scored.</param>
public sealed record PracticeDebrief(IReadOnlyList<DebriefDecision> Decisions, ScenarioNode? Ending, IReadOnlyList<CompetencyScore> TeamScores,
    IReadOnlyList<CompetencyScore>? MyScores, int MyDecisionsVoted, IReadOnlyList<ObserverColumn> Observers, IReadOnlyList<ChecklistRow> Checklist,
    double? OverallAgreement, double? Kappa, double? OverallReferenceAgreement);
