using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Access;
using GeneralistischWerkt.Training.Web.Features.Editing;
using GeneralistischWerkt.Training.Web.Features.Live;
using GeneralistischWerkt.Training.Web.Features.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Practice;

/// <summary>Roles in a phone role-play, stored in <see cref="LiveParticipant.Role"/>.</summary>
public static class PracticeRoles
{
    public const string Coach = "coach";
    public const string OtherParty = "andere-partij";
    public const string Observer = "observator";
    public static readonly IReadOnlyList<string> All = [Coach, OtherParty, Observer];

    public static string Name(string role) => role switch
    {
        Coach => "Coach (aan de telefoon)",
        OtherParty => "Andere partij (rolkaart)",
        Observer => "Observator (checklist)",
        _ => "Nog geen rol",
    };
}

/// <summary>
/// Phases within a step (<see cref="LiveSession.Phase"/>). Samen beslissen: kiezen → getoond → feedback → next decision.
/// Telefoonrollenspel: spelen at every decision, einde once the conversation reached an ending (observers finish).
/// </summary>
public static class PracticePhases
{
    public const string Choosing = "kiezen";
    public const string Revealed = "getoond";
    public const string Feedback = "feedback";
    public const string Playing = "spelen";
    public const string Finished = "einde";
}

/// <summary>
/// Team practice on a scenario, live on every device, built on the live-session mechanism (Features/Live): every
/// action is checked against the stored state (who may do what in which phase), saved, then signalled.
/// The scenario state is the path of <see cref="PracticeStep"/>s, replayed by the scenario engine.
/// </summary>
public class PracticeService(IDbContextFactory<ApplicationDbContext> dbFactory, LiveSessionService live, ScenarioStore scenarios,
    Reflections.ReflectionService reflections)
{
    public const string VotingClosed = "Er wordt op dit moment niet gestemd over deze keuze.";
    public const string WrongStep = "Deze stap is al voorbij; je ziet nu de nieuwe stand.";
    public const string ScenarioGone = "Dit scenario is niet (meer) beschikbaar.";

    /// <summary>Scenarios a team can practise, with whether each can be a phone role-play.</summary>
    public IReadOnlyList<Scenario> Scenarios => scenarios.Catalogue;

    public async Task<IReadOnlyList<(int Id, string Name)>> TeamsOfAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var teams = await AccessRules.TeamsOf(db, userId).Select(t => new { t.Id, t.Name }).ToListAsync();
        return teams.OrderBy(t => t.Name, StringComparer.Create(Core.Formatting.DutchFormat.Culture, true)).Select(t => (t.Id, t.Name)).ToList();
    }

    public async Task<(long? Id, string? Error)> CreateAsync(string userId, int teamId, string scenarioId, PracticeMode mode, string? title = null)
    {
        var scenario = scenarios.Find(scenarioId);
        if (scenario is null || !scenario.InCatalogue) return (null, "Kies een scenario.");
        if (!Enum.IsDefined(mode)) return (null, "Kies hoe jullie oefenen.");
        if (mode == PracticeMode.PhoneRolePlay && !scenario.SupportsRolePlay)
            return (null, "Dit scenario heeft (nog) geen rolkaarten en checklist; kies Samen beslissen of een telefoonscenario.");
        var name = string.IsNullOrWhiteSpace(title) ? scenario.Title : title;
        return await live.CreateAsync(userId, new NewLiveSession(LiveSessionKind.Practice, name, teamId),
            (db, session) => db.PracticeSessions.Add(new PracticeSession { Session = session, ScenarioId = scenario.Id, Mode = mode }));
    }

    /// <summary>Practice sessions the user joined or may join (newest first).</summary>
    public Task<IReadOnlyList<JoinableLiveSession>> ListAsync(string userId, bool includeEnded = true) =>
        live.ListAsync(userId, LiveSessionKind.Practice, includeEnded);

    public Task<string?> JoinAsync(string userId, long sessionId) => live.JoinAsync(userId, sessionId);

    public Task<(long? Id, string? Error)> JoinByCodeAsync(string userId, string? code) => live.JoinByCodeAsync(userId, code);

    /// <summary>Whether the user may join this session (to offer the button on its page); says nothing else about it.</summary>
    public async Task<JoinableLiveSession?> JoinableAsync(string userId, long sessionId) =>
        (await live.ListAsync(userId, LiveSessionKind.Practice)).FirstOrDefault(s => s.Id == sessionId && !s.Joined);

    /// <summary>Everything one participant sees now; null unless they joined.</summary>
    public async Task<PracticeView?> LoadAsync(string userId, long sessionId)
    {
        var view = await live.LoadAsync(userId, sessionId);
        if (view is null || view.Session.Kind != LiveSessionKind.Practice) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        var practice = await db.PracticeSessions.AsNoTracking().SingleAsync(p => p.LiveSessionId == sessionId);
        var scenario = scenarios.Find(practice.ScenarioId);
        var steps = await db.PracticeSteps.AsNoTracking().Where(s => s.SessionId == sessionId).OrderBy(s => s.Index).ToListAsync();
        ScenarioRun? run = null;
        if (scenario is not null)
        {
            try { run = ScenarioRun.Resume(scenario, steps.Select(s => s.ChoiceIndex)); }
            catch (ScenarioRunException) { run = null; } // the scenario file changed under a running session
        }

        var counts = await AccessRules.VoteCounts(db, userId, sessionId).ToListAsync();
        var mine = await AccessRules.OwnVotes(db, userId).Where(v => v.SessionId == sessionId).AsNoTracking().ToListAsync();
        var ticks = await AccessRules.VisibleTicks(db, userId).Where(t => t.SessionId == sessionId).AsNoTracking().ToListAsync();
        var supervisors = view.Session.TeamId is { } teamId
            ? await db.TeamMemberships.Where(m => m.TeamId == teamId && m.Role == TeamRole.Supervisor).Select(m => m.UserId).ToListAsync()
            : [];
        return new PracticeView(view, practice.Mode, scenario, run, steps, counts, mine, ticks, supervisors.ToHashSet());
    }

    public Task<string?> StartAsync(string userId, long sessionId) =>
        live.StartAsync(userId, sessionId, async edit =>
        {
            var practice = await PracticeOf(edit);
            if (practice.Mode == PracticeMode.DecideTogether)
            {
                edit.Session.Phase = PracticePhases.Choosing;
                return null;
            }
            var joined = edit.Session.Participants.Where(p => p.JoinedAt is not null).ToList();
            if (joined.Count(p => p.Role == PracticeRoles.Coach) != 1) return "Geef precies één deelnemer de rol van coach.";
            if (!joined.Any(p => p.Role == PracticeRoles.OtherParty)) return "Geef iemand de rol van andere partij.";
            foreach (var participant in joined.Where(p => p.Role.Length == 0 && p.UserId != edit.Session.FacilitatorId))
                participant.Role = PracticeRoles.Observer;
            edit.Session.Phase = PracticePhases.Playing;
            return null;
        });

    /// <summary>Gives a participant a role in a role-play (the facilitator, also during the play: someone has to leave).</summary>
    public async Task<string?> AssignRoleAsync(string userId, long sessionId, string participantId, string role)
    {
        if (role.Length > 0 && !PracticeRoles.All.Contains(role)) return "Onbekende rol.";
        return await live.ChangeAsync(userId, sessionId, LiveAction.Lead, async edit =>
        {
            if ((await PracticeOf(edit)).Mode != PracticeMode.PhoneRolePlay) return "In Samen beslissen zijn er geen rollen.";
            var participant = edit.Participant(participantId);
            if (participant is null) return "Die persoon neemt niet deel aan deze sessie.";
            participant.Role = role;
            return null;
        });
    }

    /// <summary>A participant's private vote at the current decision; changing it is allowed while voting is open.</summary>
    public Task<string?> VoteAsync(string userId, long sessionId, int stepIndex, int choiceIndex) =>
        live.RecordAsync(userId, sessionId, async edit =>
        {
            var practice = await PracticeOf(edit);
            if (practice.Mode != PracticeMode.DecideTogether) return "In een rollenspel wordt niet gestemd.";
            if (edit.IsFacilitator) return "Wie de sessie leidt, stemt niet mee: jij kiest straks voor het team.";
            if (edit.Session.StepIndex != stepIndex || edit.Session.Phase != PracticePhases.Choosing) return VotingClosed;
            var (run, error) = await RunOf(edit, practice);
            if (run is null) return error;
            if (choiceIndex < 0 || choiceIndex >= run.Choices.Count) return "Die keuze bestaat niet.";
            var vote = await edit.Db.PracticeVotes.FirstOrDefaultAsync(v =>
                v.SessionId == sessionId && v.StepIndex == stepIndex && v.UserId == userId);
            if (vote is null)
                edit.Db.PracticeVotes.Add(new PracticeVote { SessionId = sessionId, StepIndex = stepIndex, UserId = userId, ChoiceIndex = choiceIndex, VotedAt = edit.Now });
            else
            {
                vote.ChoiceIndex = choiceIndex;
                vote.VotedAt = edit.Now;
            }
            return null;
        });

    /// <summary>Shows the anonymous distribution and the discussion prompt; voting closes.</summary>
    public Task<string?> RevealAsync(string userId, long sessionId, int stepIndex) =>
        live.ChangeAsync(userId, sessionId, LiveAction.Lead, async edit =>
        {
            if ((await PracticeOf(edit)).Mode != PracticeMode.DecideTogether) return "Dit kan alleen in Samen beslissen.";
            if (edit.Session.StepIndex != stepIndex || edit.Session.Phase != PracticePhases.Choosing) return WrongStep;
            edit.Session.Phase = PracticePhases.Revealed;
            return null;
        });

    /// <summary>The facilitator picks the option the team continues with; its feedback appears for everyone.</summary>
    public Task<string?> PickAsync(string userId, long sessionId, int stepIndex, int choiceIndex) =>
        live.ChangeAsync(userId, sessionId, LiveAction.Lead, async edit =>
        {
            var practice = await PracticeOf(edit);
            if (practice.Mode != PracticeMode.DecideTogether) return "Dit kan alleen in Samen beslissen.";
            if (edit.Session.StepIndex != stepIndex || edit.Session.Phase != PracticePhases.Revealed)
                return edit.Session.Phase == PracticePhases.Choosing ? "Toon eerst de verdeling van de keuzes." : WrongStep;
            var error = await AddStepAsync(edit, practice, stepIndex, choiceIndex);
            if (error is not null) return error;
            edit.Session.Phase = PracticePhases.Feedback;
            return null;
        });

    /// <summary>After the feedback: on to the next decision, or the debrief when the conversation has ended.</summary>
    public Task<string?> NextAsync(string userId, long sessionId, int stepIndex) =>
        live.ChangeAsync(userId, sessionId, LiveAction.Lead, async edit =>
        {
            var practice = await PracticeOf(edit);
            if (edit.Session.StepIndex != stepIndex || edit.Session.Phase != PracticePhases.Feedback) return WrongStep;
            var (run, error) = await RunOf(edit, practice);
            if (run is null) return error;
            if (run.IsFinished)
            {
                edit.Session.Phase = PracticePhases.Finished;
                LiveSessionService.EndNow(edit);
            }
            else edit.GoToStep(stepIndex + 1, PracticePhases.Choosing);
            return null;
        });

    /// <summary>In a role-play the coach picks what they actually said; the branch follows.</summary>
    public Task<string?> CoachPickAsync(string userId, long sessionId, int stepIndex, int choiceIndex) =>
        live.ChangeAsync(userId, sessionId, LiveAction.Contribute, async edit =>
        {
            var practice = await PracticeOf(edit);
            if (practice.Mode != PracticeMode.PhoneRolePlay) return "Dit kan alleen in een rollenspel.";
            if (edit.Me.Role != PracticeRoles.Coach) return "Alleen de coach kiest wat er gezegd werd.";
            if (edit.Session.StepIndex != stepIndex || edit.Session.Phase != PracticePhases.Playing) return WrongStep;
            var error = await AddStepAsync(edit, practice, stepIndex, choiceIndex);
            if (error is not null) return error;
            var (run, runError) = await RunOf(edit, practice);
            if (run is null) return runError;
            edit.GoToStep(stepIndex + 1, run.IsFinished ? PracticePhases.Finished : PracticePhases.Playing);
            return null;
        });

    /// <summary>An observer ticks an item (seen or not) with a note; any time while the role-play runs.</summary>
    public Task<string?> TickAsync(string userId, long sessionId, string itemId, bool seen, string? note) =>
        live.RecordAsync(userId, sessionId, async edit =>
        {
            var practice = await PracticeOf(edit);
            if (practice.Mode != PracticeMode.PhoneRolePlay) return "Dit kan alleen in een rollenspel.";
            if (edit.Me.Role != PracticeRoles.Observer) return "Alleen observatoren vullen de checklist in.";
            var scenario = scenarios.Find(practice.ScenarioId);
            if (scenario is null) return ScenarioGone;
            if (scenario.Observation.All(i => i.Id != itemId)) return "Dat item staat niet op de checklist.";
            var text = (note ?? "").Trim();
            if (text.Length > TextLimits.ObservationNote) return $"Een notitie mag hoogstens {TextLimits.ObservationNote} tekens lang zijn.";
            var tick = await edit.Db.PracticeTicks.FirstOrDefaultAsync(t => t.SessionId == sessionId && t.UserId == userId && t.ItemId == itemId);
            if (tick is null)
            {
                edit.Db.PracticeTicks.Add(tick = new PracticeTick { SessionId = sessionId, UserId = userId, ItemId = itemId });
            }
            tick.Seen = seen;
            tick.Note = text;
            tick.UpdatedAt = edit.Now;
            return null;
        });

    /// <summary>Ends the session (the facilitator); the debrief appears for everyone.</summary>
    public Task<string?> FinishAsync(string userId, long sessionId) => live.EndAsync(userId, sessionId);

    public Task<string?> HandOverAsync(string userId, long sessionId, string toUserId) => live.HandOverAsync(userId, sessionId, toUserId);

    /// <summary>
    /// Turns the debrief into a private reflection (STARR, a draft only the author sees until they share it): the
    /// situation, what was said, and what the observers saw.
    /// </summary>
    public async Task<(long? ReflectionId, string? Error)> ReflectAsync(string userId, long sessionId)
    {
        var view = await LoadAsync(userId, sessionId);
        if (view is null) return (null, LiveSessionRules.NotParticipant);
        if (view.Debrief() is not { } debrief) return (null, "De nabespreking is er pas als de sessie afgelopen is.");
        var sections = PracticeReflection.Sections(view, debrief);
        var id = await reflections.CreateDraftAsync(userId, "starr", title: $"Oefensessie: {view.Session.Title}", sections: sections);
        return (id, null);
    }

    private static async Task<PracticeSession> PracticeOf(LiveEdit edit) =>
        await edit.Db.PracticeSessions.AsNoTracking().SingleAsync(p => p.LiveSessionId == edit.Session.Id);

    /// <summary>The scenario replayed along the stored path plus steps added in this event (not yet saved).</summary>
    private async Task<(ScenarioRun? Run, string? Error)> RunOf(LiveEdit edit, PracticeSession practice)
    {
        var scenario = scenarios.Find(practice.ScenarioId);
        if (scenario is null) return (null, ScenarioGone);
        var saved = await edit.Db.PracticeSteps.AsNoTracking().Where(s => s.SessionId == edit.Session.Id).Select(s => new { s.Index, s.ChoiceIndex }).ToListAsync();
        var added = edit.Db.ChangeTracker.Entries<PracticeStep>().Where(e => e.State == EntityState.Added).Select(e => new { e.Entity.Index, e.Entity.ChoiceIndex });
        try
        {
            return (ScenarioRun.Resume(scenario, saved.Concat(added).OrderBy(s => s.Index).Select(s => s.ChoiceIndex)), null);
        }
        catch (ScenarioRunException)
        {
            return (null, "Het scenario is intussen gewijzigd; deze sessie kan niet verder.");
        }
    }

    private async Task<string?> AddStepAsync(LiveEdit edit, PracticeSession practice, int stepIndex, int choiceIndex)
    {
        var (run, error) = await RunOf(edit, practice);
        if (run is null) return error;
        if (run.IsFinished || run.Steps.Count != stepIndex) return WrongStep;
        if (choiceIndex < 0 || choiceIndex >= run.Choices.Count) return "Die keuze bestaat niet.";
        edit.Db.PracticeSteps.Add(new PracticeStep
        {
            SessionId = edit.Session.Id, Index = stepIndex, NodeId = run.CurrentNode.Id, ChoiceIndex = choiceIndex,
            ChoiceText = run.Choices[choiceIndex].Text, ChosenAt = edit.Now,
        });
        return null;
    }
}
