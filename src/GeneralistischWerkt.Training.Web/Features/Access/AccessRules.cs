using System.Linq.Expressions;
using GeneralistischWerkt.Training.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Access;

/// <summary>
/// Who may see whose data, decided on the server in this one place. Pages and queries ask here (or filter with the
/// expressions below); they never decide for themselves. A beheerder appears in none of these rules: managing
/// accounts gives no access to anyone's learning, reflections, comments or sessions.
/// </summary>
public class AccessRules(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    /// <summary>Learning progress: the coach and their current werkbegeleider.</summary>
    public async Task<bool> CanSeeProgressOfAsync(string viewerId, string coachId)
    {
        if (viewerId == coachId) return true;
        return await IsCurrentSupervisorAsync(viewerId, coachId);
    }

    /// <summary>Scenario attempts (path, scores, comments on choices): the same circle as learning progress.</summary>
    public Task<bool> CanSeeAttemptsOfAsync(string viewerId, string ownerId) => CanSeeProgressOfAsync(viewerId, ownerId);

    public async Task<bool> IsCurrentSupervisorAsync(string supervisorId, string coachId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.SupervisorAssignments.AnyAsync(a =>
            a.CoachId == coachId && a.SupervisorId == supervisorId && a.EndedAt == null);
    }

    /// <summary>
    /// The reflection rule: the author always; otherwise only a finished reflection that its author shared with
    /// exactly this werkbegeleider, while that werkbegeleider still supervises the author. A draft is never shared, and
    /// a new werkbegeleider sees nothing that was shared with the previous one.
    /// </summary>
    public static Expression<Func<Reflection, bool>> ReflectionReadableBy(string viewerId, IQueryable<SupervisorAssignment> assignments) =>
        r => r.AuthorId == viewerId
             || (r.Status == ReflectionStatus.Final
                 && r.SharedWithId == viewerId
                 && assignments.Any(a => a.CoachId == r.AuthorId && a.SupervisorId == viewerId && a.EndedAt == null));

    public static IQueryable<Reflection> ReadableReflections(ApplicationDbContext db, string viewerId) =>
        db.Reflections.Where(ReflectionReadableBy(viewerId, db.SupervisorAssignments));

    public async Task<bool> CanReadReflectionAsync(string viewerId, long reflectionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ReadableReflections(db, viewerId).AnyAsync(r => r.Id == reflectionId);
    }

    /// <summary>Sessions: the werkbegeleider who holds it and the coach it is with.</summary>
    public static IQueryable<SupervisionSession> VisibleSessions(ApplicationDbContext db, string viewerId) =>
        db.SupervisionSessions.Where(s => s.SupervisorId == viewerId || s.CoachId == viewerId);

    /// <summary>Agreements: the coach they bind and the werkbegeleider who made them.</summary>
    public static IQueryable<Agreement> VisibleAgreements(ApplicationDbContext db, string viewerId) =>
        db.Agreements.Where(a => a.CoachId == viewerId || a.SupervisorId == viewerId);

    /// <summary>
    /// Live group sessions (team practice, intervisie) and everything in them (votes, ticks, contributions, results):
    /// their joined participants only. Kinds filter their own rows through this.
    /// </summary>
    public static IQueryable<LiveSession> VisibleLiveSessions(ApplicationDbContext db, string viewerId) =>
        db.LiveSessions.Where(s => s.Participants.Any(p => p.UserId == viewerId && p.JoinedAt != null));

    /// <summary>
    /// Who may join a live session that has not ended: a current member (coach or werkbegeleider) of its team, or a
    /// person invited to it. Before joining they see only that it exists (title, who leads), to join it.
    /// </summary>
    public static IQueryable<LiveSession> JoinableLiveSessions(ApplicationDbContext db, string viewerId) =>
        db.LiveSessions.Where(s => s.Status != LiveSessionStatus.Ended
            && (s.Participants.Any(p => p.UserId == viewerId)
                || (s.TeamId != null && db.TeamMemberships.Any(m => m.TeamId == s.TeamId && m.UserId == viewerId))));

    public async Task<bool> CanSeeLiveSessionAsync(string viewerId, long sessionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await VisibleLiveSessions(db, viewerId).AnyAsync(s => s.Id == sessionId);
    }

    /// <summary>Who may start a live session for a team: its current members (coaches and werkbegeleiders).</summary>
    public static IQueryable<Team> TeamsOf(ApplicationDbContext db, string userId) =>
        db.Teams.Where(t => t.Memberships.Any(m => m.UserId == userId));

    /// <summary>
    /// "Samen beslissen" votes are anonymous: a session's participants get counts per decision and option, never who
    /// chose what. Every view and export of votes other than one's own goes through here.
    /// </summary>
    public static IQueryable<VoteCount> VoteCounts(ApplicationDbContext db, string viewerId, long sessionId) =>
        db.PracticeVotes
            .Where(v => v.SessionId == sessionId && VisibleLiveSessions(db, viewerId).Any(s => s.Id == sessionId))
            .GroupBy(v => new { v.StepIndex, v.ChoiceIndex })
            .Select(g => new VoteCount(g.Key.StepIndex, g.Key.ChoiceIndex, g.Count()));

    /// <summary>A person's own votes, with their choice: for that person only.</summary>
    public static IQueryable<PracticeVote> OwnVotes(ApplicationDbContext db, string viewerId) =>
        db.PracticeVotes.Where(v => v.UserId == viewerId);

    /// <summary>
    /// Observers' ticks in a role-play: while it runs, each observer sees only their own (so they observe
    /// independently); once it has ended, every participant sees all of them side by side.
    /// </summary>
    public static IQueryable<PracticeTick> VisibleTicks(ApplicationDbContext db, string viewerId) =>
        db.PracticeTicks.Where(t => VisibleLiveSessions(db, viewerId)
            .Any(s => s.Id == t.SessionId && (t.UserId == viewerId || s.Status == LiveSessionStatus.Ended)));

    /// <summary>
    /// Intervisie (its own row: method, case, consent): the joined participants of its live session only. Planning
    /// invites the team's members of that moment by name, so a coach who joins the team later is never in it.
    /// </summary>
    public static IQueryable<PeerReview> VisiblePeerReviews(ApplicationDbContext db, string viewerId) =>
        db.PeerReviews.Where(r => VisibleLiveSessions(db, viewerId).Any(s => s.Id == r.LiveSessionId));

    /// <summary>Contributions in an intervisie: its joined participants (with the author's name; it is no vote).</summary>
    public static IQueryable<PeerReviewContribution> VisibleContributions(ApplicationDbContext db, string viewerId) =>
        db.PeerReviewContributions.Where(c => VisibleLiveSessions(db, viewerId).Any(s => s.Id == c.SessionId));

    /// <summary>
    /// The case text (description and question): its owner until they delete it; the other participants until the
    /// meeting has ended. Afterwards they get the summary, which never holds the case.
    /// </summary>
    public static bool CanReadCase(PeerReview review, LiveSessionStatus status, string viewerId) =>
        review.CaseDeletedAt is null && (review.CaseOwnerId == viewerId || status != LiveSessionStatus.Ended);

    /// <summary>The summary of an ended intervisie: who led it and the case owner; the others once the owner agreed.</summary>
    public static IQueryable<PeerReview> VisibleSummaries(ApplicationDbContext db, string viewerId) =>
        VisiblePeerReviews(db, viewerId).Where(r => r.Session!.Status == LiveSessionStatus.Ended
            && (r.CaseOwnerId == viewerId || r.Session.FacilitatorId == viewerId || r.SummarySharedAt != null));

    /// <summary>
    /// A reflection the case owner attached to their inbreng (explicit consent): readable by the participants of that
    /// intervisie, there only, while it is the owner's own finished reflection and the case is not deleted.
    /// </summary>
    public static IQueryable<Reflection> AttachedReflections(ApplicationDbContext db, string viewerId, long sessionId) =>
        db.Reflections.Where(r => r.Status == ReflectionStatus.Final && VisiblePeerReviews(db, viewerId)
            .Any(p => p.LiveSessionId == sessionId && p.AttachedReflectionId == r.Id && p.CaseOwnerId == r.AuthorId && p.CaseDeletedAt == null));

    /// <summary>A finished scenario attempt attached the same way.</summary>
    public static IQueryable<ScenarioAttempt> AttachedAttempts(ApplicationDbContext db, string viewerId, long sessionId) =>
        db.ScenarioAttempts.Where(a => a.FinishedAt != null && VisiblePeerReviews(db, viewerId)
            .Any(p => p.LiveSessionId == sessionId && p.AttachedAttemptId == a.Id && p.CaseOwnerId == a.UserId && p.CaseDeletedAt == null));
}
