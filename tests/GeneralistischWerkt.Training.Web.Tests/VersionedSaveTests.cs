using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Editing;
using GeneralistischWerkt.Training.Web.Features.Reflections;
using GeneralistischWerkt.Training.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>Two windows on one text: the older one can never silently overwrite the newer one.</summary>
public class VersionedSaveTests : IAsyncLifetime
{
    private PrivacyWorld w = default!;

    public async Task InitializeAsync() => w = await PrivacyWorld.CreateAsync();

    public async Task DisposeAsync() => await w.DisposeAsync();

    private static Dictionary<string, string> Reflection(string title, string text) =>
        new() { [ReflectionService.TitleField] = title, ["tekst"] = text };

    [Fact]
    public async Task A_reflection_saved_from_an_older_window_is_refused_with_the_newer_text()
    {
        var opened = (await w.Reflections.OpenAsync(w.Ann, w.Draft))!.Reflection.Version;
        var windowB = await w.Reflections.SaveAsync(w.Ann, w.Draft, opened, Reflection("Titel", "tekst van venster B"));
        Assert.Equal(SaveOutcome.Saved, windowB.Outcome);

        var windowA = await w.Reflections.SaveAsync(w.Ann, w.Draft, opened, Reflection("Titel", "tekst van venster A"));
        Assert.Equal(SaveOutcome.Conflict, windowA.Outcome);
        Assert.Equal(windowB.Version, windowA.Version);
        Assert.Equal("tekst van venster B", windowA.Current!["tekst"]);
        Assert.Equal("Titel", windowA.Current[ReflectionService.TitleField]);
        Assert.Equal("tekst van venster B", (await w.Reflections.OpenAsync(w.Ann, w.Draft))!.Sections["tekst"]);

        // Window A chose to keep its own text: based on the version it has now seen, that save goes through.
        var kept = await w.Reflections.SaveAsync(w.Ann, w.Draft, windowA.Version, Reflection("Titel", "tekst van venster A"));
        Assert.Equal(SaveOutcome.Saved, kept.Outcome);
        Assert.Equal("tekst van venster A", (await w.Reflections.OpenAsync(w.Ann, w.Draft))!.Sections["tekst"]);
    }

    [Fact]
    public async Task The_version_is_checked_by_the_database_update_itself_not_only_by_the_read_before_it()
    {
        // Simulate a second save landing between our read and our write: change the row behind EF Core's back.
        var interceptor = new RaiseVersionBeforeUpdate();
        var options = w.Db.Options(o => o.AddInterceptors(interceptor));
        var factory = new SingleFactory(options);
        var rules = new Features.Access.AccessRules(factory);
        var signal = new Features.Live.InProcessChangeSignal(
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Features.Live.InProcessChangeSignal>.Instance);
        var notifications = new Features.Notifications.UserNotifications(factory, new Features.Notifications.NotificationAccess(rules),
            w.Db.Services.GetRequiredService<Features.Scenarios.ScenarioStore>(), signal, TimeProvider.System);
        var service = new ReflectionService(factory, rules, TimeProvider.System, new ReflectionAccessNotifier(signal), notifications);
        var result = await service.SaveAsync(w.Ann, w.Draft, 0, Reflection("x", "verloren?"));
        Assert.Equal(SaveOutcome.Conflict, result.Outcome);
        Assert.Equal(7, result.Version);
        Assert.NotEqual("verloren?", (await w.Reflections.OpenAsync(w.Ann, w.Draft))!.Sections.GetValueOrDefault("tekst"));
    }

    [Fact]
    public async Task Finishing_sharing_and_reviewing_never_conflict_with_the_text_and_never_undo_it()
    {
        // Load the row for a status change, let a text save land, then write the status change.
        await using (var db = await Factory().CreateDbContextAsync())
        {
            var stale = await db.Reflections.SingleAsync(r => r.Id == w.Draft);
            Assert.Equal(SaveOutcome.Saved, (await w.Reflections.SaveAsync(w.Ann, w.Draft, stale.Version, Reflection("Titel", "nieuwste tekst"))).Outcome);
            stale.Status = ReflectionStatus.Final;
            await db.SaveBesideTextAsync();
        }
        var view = (await w.Reflections.OpenAsync(w.Ann, w.Draft))!;
        Assert.Equal(ReflectionStatus.Final, view.Reflection.Status);
        Assert.Equal("nieuwste tekst", view.Sections["tekst"]);
        Assert.Equal("Titel", view.Reflection.Title);
    }

