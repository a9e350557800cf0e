using GeneralistischWerkt.Training.Core.Formatting;
using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// Meldingen: one for each event, only for the people who may open what it points to (the access rules), never for
/// the person who caused it, and gone from every list once access ends. Runs on SQLite and, with GWT_TEST_DB=postgres,
/// on PostgreSQL. The world (PrivacyWorld) already holds: Ann shared a reflection with Wout, Wout commented on it and on
/// a choice in Ann's attempt, and planned a session with her.
/// </summary>
public class NotificationTests : IAsyncLifetime
{
    private PrivacyWorld w = default!;

    public async Task InitializeAsync() => w = await PrivacyWorld.CreateAsync();
    public async Task DisposeAsync() => await w.DisposeAsync();

    private UserNotifications Notifications => w.Db.Services.GetRequiredService<UserNotifications>();

    private Task<List<Notification>> StoredAsync(string recipientId) =>
        w.Db.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.RecipientId == recipientId).OrderBy(n => n.Id).ToListAsync());

    [Fact]
    public async Task Each_event_notifies_exactly_the_people_concerned_and_never_the_one_who_caused_it()
    {
        var ann = await StoredAsync(w.Ann);
        Assert.Equal([NotificationKind.ReflectionComment, NotificationKind.AttemptComment, NotificationKind.SessionPlanned],
            ann.Select(n => n.Kind));
        Assert.Equal([w.SharedReflection, w.Attempt, w.Session], ann.Select(n => n.TargetId));
        Assert.Equal("Wout Werk reageerde op je reflectie ‘Mijn gedeelde reflectie’", ann[0].Text);
        Assert.Equal($"/reflecties/{w.SharedReflection}", ann[0].Link);
        Assert.Equal($"/scenarios/eerste-gesprek/pogingen/{w.Attempt}", ann[1].Link);
        Assert.Equal($"/werkbegeleiding/sessies/{w.Session}", ann[2].Link);

        var wout = await StoredAsync(w.Wout);
        var shared = Assert.Single(wout);
        Assert.Equal(NotificationKind.ReflectionShared, shared.Kind);
        Assert.Equal("Ann Coach deelde een reflectie met je: ‘Mijn gedeelde reflectie’", shared.Text);

        foreach (var outsider in new[] { w.Bram, w.Wendy, w.Admin }) Assert.Empty(await StoredAsync(outsider));
    }

    [Fact]
    public async Task A_comment_by_the_coach_on_her_shared_reflection_notifies_the_werkbegeleider_not_herself()
    {
        Assert.Null(await w.Reflections.AddCommentAsync(w.Ann, w.SharedReflection, "Dank je."));
        Assert.Equal(3, (await StoredAsync(w.Ann)).Count);
        var latest = (await StoredAsync(w.Wout)).Last();
        Assert.Equal(NotificationKind.ReflectionComment, latest.Kind);
        Assert.Equal("Ann Coach reageerde op de reflectie ‘Mijn gedeelde reflectie’", latest.Text);
    }

    [Fact]
    public async Task A_withdrawn_share_hides_the_old_notice_and_its_title_and_a_later_comment_notifies_nobody_else()
    {
        Assert.Equal(1, await Notifications.UnreadCountAsync(w.Wout));
        Assert.True(await w.Reflections.WithdrawAsync(w.Ann, w.SharedReflection));

        Assert.Equal(0, await Notifications.UnreadCountAsync(w.Wout));
        var listed = await Notifications.ListAsync(w.Wout);
        Assert.DoesNotContain(listed, n => n.Text.Contains("Mijn gedeelde reflectie") || n.Link.Contains($"{w.SharedReflection}"));

        // Ann may still comment on her own reflection; Wout may no longer read it, so nothing is stored for him.
        Assert.Null(await w.Reflections.AddCommentAsync(w.Ann, w.SharedReflection, "Nog een gedachte."));
        Assert.Single(await StoredAsync(w.Wout));
        // Ann's own notice about Wout's earlier comment still opens her own reflection.
        Assert.Contains(await Notifications.ListAsync(w.Ann), n => n.Kind == NotificationKind.ReflectionComment);
    }

    [Fact]
    public async Task When_the_supervision_moves_the_old_werkbegeleider_no_longer_sees_the_notices_and_the_new_one_gets_only_new_ones()
    {
        Assert.True((await w.Db.Accounts.AssignSupervisorAsync(w.Ann, w.Wendy)).Succeeded);
        Assert.Empty(await Notifications.ListAsync(w.Wout));

        // Ann comments on her own attempt: her new werkbegeleider may see her attempts, the old one may not.
        Assert.Null(await w.Reflections.AddAttemptCommentAsync(w.Ann, w.Attempt, 0, "Hier twijfelde ik."));
        var wendy = Assert.Single(await Notifications.ListAsync(w.Wendy));
        Assert.Equal(NotificationKind.AttemptComment, wendy.Kind);
        // Wout no longer supervises Ann: only his old notice about the share is stored, nothing new.
        Assert.Equal([NotificationKind.ReflectionShared], (await StoredAsync(w.Wout)).Select(n => n.Kind));
    }

    [Fact]
    public async Task Agreement_notices_come_once_when_due_soon_and_once_when_overdue()
    {
        var today = DutchFormat.Today(TimeProvider.System.GetUtcNow());
        await SetDueDateAsync(today.AddDays(UserNotifications.DueSoonDays));
        await Notifications.EnsureAgreementNoticesAsync(w.Ann);
        await Notifications.EnsureAgreementNoticesAsync(w.Ann);
        var soon = Assert.Single(await StoredAsync(w.Ann), n => n.Kind == NotificationKind.AgreementDueSoon);
        Assert.Equal(w.Agreement, soon.TargetId);
        Assert.Equal($"Je afspraak ‘Een ecogram maken met de cliënt’ vervalt op {DutchFormat.Date(today.AddDays(UserNotifications.DueSoonDays))}", soon.Text);

        await SetDueDateAsync(today.AddDays(-1));
        await Task.WhenAll(Notifications.EnsureAgreementNoticesAsync(w.Ann), Notifications.EnsureAgreementNoticesAsync(w.Ann));
        await Notifications.EnsureAgreementNoticesAsync(w.Ann);
        Assert.Single(await StoredAsync(w.Ann), n => n.Kind == NotificationKind.AgreementOverdue);
        Assert.Single(await StoredAsync(w.Ann), n => n.Kind == NotificationKind.AgreementDueSoon);
        // Only the coach it binds; the werkbegeleider sees overdue agreements on the start page instead.
        Assert.DoesNotContain(await StoredAsync(w.Wout), n => n.Kind is NotificationKind.AgreementOverdue or NotificationKind.AgreementDueSoon);
    }

    [Fact]
    public async Task An_agreement_far_away_without_date_or_done_gets_no_notice()
    {
        var today = DutchFormat.Today(TimeProvider.System.GetUtcNow());
        await SetDueDateAsync(today.AddDays(UserNotifications.DueSoonDays + 1));
        await Notifications.EnsureAgreementNoticesAsync(w.Ann);
        await SetDueDateAsync(today.AddDays(-3), AgreementStatus.Done);
        await Notifications.EnsureAgreementNoticesAsync(w.Ann);
        await SetDueDateAsync(null);
        await Notifications.EnsureAgreementNoticesAsync(w.Ann);
        Assert.DoesNotContain(await StoredAsync(w.Ann), n => n.Kind is NotificationKind.AgreementOverdue or NotificationKind.AgreementDueSoon);
    }

    [Fact]
    public async Task Opening_the_list_marks_everything_read_and_the_bell_is_told()
    {
        var told = 0;
        using var subscription = Notifications.Subscribe(w.Ann, () => { told++; return Task.CompletedTask; });
        Assert.Equal(3, await Notifications.UnreadCountAsync(w.Ann));
        await Notifications.MarkAllReadAsync(w.Ann);
        Assert.Equal(0, await Notifications.UnreadCountAsync(w.Ann));
        Assert.Equal(1, told);
        var items = await Notifications.ListAsync(w.Ann);
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.False(i.IsNew));
        // Wout's are his own: untouched.
        Assert.Equal(1, await Notifications.UnreadCountAsync(w.Wout));
    }

    private Task SetDueDateAsync(DateOnly? due, AgreementStatus status = AgreementStatus.Open) =>
        w.Db.WithDbAsync(db => db.Agreements.Where(a => a.Id == w.Agreement)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.DueDate, due).SetProperty(a => a.Status, status)));
}
