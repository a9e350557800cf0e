using GeneralistischWerkt.Training.Web.Features.Access;
using GeneralistischWerkt.Training.Web.Features.Reflections;
using GeneralistischWerkt.Training.Web.Features.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// When a coach takes a share back (withdraw, delete) or the supervision ends, open pages are told, a late comment or
/// review says why it was refused, and the session agenda no longer shows the reflection's title.
/// </summary>
public class ShareWithdrawalTests : IAsyncLifetime
{
    private PrivacyWorld w = default!;

    public async Task InitializeAsync() => w = await PrivacyWorld.CreateAsync();
    public async Task DisposeAsync() => await w.DisposeAsync();

    private ReflectionAccessNotifier Notifier => w.Db.Services.GetRequiredService<ReflectionAccessNotifier>();
    private AccessRules Access => w.Db.Services.GetRequiredService<AccessRules>();

    public static TheoryData<string> Endings => ["intrekken", "verwijderen", "andere werkbegeleider", "geen coach meer"];

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task Every_end_of_a_share_notifies_open_readers_after_it_is_saved(string ending)
    {
        var seenByListener = new List<bool>();
        using var subscription = Notifier.Subscribe(w.SharedReflection,
            async () => seenByListener.Add(await Access.CanReadReflectionAsync(w.Wout, w.SharedReflection)));
        using var other = Notifier.Subscribe(w.Draft, () => throw new InvalidOperationException("niet deze reflectie"));

        switch (ending)
        {
            case "intrekken": Assert.True(await w.Reflections.WithdrawAsync(w.Ann, w.SharedReflection)); break;
            case "verwijderen": Assert.True(await w.Reflections.DeleteAsync(w.Ann, w.SharedReflection)); break;
            case "andere werkbegeleider": Assert.True((await w.Db.Accounts.AssignSupervisorAsync(w.Ann, w.Wendy)).Succeeded); break;
            default: Assert.True((await w.Db.Accounts.SetRolesAsync(w.Ann, [Identity.Roles.Supervisor], w.Admin)).Succeeded); break;
        }

        // Told once, and by then the change is saved: the re-check already says "no access".
        Assert.Equal([false], seenByListener);
    }

    [Fact]
    public async Task A_disposed_listener_is_not_called_and_a_failing_one_does_not_fail_the_coach()
    {
        var calls = 0;
        var subscription = Notifier.Subscribe(w.SharedReflection, () => { calls++; return Task.CompletedTask; });
        using var failing = Notifier.Subscribe(w.SharedReflection, () => throw new ObjectDisposedException("circuit"));
        subscription.Dispose();
        Assert.True(await w.Reflections.WithdrawAsync(w.Ann, w.SharedReflection));
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task A_comment_or_review_after_a_withdrawal_is_refused_with_the_reason()
    {
        Assert.True(await w.Reflections.WithdrawAsync(w.Ann, w.SharedReflection));
        Assert.Equal("Deze reflectie is verwijderd of niet (meer) met je gedeeld: je reactie is niet geplaatst.",
            await w.Reflections.AddCommentAsync(w.Wout, w.SharedReflection, "Nog een gedachte."));
        Assert.Equal("Deze reflectie is verwijderd of niet (meer) met je gedeeld: de bespreking is niet bewaard.",
            await w.Reflections.ReviewAsync(w.Wout, w.SharedReflection, ["methodiektrouw"], Data.ReviewState.Discussed));
        // The coach herself still comments on her own reflection; after deleting it, she gets the same reason.
        Assert.Null(await w.Reflections.AddCommentAsync(w.Ann, w.SharedReflection, "Voor mezelf."));
        Assert.True(await w.Reflections.DeleteAsync(w.Ann, w.SharedReflection));
        Assert.StartsWith(ReflectionService.NoLongerShared, await w.Reflections.AddCommentAsync(w.Ann, w.SharedReflection, "Te laat."));
    }

    [Fact]
    public async Task The_agenda_resolves_reflection_titles_when_read_and_hides_a_withdrawn_one()
    {
        Assert.Equal(Features.Editing.SaveOutcome.Saved, (await w.Reflections.SaveAsync(w.Ann, w.SharedReflection, 0,
            new Dictionary<string, string> { [ReflectionService.TitleField] = "Nieuwe titel" })).Outcome);
        Assert.Equal(("Nieuwe titel", $"/reflecties/{w.SharedReflection}"), Reflection(await w.Supervision.OpenAsync(w.Wout, w.Session)));

        Assert.True(await w.Reflections.WithdrawAsync(w.Ann, w.SharedReflection));
        var forSupervisor = await w.Supervision.OpenAsync(w.Wout, w.Session);
        Assert.Equal((SupervisionService.WithdrawnReflection, null), Reflection(forSupervisor));
        Assert.DoesNotContain(forSupervisor!.Agenda, item => item.Title.Contains("titel") || item.Title.Contains("gedeelde"));
        // The coach still sees her own reflection, under its current title.
        Assert.Equal(("Nieuwe titel", $"/reflecties/{w.SharedReflection}"), Reflection(await w.Supervision.OpenAsync(w.Ann, w.Session)));
    }

    [Fact]
    public async Task The_agenda_hides_attempts_and_reflections_once_the_supervision_ended()
    {
        Assert.True((await w.Db.Accounts.AssignSupervisorAsync(w.Ann, w.Wendy)).Succeeded);
        var session = await w.Supervision.OpenAsync(w.Wout, w.Session);
        Assert.Equal((SupervisionService.WithdrawnReflection, null), Reflection(session));
        var attempt = Assert.Single(session!.Agenda, item => item.Kind == "poging");
        Assert.Equal(new AgendaEntry("poging", SupervisionService.HiddenAttempt, null), attempt);
    }

    private static (string Title, string? Link) Reflection(SessionView? session)
    {
        var item = Assert.Single(session!.Agenda, i => i.Kind == "reflectie");
        return (item.Title, item.Link);
    }
}
