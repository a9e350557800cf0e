using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Accounts;
using GeneralistischWerkt.Training.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// The optional e-mail digest: off unless switched on; then one mail per person per Belgian day with their unread
/// notifications that they may still open, each notification mailed once; sent through the same SMTP settings and
/// outbox as the password-reset mail.
/// </summary>
public class NotificationDigestTests
{
    private sealed class RecordingDigestMailer : INotificationDigestMailer
    {
        public List<(string Email, List<string> Texts)> Sent { get; } = [];

        public Task SendAsync(ApplicationUser user, IReadOnlyList<NotificationItem> items)
        {
            lock (Sent) Sent.Add((user.Email!, items.Select(i => i.Text).ToList()));
            return Task.CompletedTask;
        }
    }

    private static async Task<(PrivacyWorld World, RecordingDigestMailer Mailer)> WorldAsync(bool enabled)
    {
        var mailer = new RecordingDigestMailer();
        var world = await PrivacyWorld.CreateAsync(services =>
        {
            services.AddSingleton<INotificationDigestMailer>(mailer);
            if (enabled) services.Configure<NotificationDigestOptions>(o => o.Enabled = true);
        });
        return (world, mailer);
    }

    [Fact]
    public async Task Off_by_default_nothing_is_mailed()
    {
        var (w, mailer) = await WorldAsync(enabled: false);
        await using var _ = w;
        Assert.Equal(0, await w.Db.Services.GetRequiredService<NotificationDigest>().SendDueAsync());
        Assert.Empty(mailer.Sent);
    }

    [Fact]
    public async Task Switched_on_each_person_gets_one_mail_a_day_with_only_what_they_may_still_open()
    {
        var (w, mailer) = await WorldAsync(enabled: true);
        await using var _ = w;
        var digest = w.Db.Services.GetRequiredService<NotificationDigest>();
        // Ann withdraws her share first: Wout's notice about it may no longer be mailed (it names the reflection).
        Assert.True(await w.Reflections.WithdrawAsync(w.Ann, w.SharedReflection));

        Assert.Equal(1, await digest.SendDueAsync());
        var (email, texts) = Assert.Single(mailer.Sent);
        Assert.Equal(await w.Db.WithDbAsync(db => db.Users.Where(u => u.Id == w.Ann).Select(u => u.Email!).SingleAsync()), email);
        Assert.Equal(3, texts.Count);
        Assert.Contains("Wout Werk plande een werkbegeleiding op", texts[0]);

        // A new notice the same day waits for tomorrow; nothing is mailed twice.
        Assert.Null(await w.Reflections.AddAttemptCommentAsync(w.Wout, w.Attempt, 0, "Nog iets."));
        Assert.Equal(0, await digest.SendDueAsync());
        Assert.Single(mailer.Sent);
        var mailed = await w.Db.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientId == w.Ann && n.MailedAt != null));
        Assert.Equal(3, mailed);
    }

    [Fact]
    public async Task With_SMTP_the_digest_arrives_as_a_mail_with_links_to_the_app()
    {
        await using var smtp = new GeneralistischWerkt.Training.EndToEnd.TinySmtpServer();
        var w = await PrivacyWorld.CreateAsync(services =>
        {
            services.Configure<EmailOptions>(o =>
            {
                o.BaseUrl = "https://training.dienst.be/";
                o.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "training@dienst.be", UseTls = false };
            });
            services.AddSingleton<SmtpOutbox>();
            services.AddScoped<INotificationDigestMailer, SmtpNotificationDigestMailer>();
            services.Configure<NotificationDigestOptions>(o => o.Enabled = true);
        });
        await using var _ = w;
        var outbox = w.Db.Services.GetRequiredService<SmtpOutbox>();
        await outbox.StartAsync(CancellationToken.None);
        try
        {
            // Only Wout has unread notices now (Ann read hers): one mail, to him.
            await w.Db.Services.GetRequiredService<UserNotifications>().MarkAllReadAsync(w.Ann);
            Assert.Equal(1, await w.Db.Services.GetRequiredService<NotificationDigest>().SendDueAsync());
            var (recipients, data) = await smtp.Received.WaitAsync(TimeSpan.FromSeconds(30));
            var wout = await w.Db.WithDbAsync(db => db.Users.Where(u => u.Id == w.Wout).Select(u => u.Email!).SingleAsync());
            Assert.Contains(recipients, r => r.Contains(wout, StringComparison.OrdinalIgnoreCase));
            Assert.Contains("Subject: 1 nieuwe melding in GeneralistischWerkt.Training", data);
            var body = GeneralistischWerkt.Training.EndToEnd.TinySmtpServer.Body(data);
            Assert.Contains("Ann Coach deelde een reflectie met je", body);
            Assert.Contains($"https://training.dienst.be/reflecties/{w.SharedReflection}", body);
            Assert.Contains("https://training.dienst.be/meldingen", body);
        }
        finally
        {
            await outbox.StopAsync(CancellationToken.None);
        }
    }
}
