using GeneralistischWerkt.Training.Core.Formatting;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Access;
using GeneralistischWerkt.Training.Web.Features.Live;
using GeneralistischWerkt.Training.Web.Features.Scenarios;
using GeneralistischWerkt.Training.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Notifications;

/// <summary>A notification as its recipient may see it now (access checked again when it is listed).</summary>
public sealed record NotificationItem(long Id, NotificationKind Kind, string Text, string Link, DateTimeOffset CreatedAt, bool IsNew);

/// <summary>
/// Meldingen: written when something happens that concerns someone, and only for people who may open the thing it
/// points to (<see cref="NotificationAccess"/>, which asks <see cref="AccessRules"/>). Every list and count checks access
/// again, so a notification about a reflection whose share was withdrawn, or that was deleted, simply disappears.
/// Every change is signalled on <see cref="Topic"/>, so an open bell updates its badge at once.
/// </summary>
public class UserNotifications(IDbContextFactory<ApplicationDbContext> dbFactory, NotificationAccess access, ScenarioStore scenarios,
    IChangeSignal signal, TimeProvider clock)
{
    /// <summary>How many days before its date an open agreement gets a "binnenkort" notice.</summary>
    public const int DueSoonDays = 3;

    private const int MaxListed = 100;

    public static string Topic(string userId) => $"notifications:{userId}";

    public IDisposable Subscribe(string userId, Func<Task> onChanged) => signal.Subscribe(Topic(userId), onChanged);

    /// <summary>A comment on a reflection: to its author and to the werkbegeleider it is shared with, never to the writer.</summary>
    public async Task ReflectionCommentedAsync(string commenterId, long reflectionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var reflection = await db.Reflections.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reflectionId);
        if (reflection is null) return;
        var writer = await NameAsync(db, commenterId);
        var title = Short(reflection.Title);
        await AddAsync(db, [reflection.AuthorId, reflection.SharedWithId], commenterId, recipient => new Notification
        {
            Kind = NotificationKind.ReflectionComment, TargetId = reflectionId, Link = $"/reflecties/{reflectionId}",
            Text = recipient == reflection.AuthorId
                ? $"{writer} reageerde op je reflectie ‘{title}’"
                : $"{writer} reageerde op de reflectie ‘{title}’",
        });
    }

    /// <summary>A comment on a choice in a scenario attempt: to the coach who played it and their werkbegeleider.</summary>
    public async Task AttemptCommentedAsync(string commenterId, long attemptId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var attempt = await db.ScenarioAttempts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attemptId);
        if (attempt is null) return;
        var supervisor = await db.SupervisorAssignments.Where(a => a.CoachId == attempt.UserId && a.EndedAt == null)
            .Select(a => a.SupervisorId).FirstOrDefaultAsync();
        var writer = await NameAsync(db, commenterId);
        var title = Short(scenarios.Find(attempt.ScenarioId)?.Title ?? attempt.ScenarioId);
        await AddAsync(db, [attempt.UserId, supervisor], commenterId, recipient => new Notification
        {
            Kind = NotificationKind.AttemptComment, TargetId = attemptId, Link = $"/scenarios/{attempt.ScenarioId}/pogingen/{attemptId}",
            Text = recipient == attempt.UserId
                ? $"{writer} reageerde op een keuze in je rollenspel ‘{title}’"
                : $"{writer} reageerde op een keuze in het rollenspel ‘{title}’",
        });
    }

    /// <summary>A coach shared a reflection: to the werkbegeleider it is shared with.</summary>
    public async Task ReflectionSharedAsync(long reflectionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var reflection = await db.Reflections.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reflectionId);
        if (reflection?.SharedWithId is null) return;
        var author = await NameAsync(db, reflection.AuthorId);
        await AddAsync(db, [reflection.SharedWithId], reflection.AuthorId, _ => new Notification
        {
            Kind = NotificationKind.ReflectionShared, TargetId = reflectionId, Link = $"/reflecties/{reflectionId}",
            Text = $"{author} deelde een reflectie met je: ‘{Short(reflection.Title)}’",
        });
    }

    /// <summary>A werkbegeleider planned a session: to the coach.</summary>
    public async Task SessionPlannedAsync(long sessionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await db.SupervisionSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId);
        if (session is null) return;
        var supervisor = await NameAsync(db, session.SupervisorId);
        await AddAsync(db, [session.CoachId], session.SupervisorId, _ => new Notification
        {
            Kind = NotificationKind.SessionPlanned, TargetId = sessionId, Link = $"/werkbegeleiding/sessies/{sessionId}",
            Text = $"{supervisor} plande een werkbegeleiding op {DutchFormat.Date(session.Date)} ({session.Form.ToDutch().ToLowerInvariant()})",
        });
    }

    /// <summary>
    /// Creates, once each, the notices for the coach's open agreements that are due within <see cref="DueSoonDays"/>
    /// days or overdue. Called when the bell or the start page loads; the unique <see cref="Notification.OnceKey"/>
    /// makes a second call (or a second tab at the same moment) add nothing.
    /// </summary>
    public async Task EnsureAgreementNoticesAsync(string coachId)
    {
        var today = DutchFormat.Today(clock.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync();
        var agreements = (await AccessRules.VisibleAgreements(db, coachId).AsNoTracking()
                .Where(a => a.CoachId == coachId && a.DueDate != null
                    && (a.Status == AgreementStatus.Open || a.Status == AgreementStatus.InProgress))
                .ToListAsync())
            .Where(a => a.DueDate!.Value <= today.AddDays(DueSoonDays))
            .ToList();
        if (agreements.Count == 0) return;
        var existing = await db.Notifications.Where(n => n.RecipientId == coachId && n.OnceKey != null)
            .Select(n => n.OnceKey!).ToListAsync();
        var added = false;
        foreach (var agreement in agreements)
        {
            var overdue = agreement.DueDate!.Value < today;
            var key = $"afspraak:{agreement.Id}:{(overdue ? "te-laat" : "binnenkort")}";
            if (existing.Contains(key)) continue;
            var what = Short(agreement.What);
            var date = DutchFormat.Date(agreement.DueDate.Value);
            db.Notifications.Add(new Notification
            {
                RecipientId = coachId, OnceKey = key, TargetId = agreement.Id, Link = "/afspraken", CreatedAt = clock.GetUtcNow(),
                Kind = overdue ? NotificationKind.AgreementOverdue : NotificationKind.AgreementDueSoon,
                Text = overdue ? $"Je afspraak ‘{what}’ is over datum (afgesproken tegen {date})" : $"Je afspraak ‘{what}’ vervalt op {date}",
            });
            added = true;
        }
        if (!added) return;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another tab wrote the same notices a moment earlier: they exist once, which is all that matters.
            return;
        }
        await signal.PublishAsync(Topic(coachId));
    }

    /// <summary>The recipient's notifications, newest first, only those whose target they may still open.</summary>
    public async Task<IReadOnlyList<NotificationItem>> ListAsync(string userId, bool unreadOnly = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId);
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        var stored = await query.OrderByDescending(n => n.Id).Take(MaxListed).ToListAsync();
        var visible = await access.VisibleAsync(db, userId, stored);
        return visible.Select(n => new NotificationItem(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt is null)).ToList();
    }

    public async Task<int> UnreadCountAsync(string userId) => (await ListAsync(userId, unreadOnly: true)).Count;

    /// <summary>Opening the list marks everything in it as read; the bell hears it and clears its badge.</summary>
    public async Task MarkAllReadAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var changed = await db.Notifications.Where(n => n.RecipientId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now));
        if (changed > 0) await signal.PublishAsync(Topic(userId));
    }

    /// <summary>
    /// Stores one notification per recipient, skipping the person who caused it, duplicates, and anyone who may not
    /// open the target (checked with the same rule as listing).
    /// </summary>
    private async Task AddAsync(ApplicationDbContext db, IEnumerable<string?> recipients, string causedBy, Func<string, Notification> make)
    {
        var added = new List<string>();
        foreach (var recipient in recipients.OfType<string>().Where(r => r != causedBy).Distinct())
        {
            var notification = make(recipient);
            notification.RecipientId = recipient;
            notification.CreatedAt = clock.GetUtcNow();
            notification.Text = Clip(notification.Text, 500);
            if ((await access.VisibleAsync(db, recipient, [notification])).Count == 0) continue;
            db.Notifications.Add(notification);
            added.Add(recipient);
        }
        if (added.Count == 0) return;
        await db.SaveChangesAsync();
        foreach (var recipient in added) await signal.PublishAsync(Topic(recipient));
    }

    private static async Task<string> NameAsync(ApplicationDbContext db, string userId) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync() ?? "Iemand";

    /// <summary>A title or agreement as it fits in one line of a notification.</summary>
    private static string Short(string text) =>
        string.IsNullOrWhiteSpace(text) ? "zonder titel" : text.Length <= 80 ? text.Trim() : text[..79].TrimEnd() + "…";

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
