using GeneralistischWerkt.Training.Core.Formatting;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Access;
using GeneralistischWerkt.Training.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Live;

// ---------------------------------------------------------------------------------------------------------------------
// THE LIVE-SESSION MECHANISM (team practice and intervisie use it; see also docs/LIVE-SESSIONS.md)
//
// * State lives in the database, never only in memory: LiveSession (status, facilitator, step, phase, step start,
//   Version) + LiveParticipant (who joined, their role), and each kind's own rows (votes, ticks, contributions) that
//   reference LiveSession.Id. A reload, a lost connection, a late join or a server restart reads it back.
// * Every event goes through this service: ChangeAsync for a change to the shared state (versioned: raises
//   LiveSession.Version; a concurrent change makes the database refuse the write, and the event is evaluated again on
//   the fresh state — or refused in Dutch when the caller said which version it saw), RecordAsync for a row beside the
//   state (a vote, a tick) that does not touch the session row. Both check LiveSessionRules (who may do what in which
//   status) before the kind's own check, and publish IChangeSignal topic "live:{id}" after the save.
// * Pages inherit LiveComponentBase: call ListenTo(id) once the session is loaded, implement ReloadLiveAsync (read
//   everything again through this service / AccessRules); the base re-renders on every signal and unsubscribes on
//   dispose. A signal carries no data, so a lost or doubled one is harmless.
// * Who sees what: AccessRules.VisibleLiveSessions (joined participants only) and JoinableLiveSessions (team members
//   and invited people, to join). A beheerder is in neither.
// ---------------------------------------------------------------------------------------------------------------------

/// <summary>A new live session; <see cref="InvitedUserIds"/> for chosen participants (with or without a team).</summary>
public sealed record NewLiveSession(LiveSessionKind Kind, string Title, int? TeamId, IReadOnlyList<string>? InvitedUserIds = null,
    LiveSessionStatus Status = LiveSessionStatus.Open);

public sealed record LiveParticipantView(string UserId, string Name, string Role, DateTimeOffset? JoinedAt, bool IsFacilitator)
{
    public bool Joined => JoinedAt is not null;
}

/// <summary>A session as one participant sees it. <see cref="Session"/> is a detached copy: change it through the service.</summary>
public sealed record LiveSessionView(LiveSession Session, IReadOnlyList<LiveParticipantView> Participants, LiveParticipantView Me,
    string? TeamName)
{
    public bool IsFacilitator => Me.IsFacilitator;
    public IEnumerable<LiveParticipantView> Joined => Participants.Where(p => p.Joined);
    public string FacilitatorName => Participants.FirstOrDefault(p => p.IsFacilitator)?.Name ?? "";
}

/// <summary>A session someone may join (or joined), as listed on a start page.</summary>
public sealed record JoinableLiveSession(long Id, LiveSessionKind Kind, string Title, string FacilitatorName, string? TeamName,
    LiveSessionStatus Status, bool Joined, DateTimeOffset CreatedAt);

/// <summary>
/// One event being applied: the tracked session (with its participants) in <see cref="Db"/>, who acts, and the time.
/// In <see cref="LiveSessionService.RecordAsync"/> the session is a read-only copy: only rows the event adds are saved.
/// </summary>
public sealed class LiveEdit(ApplicationDbContext db, LiveSession session, LiveParticipant me, DateTimeOffset now)
{
    public ApplicationDbContext Db { get; } = db;
    public LiveSession Session { get; } = session;
    public LiveParticipant Me { get; } = me;
    public DateTimeOffset Now { get; } = now;
    public bool IsFacilitator => Session.FacilitatorId == Me.UserId;

    /// <summary>Moves to a step (and phase) and restarts its clock.</summary>
    public void GoToStep(int index, string phase = "")
    {
        Session.StepIndex = index;
        Session.Phase = phase;
        Session.StepStartedAt = Now;
    }

    public LiveParticipant? Participant(string userId) =>
        Session.Participants.FirstOrDefault(p => p.UserId == userId && p.JoinedAt is not null);
}

public class LiveSessionService(IDbContextFactory<ApplicationDbContext> dbFactory, IChangeSignal signal, TimeProvider clock)
{
    public const string Changed = "De sessie veranderde net op een ander toestel; je ziet nu de nieuwe stand. Probeer opnieuw als het nog nodig is.";
    public const string WrongCode = "Met deze code kan je aan geen sessie deelnemen. Kijk de code na op het scherm van wie de sessie leidt.";
    public const string TooManyAttempts = "Te veel foute codes na elkaar. Probeer het over tien minuten opnieuw.";
    public const string CannotJoin = "Je kan niet deelnemen aan deze sessie.";

