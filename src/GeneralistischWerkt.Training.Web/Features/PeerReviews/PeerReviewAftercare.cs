using System.Text;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Access;
using GeneralistischWerkt.Training.Web.Features.Editing;
using GeneralistischWerkt.Training.Web.Features.Live;
using GeneralistischWerkt.Training.Web.Features.Reflections;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.PeerReviews;

/// <summary>
/// After the meeting: the case owner's take-away (a private reflection draft), agreements with their own
/// werkbegeleider, sharing the summary, keeping or deleting the case; the facilitator's evaluation; the summary.
/// </summary>
public class PeerReviewAftercare(IDbContextFactory<ApplicationDbContext> dbFactory, PeerReviewService reviews, ReflectionService reflections,
    IChangeSignal signal, TimeProvider clock)
{
    public const string NotEnded = "Dit kan pas als de intervisie afgelopen is.";
    public const string OnlyOwner = "Alleen de inbrenger kan dit.";

    /// <summary>The owner's take-away: a private draft reflection (shared or not as any reflection) with what helped.</summary>
    public async Task<(long? Id, string? Error)> TakeAwayAsync(string userId, long id)
    {
        var view = await reviews.LoadAsync(userId, id);
        if (view is null || !view.IsCaseOwner) return (null, OnlyOwner);
        if (view.Session.Status != LiveSessionStatus.Ended) return (null, NotEnded);
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(view.Case.Question)) text.AppendLine($"Mijn vraag: {view.Case.Question}").AppendLine();
        var helpful = view.Contributions.Where(c => c.Helpful).ToList();
        if (helpful.Count > 0)
        {
            text.AppendLine("Wat me hielp:");
            foreach (var c in helpful) text.AppendLine($"- {c.Text}");
            text.AppendLine();
        }
        text.AppendLine("Wat ik meeneem:");
        var reflection = await reflections.CreateDraftAsync(userId, "vrij", title: $"Intervisie: {view.Session.Title}",
            sections: new Dictionary<string, string> { ["tekst"] = text.ToString().TrimEnd() });
        return (reflection, null);
    }

    /// <summary>Turns a point into an agreement with the owner's current werkbegeleider (the existing agreements).</summary>
    public async Task<string?> AddAgreementAsync(string userId, long id, string? what)
    {
        var clean = (what ?? "").Trim();
        if (clean.Length == 0) return "Beschrijf wat je wil afspreken.";
        if (clean.Length > TextLimits.AgreementWhat) return $"Beschrijf de afspraak in hoogstens {TextLimits.AgreementWhat} tekens.";
        await using var db = await dbFactory.CreateDbContextAsync();
        var review = await AccessRules.VisiblePeerReviews(db, userId).AsNoTracking().SingleOrDefaultAsync(r => r.LiveSessionId == id && r.CaseOwnerId == userId);
        if (review is null) return OnlyOwner;
        var supervisor = await db.SupervisorAssignments.Where(a => a.CoachId == userId && a.EndedAt == null).Select(a => a.SupervisorId).FirstOrDefaultAsync();
        if (supervisor is null) return "Je hebt op dit moment geen werkbegeleider; een afspraak maak je met je eigen werkbegeleider.";
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync();
        var now = clock.GetUtcNow();
        db.Agreements.Add(new Agreement
        {
            PeerReviewId = id, CoachId = userId, SupervisorId = supervisor, What = clean, Who = TextLimits.Clip(name, TextLimits.AgreementWho),
            Status = AgreementStatus.Open, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        return null;
    }

    /// <summary>The owner agrees (or no longer agrees) that the participants see the summary.</summary>
    public Task<string?> ShareSummaryAsync(string userId, long id, bool share) =>
        OwnerChangeAsync(userId, id, review => review.SummarySharedAt = share ? clock.GetUtcNow() : null);

    /// <summary>Keep the case text, or delete it: emptied in the database, for everyone, with its attachment.</summary>
    public Task<string?> DecideCaseAsync(string userId, long id, bool keep) =>
        OwnerChangeAsync(userId, id, review =>
        {
            if (keep)
            {
                review.CaseKept = true;
                return;
            }
            review.CaseDescription = "";
            review.CaseQuestion = "";
            review.CaseDeletedAt = clock.GetUtcNow();
            review.CaseKept = false;
            (review.AttachedReflectionId, review.AttachedAttemptId, review.AttachedAt) = (null, null, null);
        });

    private async Task<string?> OwnerChangeAsync(string userId, long id, Action<PeerReview> change)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var review = await AccessRules.VisiblePeerReviews(db, userId).Include(r => r.Session).SingleOrDefaultAsync(r => r.LiveSessionId == id);
        if (review is null || review.CaseOwnerId != userId) return OnlyOwner;
        if (review.Session!.Status != LiveSessionStatus.Ended) return NotEnded;
        change(review);
        await db.SaveBesideTextAsync();
        await signal.PublishAsync(LiveSessionService.Topic(id));
        return null;
    }

    public static IReadOnlyDictionary<string, string> EvaluationFields(PeerReview review) =>
        new Dictionary<string, string> { [PeerReviewService.EvaluationField] = review.Evaluation };

    /// <summary>The facilitator's evaluation of the process, autosaved against its version.</summary>
    public async Task<SaveResult> SaveEvaluationAsync(string userId, long id, int expectedVersion, IReadOnlyDictionary<string, string> fields)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var review = await AccessRules.VisiblePeerReviews(db, userId).Include(r => r.Session).SingleOrDefaultAsync(r => r.LiveSessionId == id);
        if (review is null || review.Session!.FacilitatorId != userId) return SaveResult.Refused("alleen wie de intervisie leidt, schrijft de evaluatie.");
        return await db.WriteVersionAsync(review, expectedVersion,
            r => r.Evaluation = TextLimits.Clip(fields.GetValueOrDefault(PeerReviewService.EvaluationField), TextLimits.PeerReviewEvaluation),
            EvaluationFields, PeerReviewService.Gone);
    }

    /// <summary>The summary, for who may see it (<see cref="AccessRules.VisibleSummaries"/>); never the case description.</summary>
    public async Task<PeerReviewSummary?> SummaryAsync(string userId, long id)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            if (!await AccessRules.VisibleSummaries(db, userId).AnyAsync(r => r.LiveSessionId == id)) return null;
        }
        var view = await reviews.LoadAsync(userId, id);
        if (view is null) return null;
        var byPhase = view.Phases.Select((phase, i) => (phase, (IReadOnlyList<ContributionView>)view.Contributions.Where(c => c.PhaseIndex == i && !c.Parked).ToList()))
            .Where(p => p.phase.TakesContributions).ToList();
        var attitudes = view.Contributions.Where(c => c.CoreAttitudeId is not null).GroupBy(c => c.CoreAttitudeId!)
            .Select(g => (g.Key, g.Count())).OrderByDescending(a => a.Item2).ThenBy(a => a.Key).ToList();
        return new PeerReviewSummary(view, byPhase, attitudes, view.Contributions.Where(c => c.Parked).ToList());
    }
}
