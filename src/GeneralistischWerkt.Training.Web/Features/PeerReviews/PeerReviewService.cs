using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.PeerReview;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Access;
using GeneralistischWerkt.Training.Web.Features.Editing;
using GeneralistischWerkt.Training.Web.Features.Live;
using GeneralistischWerkt.Training.Web.Features.Modules;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.PeerReviews;

/// <summary>What a werkbegeleider plans: a team (everyone in it now) or chosen coaches, the method, the date, whose case.</summary>
public sealed record PeerReviewPlan(string Title, int? TeamId, IReadOnlyList<string> CoachIds, string MethodId, DateTimeOffset ScheduledFor,
    string CaseOwnerId);

/// <summary>A team the werkbegeleider leads, with the coaches who can take part.</summary>
public sealed record PlanningTeam(int Id, string Name, IReadOnlyList<(string Id, string Name)> Coaches);

/// <summary>
/// Intervisie, live on every device, built on the live-session mechanism (Features/Live): planning, the inbreng,
/// phase by phase with a stored start time (the timer), contributions, and what the case owner and the facilitator do
/// afterwards. Who sees what is decided in <see cref="AccessRules"/>; every change is saved, then signalled.
/// </summary>
public class PeerReviewService(IDbContextFactory<ApplicationDbContext> dbFactory, LiveSessionService live, ContentStore content,
    IChangeSignal signal, TimeProvider clock)
{
    public const string CaseOwnerRole = "inbrenger";
    public const string DescriptionField = "beschrijving";
    public const string QuestionField = "vraag";
    public const string EvaluationField = "evaluatie";
    public const string WrongPhase = "Deze fase is al voorbij; je ziet nu de nieuwe stand.";
    public const string Gone = "Deze intervisie bestaat niet of je neemt er niet aan deel.";

    public IReadOnlyList<ContentItem> Methods => content.Library.OfKind(ContentKind.PeerReviewMethod);

    public ContentItem? Method(string id) => content.Library.Find(ContentKind.PeerReviewMethod, id);

    /// <summary>The teams this werkbegeleider leads, with their coaches (the people they can plan an intervisie with).</summary>
    public async Task<IReadOnlyList<PlanningTeam>> PlanningTeamsAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var teams = await db.Teams.Where(t => t.Memberships.Any(m => m.UserId == userId && m.Role == TeamRole.Supervisor))
            .Select(t => new { t.Id, t.Name, Coaches = t.Memberships.Where(m => m.Role == TeamRole.Member).Select(m => new { m.UserId, m.User!.DisplayName }).ToList() })
            .ToListAsync();
        return teams.OrderBy(t => t.Name).Select(t => new PlanningTeam(t.Id, t.Name,
            t.Coaches.OrderBy(c => c.DisplayName).Select(c => (c.UserId, c.DisplayName)).ToList())).ToList();
    }

    public async Task<(long? Id, string? Error)> PlanAsync(string userId, PeerReviewPlan plan)
    {
        var method = Method(plan.MethodId ?? "");
        if (method is null || method.MethodPhases.Count < 2) return (null, "Kies een intervisiemethode.");
        if (plan.ScheduledFor < clock.GetUtcNow().AddDays(-1)) return (null, "Kies een datum vanaf vandaag.");
        var teams = await PlanningTeamsAsync(userId);
        List<string> invited;
        if (plan.TeamId is { } teamId)
        {
            var team = teams.FirstOrDefault(t => t.Id == teamId);
            if (team is null) return (null, "Je kan alleen een intervisie plannen voor een team dat je begeleidt.");
            invited = team.Coaches.Select(c => c.Id).ToList();
        }
        else
        {
            invited = (plan.CoachIds ?? []).Distinct().ToList();
            if (invited.Count == 0) return (null, "Kies een team of kies de coaches die deelnemen.");
            if (invited.Any(id => !teams.Any(t => t.Coaches.Any(c => c.Id == id))))
                return (null, "Je kan alleen coaches uitnodigen uit een team dat je begeleidt.");
        }
        if (string.IsNullOrEmpty(plan.CaseOwnerId) || !invited.Contains(plan.CaseOwnerId))
            return (null, "Kies als inbrenger een van de deelnemende coaches.");
        var title = string.IsNullOrWhiteSpace(plan.Title) ? $"Intervisie: {method.Title}" : plan.Title;
        // No TeamId on the live session: only the people invited now may join (a later team member sees nothing).
        return await live.CreateAsync(userId, new NewLiveSession(LiveSessionKind.PeerReview, title, null, invited, LiveSessionStatus.Open),
            (db, session) =>
            {
                session.Participants.First(p => p.UserId == plan.CaseOwnerId).Role = CaseOwnerRole;
                db.PeerReviews.Add(new PeerReview { Session = session, MethodId = method.Id, ScheduledFor = plan.ScheduledFor, CaseOwnerId = plan.CaseOwnerId });
            });
    }

    /// <summary>Intervisies the user joined or may join (newest first).</summary>
    public Task<IReadOnlyList<JoinableLiveSession>> ListAsync(string userId) => live.ListAsync(userId, LiveSessionKind.PeerReview, includeEnded: true);

    public Task<string?> JoinAsync(string userId, long id) => live.JoinAsync(userId, id);

    public async Task<JoinableLiveSession?> JoinableAsync(string userId, long id) =>
        (await live.ListAsync(userId, LiveSessionKind.PeerReview)).FirstOrDefault(s => s.Id == id && !s.Joined);

    /// <summary>Everything one participant sees now; null unless they joined.</summary>
    public async Task<PeerReviewView?> LoadAsync(string userId, long id)
    {
        var view = await live.LoadAsync(userId, id);
        if (view is null || view.Session.Kind != LiveSessionKind.PeerReview) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        var review = await AccessRules.VisiblePeerReviews(db, userId).AsNoTracking().SingleAsync(r => r.LiveSessionId == id);
        var names = view.Participants.ToDictionary(p => p.UserId, p => p.Name);
        var rows = await AccessRules.VisibleContributions(db, userId).AsNoTracking().Where(c => c.SessionId == id).OrderBy(c => c.Id).ToListAsync();
        var contributions = rows.Select(c => new ContributionView(c.Id, names.GetValueOrDefault(c.AuthorId, "?"), c.AuthorId == userId, c.PhaseIndex,
            (ContributionKind)c.Kind, c.Text, c.CoreAttitudeId, c.Answer, c.Helpful, c.Parked, c.CreatedAt)).ToList();
        var readable = AccessRules.CanReadCase(review, view.Session.Status, userId);
        var caseView = new CaseView(readable ? review.CaseDescription : null, readable ? review.CaseQuestion : null,
            review.CaseDeletedAt is not null, review.CaseKept, review.Version);
        return new PeerReviewView(view, review, Method(review.MethodId), names.GetValueOrDefault(review.CaseOwnerId, "?"), caseView,
            await AttachmentAsync(db, userId, id), contributions);
    }

    private static async Task<AttachmentView?> AttachmentAsync(ApplicationDbContext db, string userId, long id)
    {
        var reflection = await AccessRules.AttachedReflections(db, userId, id).AsNoTracking().FirstOrDefaultAsync();
        if (reflection is not null)
        {
            var template = Core.Reflection.ReflectionTemplates.Find(reflection.TemplateId);
            var sections = Reflections.ReflectionService.Sections(reflection);
            return new AttachmentView("reflectie", reflection.Id, reflection.Title,
                template.Sections.Select(s => (s.Title, sections.GetValueOrDefault(s.Key, ""))).Where(p => p.Item2.Length > 0).ToList());
        }
        var attempt = await AccessRules.AttachedAttempts(db, userId, id).AsNoTracking().Include(a => a.Steps).FirstOrDefaultAsync();
        if (attempt is null) return null;
        return new AttachmentView("poging", attempt.Id, $"Rollenspel {attempt.ScenarioId}",
            attempt.Steps.OrderBy(s => s.Index).Select(s => ($"Keuze {s.Index + 1}", s.ChoiceText)).ToList());
    }

    // ---- the inbreng (before the meeting) ------------------------------------------------------------------------

    public static IReadOnlyDictionary<string, string> CaseFields(PeerReview review) => new Dictionary<string, string>
    {
        [DescriptionField] = review.CaseDescription,
        [QuestionField] = review.CaseQuestion,
    };

    /// <summary>The case owner's inbreng, saved against the version it was based on (autosave), until the meeting ends.</summary>
    public async Task<SaveResult> SaveCaseAsync(string userId, long id, int expectedVersion, IReadOnlyDictionary<string, string> fields)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var review = await AccessRules.VisiblePeerReviews(db, userId).Include(r => r.Session).SingleOrDefaultAsync(r => r.LiveSessionId == id);
        if (review is null || review.CaseOwnerId != userId) return SaveResult.Refused("alleen de inbrenger schrijft de inbreng.");
        if (review.Session!.Status == LiveSessionStatus.Ended || review.CaseDeletedAt is not null)
            return SaveResult.Refused("de intervisie is afgelopen; de inbreng kan niet meer wijzigen.");
        var result = await db.WriteVersionAsync(review, expectedVersion, r =>
        {
            r.CaseDescription = TextLimits.Clip(fields.GetValueOrDefault(DescriptionField), TextLimits.CaseDescription);
            r.CaseQuestion = TextLimits.Clip(fields.GetValueOrDefault(QuestionField), TextLimits.CaseQuestion);
        }, CaseFields, Gone);
        if (result.Outcome == SaveOutcome.Saved) await signal.PublishAsync(LiveSessionService.Topic(id));
        return result;
    }

    /// <summary>The owner's own finished reflections and attempts they could attach.</summary>
    public async Task<IReadOnlyList<(string Kind, long Id, string Title)>> AttachableAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var reflections = await db.Reflections.Where(r => r.AuthorId == userId && r.Status == ReflectionStatus.Final)
            .OrderByDescending(r => r.Id).Select(r => new { r.Id, r.Title }).ToListAsync();
        var attempts = await db.ScenarioAttempts.Where(a => a.UserId == userId && a.FinishedAt != null)
            .OrderByDescending(a => a.Id).Select(a => new { a.Id, a.ScenarioId }).ToListAsync();
        return reflections.Select(r => ("reflectie", r.Id, $"Reflectie: {r.Title}"))
            .Concat(attempts.Select(a => ("poging", a.Id, $"Rollenspel: {a.ScenarioId} (poging {a.Id})"))).ToList();
    }

    /// <summary>Attaches one own finished reflection or attempt; <paramref name="consent"/> must be given explicitly.</summary>
    public async Task<string?> AttachAsync(string userId, long id, string kind, long itemId, bool consent)
    {
        if (!consent) return "Vink eerst aan dat de deelnemers dit mogen lezen.";
        await using var db = await dbFactory.CreateDbContextAsync();
        var review = await OwnOpenCaseAsync(db, userId, id);
        if (review is null) return "Alleen de inbrenger kan iets toevoegen, en alleen tot de intervisie afgelopen is.";
        var own = kind == "reflectie"
            ? await db.Reflections.AnyAsync(r => r.Id == itemId && r.AuthorId == userId && r.Status == ReflectionStatus.Final)
            : kind == "poging" && await db.ScenarioAttempts.AnyAsync(a => a.Id == itemId && a.UserId == userId && a.FinishedAt != null);
        if (!own) return "Je kan alleen een eigen afgeronde reflectie of een afgewerkt rollenspel toevoegen.";
        review.AttachedReflectionId = kind == "reflectie" ? itemId : null;
        review.AttachedAttemptId = kind == "poging" ? itemId : null;
        review.AttachedAt = clock.GetUtcNow();
        return await SaveAndSignalAsync(db, id);
    }

    public async Task<string?> DetachAsync(string userId, long id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var review = await OwnOpenCaseAsync(db, userId, id);
        if (review is null) return Gone;
        (review.AttachedReflectionId, review.AttachedAttemptId, review.AttachedAt) = (null, null, null);
        return await SaveAndSignalAsync(db, id);
    }

    private static async Task<PeerReview?> OwnOpenCaseAsync(ApplicationDbContext db, string userId, long id) =>
        await AccessRules.VisiblePeerReviews(db, userId)
            .SingleOrDefaultAsync(r => r.LiveSessionId == id && r.CaseOwnerId == userId && r.CaseDeletedAt == null && r.Session!.Status != LiveSessionStatus.Ended);

    private async Task<string?> SaveAndSignalAsync(ApplicationDbContext db, long id)
    {
        await db.SaveBesideTextAsync();
        await signal.PublishAsync(LiveSessionService.Topic(id));
        return null;
    }

    // ---- the meeting -----------------------------------------------------------------------------------------------

    public Task<string?> StartAsync(string userId, long id) =>
        live.StartAsync(userId, id, async edit =>
        {
            var review = await edit.Db.PeerReviews.AsNoTracking().SingleAsync(r => r.LiveSessionId == id);
            if (Method(review.MethodId) is not { } method) return "Deze intervisiemethode is niet (meer) beschikbaar.";
            if (method.MethodPhases.Count == 0) return "Deze intervisiemethode heeft geen fasen.";
            if (edit.Participant(review.CaseOwnerId) is null) return "De inbrenger neemt nog niet deel; wacht tot die aansluit.";
            return null;
        });

    /// <summary>Goes to phase <paramref name="index"/> (doing it twice is harmless) and restarts its timer.</summary>
    public Task<string?> GoToPhaseAsync(string userId, long id, int index) =>
        live.ChangeAsync(userId, id, LiveAction.Lead, async edit =>
        {
            if (edit.Session.Status != LiveSessionStatus.Running) return LiveSessionRules.NotYetStarted;
            var phases = await PhasesAsync(edit);
            if (index < 0 || index >= phases.Count) return "Die fase bestaat niet.";
            if (edit.Session.StepIndex != index) edit.GoToStep(index, phases[index].Id);
            return null;
        });

    public Task<string?> FinishAsync(string userId, long id) => live.EndAsync(userId, id);

    /// <summary>A contribution of the kind the current phase asks for, if this participant may add one now.</summary>
    public Task<string?> ContributeAsync(string userId, long id, int phaseIndex, string? text, string? attitudeId) =>
        live.RecordAsync(userId, id, async edit =>
        {
            var phases = await PhasesAsync(edit);
            if (edit.Session.StepIndex != phaseIndex || phaseIndex >= phases.Count) return WrongPhase;
            var review = await edit.Db.PeerReviews.AsNoTracking().SingleAsync(r => r.LiveSessionId == id);
            if (PeerReviewRules.CheckContribute(RoleOf(edit, review), phases[phaseIndex]) is { } refusal) return refusal;
            var clean = (text ?? "").Trim();
            if (clean.Length == 0) return "Schrijf eerst je bijdrage.";
            if (clean.Length > TextLimits.Contribution) return $"Een bijdrage mag hoogstens {TextLimits.Contribution} tekens lang zijn.";
            if (!string.IsNullOrEmpty(attitudeId) && content.Library.Find(ContentKind.CoreAttitude, attitudeId) is null) return "Kies een basishouding uit de lijst.";
            edit.Db.PeerReviewContributions.Add(new PeerReviewContribution
            {
                SessionId = id, AuthorId = userId, PhaseIndex = phaseIndex, Kind = (int)phases[phaseIndex].Contribution, Text = clean,
                CoreAttitudeId = string.IsNullOrEmpty(attitudeId) ? null : attitudeId, CreatedAt = edit.Now,
            });
            return null;
        });

    /// <summary>The case owner answers a contribution and/or marks it as helpful.</summary>
    public Task<string?> RespondAsync(string userId, long id, long contributionId, string? answer, bool helpful) =>
        live.RecordAsync(userId, id, async edit =>
        {
            var review = await edit.Db.PeerReviews.AsNoTracking().SingleAsync(r => r.LiveSessionId == id);
            if (PeerReviewRules.CheckRespond(RoleOf(edit, review)) is { } refusal) return refusal;
            var contribution = await edit.Db.PeerReviewContributions.SingleOrDefaultAsync(c => c.Id == contributionId && c.SessionId == id);
            if (contribution is null) return "Die bijdrage bestaat niet.";
            var clean = (answer ?? "").Trim();
            if (clean.Length > TextLimits.Contribution) return $"Een antwoord mag hoogstens {TextLimits.Contribution} tekens lang zijn.";
            contribution.Answer = clean;
            contribution.Helpful = helpful;
            return null;
        });

    /// <summary>Who leads parks a contribution for later (or takes it back).</summary>
    public Task<string?> ParkAsync(string userId, long id, long contributionId, bool parked) =>
        live.RecordAsync(userId, id, async edit =>
        {
            var review = await edit.Db.PeerReviews.AsNoTracking().SingleAsync(r => r.LiveSessionId == id);
            if (PeerReviewRules.CheckPark(RoleOf(edit, review)) is { } refusal) return refusal;
            var contribution = await edit.Db.PeerReviewContributions.SingleOrDefaultAsync(c => c.Id == contributionId && c.SessionId == id);
            if (contribution is null) return "Die bijdrage bestaat niet.";
            contribution.Parked = parked;
            return null;
        }, LiveAction.Lead);

    private static PeerReviewRole RoleOf(LiveEdit edit, PeerReview review) =>
        edit.IsFacilitator ? PeerReviewRole.Facilitator : review.CaseOwnerId == edit.Me.UserId ? PeerReviewRole.CaseOwner : PeerReviewRole.Participant;

    private async Task<IReadOnlyList<PeerReviewMethodPhase>> PhasesAsync(LiveEdit edit)
    {
        var methodId = await edit.Db.PeerReviews.Where(r => r.LiveSessionId == edit.Session.Id).Select(r => r.MethodId).SingleAsync();
        return Method(methodId)?.MethodPhases ?? [];
    }
}