    /// <summary>Wrong codes allowed per user in <see cref="AttemptWindow"/> before further attempts are refused.</summary>
    public const int MaxFailedCodes = 5;
    public static readonly TimeSpan AttemptWindow = TimeSpan.FromMinutes(10);

    /// <summary>How often an unversioned event is re-evaluated when other events keep landing first.</summary>
    private const int MaxAttempts = 10;

    /// <summary>The change-signal topic of a session: every page showing it listens here.</summary>
    public static string Topic(long sessionId) => $"live:{sessionId}";

    /// <summary>
    /// Creates a session with its facilitator as the first joined participant. A team session needs the facilitator to
    /// be a member of the team; invited people must share a team with the facilitator. <paramref name="addKindRows"/>
    /// adds the kind's own rows in the same save (it sees the new session, whose Id is set by the save).
    /// </summary>
    public async Task<(long? Id, string? Error)> CreateAsync(string facilitatorId, NewLiveSession input,
        Action<ApplicationDbContext, LiveSession>? addKindRows = null)
    {
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0) return (null, "Geef de sessie een titel.");
        if (title.Length > TextLimits.LiveSessionTitle) return (null, $"De titel mag hoogstens {TextLimits.LiveSessionTitle} tekens lang zijn.");
        if (DisplayText.HasBidiControls(title)) return (null, DisplayText.BidiMessage("De titel"));
        if (!Enum.IsDefined(input.Kind) || input.Status is not (LiveSessionStatus.Planned or LiveSessionStatus.Open))
            return (null, "Ongeldige sessie.");

        await using var db = await dbFactory.CreateDbContextAsync();
        if (input.TeamId is { } teamId && !await AccessRules.TeamsOf(db, facilitatorId).AnyAsync(t => t.Id == teamId))
            return (null, "Je kan alleen een sessie openen voor een team waarin je zit.");
        var invited = (input.InvitedUserIds ?? []).Where(id => id != facilitatorId).Distinct().ToList();
        if (input.TeamId is null && invited.Count == 0) return (null, "Kies een team of nodig deelnemers uit.");
        if (invited.Count > 0)
        {
            var myTeams = AccessRules.TeamsOf(db, facilitatorId).Select(t => t.Id);
            var allowed = await db.TeamMemberships.Where(m => myTeams.Contains(m.TeamId) && invited.Contains(m.UserId))
                .Select(m => m.UserId).Distinct().CountAsync();
            if (allowed != invited.Count) return (null, "Je kan alleen mensen uitnodigen met wie je in een team zit.");
        }

