using System.Text.Json;
using GeneralistischWerkt.Training.Core.Formatting;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Access;
using GeneralistischWerkt.Training.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Supervision;

/// <summary>
/// One topic of a session as stored when the session was made. The title is a record of that moment only: what a
/// viewer sees is resolved again on every read (<see cref="AgendaEntry"/>).
/// </summary>
public sealed record AgendaItem(string Kind, long Id, string Title, string? ScenarioId = null);

/// <summary>
/// An agenda topic as this viewer may see it now. <see cref="Link"/> is null when the viewer may no longer open it
/// (a withdrawn or deleted reflection, an attempt of a coach they no longer supervise); the title is then neutral.
/// </summary>
public sealed record AgendaEntry(string Kind, string Title, string? Link);

public sealed record SessionView(SupervisionSession Session, string CoachName, string SupervisorName, bool IsSupervisor,
    IReadOnlyList<AgendaEntry> Agenda, IReadOnlyList<Agreement> AgreementsMade, IReadOnlyList<Agreement> CarriedOver);

public sealed record NewSession(string CoachId, DateOnly Date, SessionForm Form, IReadOnlyCollection<long> ReflectionIds, IReadOnlyCollection<long> AttemptIds);

public static class SessionForms
{
    public static string ToDutch(this SessionForm form) => form switch
    {
        SessionForm.Individual => "Individuele werkbegeleiding",
        SessionForm.CoachingOnTheJob => "Coaching on the job",
        SessionForm.HomeVisit => "Meegaan op huisbezoek",
        SessionForm.PhoneConsultation => "Telefonische consultatie",
        _ => form.ToString(),
    };

    public static string ToDutch(this AgreementStatus status) => status switch
    {
        AgreementStatus.Open => "Open",
        AgreementStatus.InProgress => "Bezig",
        AgreementStatus.Done => "Afgerond",
        AgreementStatus.Dropped => "Vervallen",
        _ => status.ToString(),
    };

    public static bool IsOpen(this AgreementStatus status) => status is AgreementStatus.Open or AgreementStatus.InProgress;
}