    [Fact]
    public async Task Session_notes_from_an_older_window_are_refused_with_the_newer_notes()
    {
        var notes = SupervisionService.NoteFields.ToDictionary(n => n.Key, n => "");
        var first = await w.Supervision.SaveNotesAsync(w.Wout, w.Session, 0, new Dictionary<string, string>(notes) { ["taak"] = "B" });
        Assert.Equal(SaveOutcome.Saved, first.Outcome);
        var stale = await w.Supervision.SaveNotesAsync(w.Wout, w.Session, 0, new Dictionary<string, string>(notes) { ["taak"] = "A" });
        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
        Assert.Equal("B", stale.Current!["taak"]);
        Assert.Equal("B", (await w.Supervision.OpenAsync(w.Wout, w.Session))!.Session.NotesTask);
        var longest = new string('é', TextLimits.SessionNote + 10);
        Assert.Equal(SaveOutcome.Saved, (await w.Supervision.SaveNotesAsync(w.Wout, w.Session, first.Version,
            new Dictionary<string, string>(notes) { ["proces"] = longest })).Outcome);
        Assert.Equal(TextLimits.SessionNote, (await w.Supervision.OpenAsync(w.Wout, w.Session))!.Session.NotesProcess.Length);
    }

    [Fact]
    public async Task Agreement_progress_from_an_older_window_is_refused_and_an_unknown_status_is_never_stored()
    {
        var coach = await w.Supervision.UpdateAgreementAsync(w.Ann, w.Agreement, 0, AgreementStatus.InProgress, "Bezig");
        Assert.Equal(SaveOutcome.Saved, coach.Outcome);
        var supervisor = await w.Supervision.UpdateAgreementAsync(w.Wout, w.Agreement, 0, AgreementStatus.Dropped, "");
        Assert.Equal(SaveOutcome.Conflict, supervisor.Outcome);
        Assert.Equal("Bezig", supervisor.Current![SupervisionService.AgreementProgressField]);
        Assert.Equal(((int)AgreementStatus.InProgress).ToString(), supervisor.Current[SupervisionService.AgreementStatusField]);

        var hostile = await w.Supervision.UpdateAgreementAsync(w.Ann, w.Agreement, coach.Version, (AgreementStatus)42, "x");
        Assert.Equal(SaveOutcome.Refused, hostile.Outcome);
        Assert.Equal("kies een stand uit de lijst.", hostile.Reason);
        var stored = (await w.Supervision.AgreementsAsync(w.Ann)).Single(a => a.Id == w.Agreement);
        Assert.Equal(AgreementStatus.InProgress, stored.Status);
    }

    private IDbContextFactory<ApplicationDbContext> Factory() =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IDbContextFactory<ApplicationDbContext>>(w.Db.Services);

    private sealed class SingleFactory(DbContextOptions<ApplicationDbContext> options) : IDbContextFactory<ApplicationDbContext>
    {
        public ApplicationDbContext CreateDbContext() => new(options);
    }

    /// <summary>Bumps the reflection's version in the database just before EF Core sends its UPDATE.</summary>
    private sealed class RaiseVersionBeforeUpdate : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("UPDATE \"Reflections\"", StringComparison.Ordinal))
            {
                await using var bump = command.Connection!.CreateCommand();
                bump.CommandText = "UPDATE \"Reflections\" SET \"Version\" = 7, \"SectionsJson\" = '{\"tekst\":\"van elders\"}'";
                await bump.ExecuteNonQueryAsync(cancellationToken);
            }
            return result;
        }
    }
}
