using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// The optional e-mail digest: off unless switched on; then one mail per person per Belgian day with their unread
/// notifications that they may still open, each notification mailed once. (The real SMTP path is tested end to end
/// in NotificationDigestMailTests.)
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
}
