using GeneralistischWerkt.Training.Core.Formatting;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GeneralistischWerkt.Training.Web.Features.Notifications;

/// <summary>
/// Configuration section "Notifications:Digest". Off by default: only when switched on (and e-mail is set up in the
/// "Email" section, the same SMTP setting as for password resets) does a person get one mail a day with their unread
/// notifications.
/// </summary>
public class NotificationDigestOptions
{
    public const string Section = "Notifications:Digest";

    public bool Enabled { get; set; }

    /// <summary>How often the app looks for digests to send.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Sends one digest mail; which implementation runs depends on whether SMTP is configured.</summary>
public interface INotificationDigestMailer
{
    Task SendAsync(ApplicationUser user, IReadOnlyList<NotificationItem> items);
}

/// <summary>
/// Picks who gets a digest now: people with unread notifications not mailed before, at most one mail per person per
/// Belgian calendar day. What goes in a mail is what the list page would show (access checked again).
/// </summary>
public class NotificationDigest(IDbContextFactory<ApplicationDbContext> dbFactory, UserNotifications notifications,
    INotificationDigestMailer mailer, IOptions<NotificationDigestOptions> options, TimeProvider clock)
{
    /// <summary>Sends the digests that are due; returns how many mails went out (0 when digests are off).</summary>
    public async Task<int> SendDueAsync()
    {
        if (!options.Value.Enabled) return 0;
        var now = clock.GetUtcNow();
        var today = DutchFormat.Today(now);
        await using var db = await dbFactory.CreateDbContextAsync();
        var waiting = await db.Notifications.Where(n => n.ReadAt == null && n.MailedAt == null)
            .Select(n => n.RecipientId).Distinct().ToListAsync();
        var sent = 0;
        foreach (var recipientId in waiting)
        {
            var since = now.AddDays(-2);
            var mailedLately = await db.Notifications.Where(n => n.RecipientId == recipientId && n.MailedAt != null && n.MailedAt > since)
                .Select(n => n.MailedAt!.Value).ToListAsync();
            if (mailedLately.Any(m => DutchFormat.Today(m) == today)) continue;
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == recipientId);
            if (user is null || !user.IsActive || string.IsNullOrEmpty(user.Email)) continue;
            var unmailed = await db.Notifications.Where(n => n.RecipientId == recipientId && n.ReadAt == null && n.MailedAt == null)
                .Select(n => n.Id).ToListAsync();
            var items = (await notifications.ListAsync(recipientId, unreadOnly: true)).Where(i => unmailed.Contains(i.Id)).ToList();
            if (items.Count == 0) continue;
            await mailer.SendAsync(user, items);
            var ids = items.Select(i => i.Id).ToList();
            await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(set => set.SetProperty(n => n.MailedAt, now));
            sent++;
        }
        return sent;
    }
}

/// <summary>Looks for due digests every <see cref="NotificationDigestOptions.CheckEvery"/>; does nothing when switched off.</summary>
public class NotificationDigestService(IServiceScopeFactory scopes, IOptions<NotificationDigestOptions> options, TimeProvider clock,
    ILogger<NotificationDigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.CheckEvery, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationDigest>().SendDueAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed round is tried again at the next tick; unsent notifications stay unmailed.
                logger.LogError(e, "Het overzicht van meldingen per e-mail kon niet verstuurd worden.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>The digest through the SMTP outbox that also sends password-reset mails.</summary>
public class SmtpNotificationDigestMailer(IOptions<EmailOptions> options, SmtpOutbox outbox) : INotificationDigestMailer
{
    public Task SendAsync(ApplicationUser user, IReadOnlyList<NotificationItem> items)
    {
        var site = options.Value.BaseUrl!.TrimEnd('/');
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.Smtp.From!));
        message.To.Add(new MailboxAddress(user.DisplayName, user.Email!));
        message.Subject = items.Count == 1 ? "1 nieuwe melding in GeneralistischWerkt.Training" : $"{items.Count} nieuwe meldingen in GeneralistischWerkt.Training";
        var lines = string.Join("\n", items.Select(i => $"- {i.Text}\n  {site}{i.Link}"));
        message.Body = new TextPart("plain")
        {
            Text = $"""
                Dag {user.DisplayName},

                Dit is nieuw voor jou sinds je laatste bezoek:

                {lines}

                Al je meldingen: {site}/meldingen
                Je krijgt hoogstens één zo'n mail per dag, alleen als er iets nieuws is.
                """,
        };
        outbox.Enqueue(message);
        return Task.CompletedTask;
    }
}

/// <summary>Digests switched on without SMTP settings: nothing can be sent; said once per round in the log.</summary>
public class UnconfiguredNotificationDigestMailer(ILogger<UnconfiguredNotificationDigestMailer> logger) : INotificationDigestMailer
{
    public Task SendAsync(ApplicationUser user, IReadOnlyList<NotificationItem> items)
    {
        logger.LogWarning("Meldingen per e-mail staan aan, maar e-mail is niet ingesteld (Email:BaseUrl, Email:Smtp:Host en Email:Smtp:From): niets verstuurd.");
        return Task.CompletedTask;
    }
}
