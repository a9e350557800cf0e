using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace GeneralistischWerkt.Training.Web.Features.Notifications;

/// <summary>
/// Whether a person may open what a notification points to, per kind, by the rules in <see cref="AccessRules"/> (no rule
/// of its own). The same check decides whether a notification is created and whether it is still listed.
/// </summary>
public class NotificationAccess(AccessRules rules)
{
    /// <summary>The notifications of <paramref name="recipientId"/> whose target they may open now, in the given order.</summary>
    public async Task<IReadOnlyList<Notification>> VisibleAsync(ApplicationDbContext db, string recipientId, IReadOnlyList<Notification> notifications)
    {
        List<long> Targets(params NotificationKind[] kinds) =>
            notifications.Where(n => kinds.Contains(n.Kind)).Select(n => n.TargetId).Distinct().ToList();

        var reflectionIds = Targets(NotificationKind.ReflectionComment, NotificationKind.ReflectionShared);
        var reflections = reflectionIds.Count == 0 ? [] : await AccessRules.ReadableReflections(db, recipientId)
            .Where(r => reflectionIds.Contains(r.Id)).Select(r => r.Id).ToListAsync();

        var attemptIds = Targets(NotificationKind.AttemptComment);
        var attemptOwners = attemptIds.Count == 0 ? [] : await db.ScenarioAttempts.Where(a => attemptIds.Contains(a.Id))
            .Select(a => new { a.Id, a.UserId }).ToListAsync();
        var attempts = new List<long>();
        foreach (var owner in attemptOwners.GroupBy(a => a.UserId))
            if (await rules.CanSeeAttemptsOfAsync(recipientId, owner.Key)) attempts.AddRange(owner.Select(a => a.Id));

        var sessionIds = Targets(NotificationKind.SessionPlanned);
        var sessions = sessionIds.Count == 0 ? [] : await AccessRules.VisibleSessions(db, recipientId)
            .Where(s => sessionIds.Contains(s.Id)).Select(s => s.Id).ToListAsync();

        var agreementIds = Targets(NotificationKind.AgreementDueSoon, NotificationKind.AgreementOverdue);
        var agreements = agreementIds.Count == 0 ? [] : await AccessRules.VisibleAgreements(db, recipientId)
            .Where(a => agreementIds.Contains(a.Id)).Select(a => a.Id).ToListAsync();

        return notifications.Where(n => n.Kind switch
        {
            NotificationKind.ReflectionComment or NotificationKind.ReflectionShared => reflections.Contains(n.TargetId),
            NotificationKind.AttemptComment => attempts.Contains(n.TargetId),
            NotificationKind.SessionPlanned => sessions.Contains(n.TargetId),
            NotificationKind.AgreementDueSoon or NotificationKind.AgreementOverdue => agreements.Contains(n.TargetId),
            _ => false,
        }).ToList();
    }
}