        var now = clock.GetUtcNow();
        var session = new LiveSession
        {
            Kind = input.Kind, Title = title, FacilitatorId = facilitatorId, TeamId = input.TeamId, Status = input.Status,
            CreatedAt = now, JoinCode = JoinCodes.New(),
        };
        session.Participants.Add(new LiveParticipant { UserId = facilitatorId, InvitedAt = now, JoinedAt = now });
        session.Participants.AddRange(invited.Select(id => new LiveParticipant { UserId = id, InvitedAt = now }));
        db.LiveSessions.Add(session);
        addKindRows?.Invoke(db, session);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync();
                return (session.Id, null);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A collision of random codes: practically never; anything else fails again and is thrown the third time.
                session.JoinCode = JoinCodes.New();
            }
        }
    }

    /// <summary>The session as <paramref name="userId"/> sees it; null unless they joined it (one answer for every other case).</summary>
    public async Task<LiveSessionView?> LoadAsync(string userId, long sessionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await AccessRules.VisibleLiveSessions(db, userId).AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId);
        if (session is null) return null;
        var participants = await db.LiveParticipants.AsNoTracking().Where(p => p.SessionId == sessionId)
            .OrderBy(p => p.JoinedAt == null).ThenBy(p => p.JoinedAt).ThenBy(p => p.Id)
            .Select(p => new { p.UserId, Name = p.User!.DisplayName, p.Role, p.JoinedAt })
            .ToListAsync();
        var views = participants
            .Select(p => new LiveParticipantView(p.UserId, p.Name, p.Role, p.JoinedAt, p.UserId == session.FacilitatorId)).ToList();
        var teamName = session.TeamId is { } teamId
            ? await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync()
            : null;
        return new LiveSessionView(session, views, views.Single(v => v.UserId == userId), teamName);
    }

    /// <summary>Sessions the user joined or may join, newest first; <paramref name="kind"/> narrows to one kind.</summary>
    public async Task<IReadOnlyList<JoinableLiveSession>> ListAsync(string userId, LiveSessionKind? kind = null, bool includeEnded = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var joinable = AccessRules.JoinableLiveSessions(db, userId);
        var visible = AccessRules.VisibleLiveSessions(db, userId);
        var query = includeEnded
            ? db.LiveSessions.Where(s => joinable.Any(j => j.Id == s.Id) || visible.Any(v => v.Id == s.Id))
            : joinable;
        if (kind is { } k) query = query.Where(s => s.Kind == k);
        var rows = await query.Select(s => new
            {
                s.Id, s.Kind, s.Title, s.Status, s.CreatedAt,
                Facilitator = db.Users.Where(u => u.Id == s.FacilitatorId).Select(u => u.DisplayName).FirstOrDefault(),
                Team = db.Teams.Where(t => t.Id == s.TeamId).Select(t => t.Name).FirstOrDefault(),
                Joined = s.Participants.Any(p => p.UserId == userId && p.JoinedAt != null),
            })
            .ToListAsync();
        return rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new JoinableLiveSession(r.Id, r.Kind, r.Title, r.Facilitator ?? "", r.Team, r.Status, r.Joined, r.CreatedAt))
            .ToList();
    }

    /// <summary>Joins with one click (from a list of the user's team's sessions). Joining twice is no error.</summary>
    public async Task<string?> JoinAsync(string userId, long sessionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await AccessRules.JoinableLiveSessions(db, userId).AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId);
        if (session is null) return CannotJoin;
        return await JoinAsync(db, session, userId);
    }

    /// <summary>
    /// Joins with the code from the facilitator's screen. A wrong code, and a right code for a session the user may not
    /// join, get the same answer and count as a failed attempt: <see cref="MaxFailedCodes"/> per
    /// <see cref="AttemptWindow"/> per user, so codes cannot be guessed nor their existence probed.
    /// </summary>
    public async Task<(long? Id, string? Error)> JoinByCodeAsync(string userId, string? typedCode)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        var since = now - AttemptWindow;
        if (await db.LiveJoinFailures.CountAsync(f => f.UserId == userId && f.At > since) >= MaxFailedCodes)
            return (null, TooManyAttempts);
        var code = JoinCodes.Normalise(typedCode);
        var session = code is null ? null
            : await AccessRules.JoinableLiveSessions(db, userId).AsNoTracking().FirstOrDefaultAsync(s => s.JoinCode == code);
        if (session is null)
        {
            db.LiveJoinFailures.Add(new LiveJoinFailure { UserId = userId, At = now });
            await db.SaveChangesAsync();
            return (null, WrongCode);
        }
        var error = await JoinAsync(db, session, userId);
        return error is null ? (session.Id, null) : (null, error);
    }

    private async Task<string?> JoinAsync(ApplicationDbContext db, LiveSession session, string userId)
    {
        var refusal = LiveSessionRules.Check(LiveAction.Join, session.Status, isParticipant: true, session.FacilitatorId == userId);
        if (refusal is not null) return refusal;
        var now = clock.GetUtcNow();
        var row = await db.LiveParticipants.FirstOrDefaultAsync(p => p.SessionId == session.Id && p.UserId == userId);
        if (row?.JoinedAt is not null) return null;
        if (row is null) db.LiveParticipants.Add(new LiveParticipant { SessionId = session.Id, UserId = userId, JoinedAt = now });
        else row.JoinedAt = now;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same person joined from a second tab at the same moment: the unique index kept one row, which is theirs.
            return null;
        }
        await PublishAsync(session.Id);
        return null;
    }

    /// <summary>Hands the lead to another participant who joined; only the facilitator can.</summary>
    public Task<string?> HandOverAsync(string userId, long sessionId, string toUserId, int? basedOnVersion = null) =>
        ChangeAsync(userId, sessionId, LiveAction.HandOver, edit =>
        {
            if (toUserId == userId) return Task.FromResult<string?>("Je leidt deze sessie al.");
            if (edit.Participant(toUserId) is null) return Task.FromResult<string?>("Die persoon neemt niet deel aan deze sessie.");
            edit.Session.FacilitatorId = toUserId;
            return Task.FromResult<string?>(null);
        }, basedOnVersion);

    /// <summary>Gives a joined participant a role of the kind (facilitator only); empty clears it.</summary>
    public Task<string?> SetRoleAsync(string userId, long sessionId, string participantUserId, string role, int? basedOnVersion = null) =>
        ChangeAsync(userId, sessionId, LiveAction.Lead, edit =>
        {
            var participant = edit.Participant(participantUserId);
            if (participant is null) return Task.FromResult<string?>("Die persoon neemt niet deel aan deze sessie.");
            if (role.Length > 40) return Task.FromResult<string?>("Ongeldige rol.");
            participant.Role = role;
            return Task.FromResult<string?>(null);
        }, basedOnVersion);

    public Task<string?> OpenAsync(string userId, long sessionId) =>
        ChangeAsync(userId, sessionId, LiveAction.Open, edit =>
        {
            edit.Session.Status = LiveSessionStatus.Open;
            return Task.FromResult<string?>(null);
        });

    /// <summary>Starts the session at step 0; <paramref name="onStart"/> lets a kind check or prepare (for example roles).</summary>
    public Task<string?> StartAsync(string userId, long sessionId, Func<LiveEdit, Task<string?>>? onStart = null, string phase = "") =>
        ChangeAsync(userId, sessionId, LiveAction.Start, async edit =>
        {
            edit.Session.Status = LiveSessionStatus.Running;
            edit.Session.StartedAt = edit.Now;
            edit.GoToStep(0, phase);
            // After the defaults, so a kind can set its own first phase; a refusal saves nothing of the above.
            return onStart is null ? null : await onStart(edit);
        });

    public Task<string?> EndAsync(string userId, long sessionId) =>
        ChangeAsync(userId, sessionId, LiveAction.End, edit =>
        {
            EndNow(edit);
            return Task.FromResult<string?>(null);
        });

    /// <summary>Ends the session within an event (a kind's last step ends it).</summary>
    public static void EndNow(LiveEdit edit)
    {
        edit.Session.Status = LiveSessionStatus.Ended;
        edit.Session.EndedAt = edit.Now;
    }

    /// <summary>
    /// Applies a change to the shared state. <paramref name="change"/> checks the kind's rules on the stored state and
    /// returns a Dutch refusal, or changes <see cref="LiveEdit.Session"/> (and may add the kind's rows); the version is
    /// raised and saved in one write, then the signal is published. When another event was saved in between, the
    /// database refuses the write: without <paramref name="basedOnVersion"/> the event is evaluated again on the new
    /// state (so "next step" twice moves once only if the kind checks the step it was asked for); with it, the change
    /// is refused with <see cref="Changed"/> because the user decided on a state that is gone.
    /// </summary>
    public async Task<string?> ChangeAsync(string userId, long sessionId, LiveAction action, Func<LiveEdit, Task<string?>> change,
        int? basedOnVersion = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var session = await db.LiveSessions.Include(s => s.Participants).FirstOrDefaultAsync(s => s.Id == sessionId);
            var me = session?.Participants.FirstOrDefault(p => p.UserId == userId && p.JoinedAt is not null);
            if (session is null || me is null) return LiveSessionRules.NotParticipant;
            if (basedOnVersion is { } seen && seen != session.Version) return Changed;
            var refusal = LiveSessionRules.Check(action, session.Status, isParticipant: true, session.FacilitatorId == userId)
                          ?? await change(new LiveEdit(db, session, me, clock.GetUtcNow()));
            if (refusal is not null) return refusal;
            session.Version++;
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException) when (basedOnVersion is null && attempt < MaxAttempts)
            {
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                return Changed;
            }
            await PublishAsync(sessionId);
            return null;
        }
    }

    /// <summary>
    /// Saves rows beside the shared state (a vote, a tick, a note) without touching the session row, so many
    /// participants can contribute at once without waiting for each other. <paramref name="record"/> sees a read-only
    /// copy of the session to check the kind's phase, and adds or updates its own rows in <see cref="LiveEdit.Db"/>.
    /// A unique index on those rows turns a doubled request into a refusal instead of a second row.
    /// </summary>
    public async Task<string?> RecordAsync(string userId, long sessionId, Func<LiveEdit, Task<string?>> record,
        LiveAction action = LiveAction.Contribute)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await db.LiveSessions.AsNoTracking().Include(s => s.Participants).FirstOrDefaultAsync(s => s.Id == sessionId);
        var me = session?.Participants.FirstOrDefault(p => p.UserId == userId && p.JoinedAt is not null);
        if (session is null || me is null) return LiveSessionRules.NotParticipant;
        var refusal = LiveSessionRules.Check(action, session.Status, isParticipant: true, session.FacilitatorId == userId)
                      ?? await record(new LiveEdit(db, session, me, clock.GetUtcNow()));
        if (refusal is not null) return refusal;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return Changed;
        }
        await PublishAsync(sessionId);
        return null;
    }

    private Task PublishAsync(long sessionId) => signal.PublishAsync(Topic(sessionId));
}