/// <summary>
/// Werkbegeleiding sessions and their binding agreements. A werkbegeleider holds sessions only with coaches they
/// currently supervise; the coach sees their own sessions and agreements and marks progress on them.
/// </summary>
public class SupervisionService(IDbContextFactory<ApplicationDbContext> dbFactory, AccessRules access, TimeProvider clock,
    GeneralistischWerkt.Training.Web.Features.Scenarios.ScenarioStore scenarios,
    GeneralistischWerkt.Training.Web.Features.Notifications.UserNotifications notifications)
{
    public async Task<(long? Id, string? Error)> CreateSessionAsync(string supervisorId, NewSession input)
    {
        // The form arrives from the browser: a value outside the enum is refused, never stored.
        if (!Enum.IsDefined(input.Form)) return (null, "Kies een geldige vorm van werkbegeleiding.");
        if (!await access.IsCurrentSupervisorAsync(supervisorId, input.CoachId)) return (null, "Je begeleidt deze coach niet.");
        await using var db = await dbFactory.CreateDbContextAsync();

        // Only what this werkbegeleider may see can go on the agenda: shared reflections and the coach's attempts.
        var reflections = await AccessRules.ReadableReflections(db, supervisorId)
            .Where(r => r.AuthorId == input.CoachId && input.ReflectionIds.Contains(r.Id))
            .Select(r => new AgendaItem("reflectie", r.Id, r.Title)).ToListAsync();
        var attempts = (await db.ScenarioAttempts.Where(a => a.UserId == input.CoachId && input.AttemptIds.Contains(a.Id)).ToListAsync())
            .Select(a => new AgendaItem("poging", a.Id, AttemptTitle(a), a.ScenarioId))
            .ToList();
        var open = await db.Agreements.Where(a => a.CoachId == input.CoachId && a.SupervisorId == supervisorId
                && (a.Status == AgreementStatus.Open || a.Status == AgreementStatus.InProgress))
            .Select(a => new AgendaItem("afspraak", a.Id, a.What)).ToListAsync();

        var session = new SupervisionSession
        {
            SupervisorId = supervisorId, CoachId = input.CoachId, Date = input.Date, Form = input.Form, CreatedAt = clock.GetUtcNow(),
            AgendaJson = JsonSerializer.Serialize(reflections.Concat(attempts).Concat(open).ToList()),
        };
        db.SupervisionSessions.Add(session);
        await db.SaveChangesAsync();
        await notifications.SessionPlannedAsync(session.Id);
        return (session.Id, null);
    }

    public async Task<SessionView?> OpenAsync(string viewerId, long sessionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await AccessRules.VisibleSessions(db, viewerId).AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId);
        if (session is null) return null;
        var made = await db.Agreements.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Id).ToListAsync();
        // Open agreements from earlier sessions of the same pair carry over to this one automatically.
        var carried = await db.Agreements.AsNoTracking()
            .Where(a => a.CoachId == session.CoachId && a.SupervisorId == session.SupervisorId && a.SessionId != sessionId
                && a.CreatedAt < session.CreatedAt && (a.Status == AgreementStatus.Open || a.Status == AgreementStatus.InProgress))
            .OrderBy(a => a.DueDate).ToListAsync();
        var names = await db.Users.Where(u => u.Id == session.CoachId || u.Id == session.SupervisorId)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var agenda = await AgendaAsync(db, viewerId, session);
        return new SessionView(session, names.GetValueOrDefault(session.CoachId, ""), names.GetValueOrDefault(session.SupervisorId, ""),
            session.SupervisorId == viewerId, agenda, made, carried);
    }

    public const string WithdrawnReflection = "Reflectie (niet meer gedeeld)";
    public const string HiddenAttempt = "Rollenspel (niet meer zichtbaar)";

    /// <summary>
    /// The stored agenda with every reflection and attempt checked again against the access rules for this viewer
    /// and titled as it is now, so a withdrawn reflection's title is never shown from the session's record.
    /// </summary>
    private async Task<IReadOnlyList<AgendaEntry>> AgendaAsync(ApplicationDbContext db, string viewerId, SupervisionSession session)
    {
        var stored = JsonSerializer.Deserialize<List<AgendaItem>>(session.AgendaJson) ?? [];
        var reflectionIds = stored.Where(i => i.Kind == "reflectie").Select(i => i.Id).ToList();
        var reflections = await AccessRules.ReadableReflections(db, viewerId).AsNoTracking()
            .Where(r => reflectionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title);
        var attemptIds = stored.Where(i => i.Kind == "poging").Select(i => i.Id).ToList();
        var attempts = attemptIds.Count > 0 && await access.CanSeeAttemptsOfAsync(viewerId, session.CoachId)
            ? await db.ScenarioAttempts.AsNoTracking().Where(a => a.UserId == session.CoachId && attemptIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id)
            : [];
        return stored.Select(item => item.Kind switch
        {
            "reflectie" => reflections.TryGetValue(item.Id, out var title)
                ? new AgendaEntry(item.Kind, string.IsNullOrWhiteSpace(title) ? "(zonder titel)" : title, $"/reflecties/{item.Id}")
                : new AgendaEntry(item.Kind, WithdrawnReflection, null),
            "poging" => attempts.TryGetValue(item.Id, out var attempt)
                ? new AgendaEntry(item.Kind, AttemptTitle(attempt), $"/scenarios/{attempt.ScenarioId}/pogingen/{attempt.Id}")
                : new AgendaEntry(item.Kind, HiddenAttempt, null),
            _ => new AgendaEntry(item.Kind, item.Title, null),
        }).ToList();
    }

    private string AttemptTitle(ScenarioAttempt attempt) =>
        $"{scenarios.Find(attempt.ScenarioId)?.Title ?? attempt.ScenarioId} ({GeneralistischWerkt.Training.Core.Formatting.DutchFormat.Date(attempt.StartedAt)})";

    public async Task<IReadOnlyList<SupervisionSession>> SessionsAsync(string viewerId, string? coachId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = AccessRules.VisibleSessions(db, viewerId).AsNoTracking();
        if (coachId is not null) query = query.Where(s => s.CoachId == coachId);
        return await query.OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).ToListAsync();
    }

    /// <summary>Keys of the four notes of a session, one per werkbegeleiding dimension.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> NoteFields =
    [
        ("taak", "Taakondersteuning"),
        ("proces", "Procesondersteuning / monitoring"),
        ("persoonlijk", "Persoonlijke ondersteuning"),
        ("methodiek", "Ondersteuning methodiektrouw"),
    ];

    public static IReadOnlyDictionary<string, string> Notes(SupervisionSession session) => new Dictionary<string, string>
    {
        ["taak"] = session.NotesTask, ["proces"] = session.NotesProcess,
        ["persoonlijk"] = session.NotesPersonal, ["methodiek"] = session.NotesMethod,
    };

    /// <summary>
    /// Saves the werkbegeleider's notes when they are based on the stored <paramref name="expectedVersion"/>; otherwise
    /// the stored notes come back as a conflict (see <see cref="SaveResult"/>).
    /// </summary>
    public async Task<SaveResult> SaveNotesAsync(string supervisorId, long sessionId, int expectedVersion, IReadOnlyDictionary<string, string> notes)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await db.SupervisionSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.SupervisorId == supervisorId);
        if (session is null) return SaveResult.Refused(NotesGone);
        string Note(string key) => TextLimits.Clip(notes.GetValueOrDefault(key), TextLimits.SessionNote);
        return await db.WriteVersionAsync(session, expectedVersion, s =>
        {
            s.NotesTask = Note("taak");
            s.NotesProcess = Note("proces");
            s.NotesPersonal = Note("persoonlijk");
            s.NotesMethod = Note("methodiek");
        }, Notes, NotesGone);
    }

    public async Task<string?> AddAgreementAsync(string supervisorId, long sessionId, string what, string who, DateOnly? due)
    {
        what = (what ?? "").Trim();
        who = (who ?? "").Trim();
        if (what.Length == 0) return "Beschrijf wat er afgesproken is.";
        if (who.Length == 0) return "Vul in wie de afspraak uitvoert.";
        if (what.Length > TextLimits.AgreementWhat) return $"Beschrijf de afspraak in hoogstens {TextLimits.AgreementWhat} tekens.";
        if (who.Length > TextLimits.AgreementWho) return $"Vul 'wie' in met hoogstens {TextLimits.AgreementWho} tekens.";
        var today = DutchFormat.Today(clock.GetUtcNow());
        if (due is { } date && date < today)
            return $"De datum {DutchFormat.Date(date)} ligt in het verleden. Kies vandaag ({DutchFormat.Date(today)}) of later, of laat de datum leeg.";
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await db.SupervisionSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.SupervisorId == supervisorId);
        if (session is null) return "Deze sessie bestaat niet.";
        var now = clock.GetUtcNow();
        db.Agreements.Add(new Agreement
        {
            SessionId = sessionId, CoachId = session.CoachId, SupervisorId = supervisorId, What = what, Who = who, DueDate = due,
            Status = AgreementStatus.Open, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        return null;
    }

    public const string AgreementStatusField = "stand";
    public const string AgreementProgressField = "voortgang";

    public static IReadOnlyDictionary<string, string> AgreementFields(Agreement agreement) => new Dictionary<string, string>
    {
        [AgreementStatusField] = ((int)agreement.Status).ToString(System.Globalization.CultureInfo.InvariantCulture),
        [AgreementProgressField] = agreement.ProgressNote,
    };

    /// <summary>
    /// The coach (or the werkbegeleider) records progress on an agreement, based on the stored
    /// <paramref name="expectedVersion"/>; a change made meanwhile by the other comes back as a conflict.
    /// </summary>
    public async Task<SaveResult> UpdateAgreementAsync(string viewerId, long agreementId, int expectedVersion, AgreementStatus status, string note)
    {
        if (!Enum.IsDefined(status)) return SaveResult.Refused("kies een stand uit de lijst.");
        await using var db = await dbFactory.CreateDbContextAsync();
        var agreement = await AccessRules.VisibleAgreements(db, viewerId).SingleOrDefaultAsync(a => a.Id == agreementId);
        if (agreement is null) return SaveResult.Refused(AgreementGone);
        return await db.WriteVersionAsync(agreement, expectedVersion, a =>
        {
            a.Status = status;
            a.ProgressNote = TextLimits.Clip(note, TextLimits.AgreementProgress);
            a.UpdatedAt = clock.GetUtcNow();
        }, AgreementFields, AgreementGone);
    }

    private const string NotesGone = "je kan de notities van deze sessie niet (meer) aanpassen.";
    private const string AgreementGone = "je kan deze afspraak niet (meer) aanpassen.";

    public async Task<IReadOnlyList<Agreement>> AgreementsAsync(string viewerId, string? coachId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = AccessRules.VisibleAgreements(db, viewerId).AsNoTracking();
        if (coachId is not null) query = query.Where(a => a.CoachId == coachId);
        return await query.OrderBy(a => a.Status).ThenBy(a => a.DueDate).ToListAsync();
    }

    public static bool IsOverdue(Agreement agreement, DateOnly today) =>
        agreement.Status.IsOpen() && agreement.DueDate is { } due && due < today;

}
