using GeneralistischWerkt.Training.Web.Features.Editing;
using Microsoft.Extensions.Time.Testing;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>The status of an autosaved text tells the truth, and no text is lost on failure, conflict or refusal.</summary>
public class AutosaveDocumentTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 4, 14, 5, 9, TimeSpan.Zero));
    private readonly List<(int Version, Dictionary<string, string> Fields)> saves = [];
    private readonly Queue<Func<SaveResult>> answers = new();
    private readonly List<Exception> logged = [];
    private int stored;

    private AutosaveDocument Create(Dictionary<string, string>? text = null, int version = 0)
    {
        stored = version;
        return new AutosaveDocument(
            [new AutosaveField("titel", 30, SingleLine: true), new AutosaveField("tekst", 100)],
            text ?? new Dictionary<string, string> { ["titel"] = "", ["tekst"] = "" }, version,
            (expected, fields) =>
            {
                saves.Add((expected, new Dictionary<string, string>(fields)));
                if (answers.TryDequeue(out var answer)) return Task.FromResult(answer());
                stored = expected + 1;
                return Task.FromResult(SaveResult.Saved(stored));
            },
            work => work(), clock, logged.Add);
    }

    private async Task PauseAsync()
    {
        clock.Advance(AutosaveDocument.Delay);
        await Task.Yield();
    }

    [Fact]
    public async Task Typing_is_written_after_a_pause_and_the_time_is_shown_in_Brussels_time()
    {
        using var document = Create();
        document.Set("tekst", "Eerste zin.");
        Assert.Equal("Nog niet bewaard…", document.Status);
        Assert.Empty(saves);
        await PauseAsync();
        var save = Assert.Single(saves);
        Assert.Equal(0, save.Version);
        Assert.Equal("Eerste zin.", save.Fields["tekst"]);
        Assert.Equal("Automatisch bewaard om 15:05:11.", document.Status); // saved at 14:05:11 UTC, 15:05:11 in Brussels in December
        Assert.Equal(1, document.Version);
        Assert.False(document.HasUnsavedChanges);
        Assert.Equal(TextFingerprint.Of("Eerste zin."), document.StoredFingerprint("tekst"));
    }

    [Fact]
    public async Task An_old_success_is_never_shown_once_new_text_is_typed()
    {
        using var document = Create();
        document.Set("tekst", "a");
        await PauseAsync();
        Assert.StartsWith("Automatisch bewaard", document.Status);
        document.Set("tekst", "ab");
        Assert.Equal("Nog niet bewaard…", document.Status);
        Assert.True(document.HasUnsavedChanges);
    }

    [Fact]
    public async Task A_failed_save_says_so_keeps_the_text_and_retries_until_it_succeeds()
    {
        using var document = Create();
        answers.Enqueue(() => throw new IOException("schijf vol"));
        answers.Enqueue(() => throw new IOException("schijf vol"));
        document.Set("tekst", "Belangrijk.");
        await PauseAsync();
        Assert.Equal("Niet bewaard — we proberen opnieuw.", document.Status);
        Assert.Equal("Belangrijk.", document["tekst"]);
        Assert.Single(logged);
        document.Set("tekst", "Belangrijk. Meer.");
        Assert.Equal("Niet bewaard — we proberen opnieuw.", document.Status); // still not saved: no softer word
        await PauseAsync();
        Assert.Equal(2, saves.Count);
        Assert.Equal("Niet bewaard — we proberen opnieuw.", document.Status);
        clock.Advance(TimeSpan.FromSeconds(4)); // the retry waits longer each time
        await Task.Yield();
        Assert.Equal(3, saves.Count);
        Assert.Equal("Belangrijk. Meer.", saves[^1].Fields["tekst"]);
        Assert.StartsWith("Automatisch bewaard", document.Status);
    }

    [Fact]
    public async Task Text_typed_while_a_save_is_under_way_goes_in_the_next_save()
    {
        var gate = new TaskCompletionSource<SaveResult>();
        var calls = new List<string>();
        using var document = new AutosaveDocument([new AutosaveField("tekst", 100)], new Dictionary<string, string>(), 0,
            (version, fields) =>
            {
                calls.Add(fields["tekst"]);
                return calls.Count == 1 ? gate.Task : Task.FromResult(SaveResult.Saved(version + 1));
            },
            work => work(), clock, _ => { });
        document.Set("tekst", "een");
        var first = document.SaveNowAsync();
        document.Set("tekst", "een twee");
        gate.SetResult(SaveResult.Saved(1));
        await first;
        Assert.Equal("Nog niet bewaard…", document.Status);
        await document.SaveNowAsync();
        Assert.Equal(["een", "een twee"], calls);
        Assert.Equal(2, document.Version);
        Assert.False(document.HasUnsavedChanges);
    }

    [Fact]
    public async Task A_save_based_on_an_old_version_shows_both_texts_and_saves_nothing_until_the_user_chooses()
    {
        using var document = Create(new() { ["titel"] = "T", ["tekst"] = "oud" }, version: 3);
        answers.Enqueue(() => SaveResult.Conflict(4, new Dictionary<string, string> { ["titel"] = "T", ["tekst"] = "nieuw uit venster B" }));
        document.Set("tekst", "mijn tekst uit venster A");
        await PauseAsync();
        Assert.Equal(AutosaveState.Conflict, document.State);
        Assert.StartsWith("Niet bewaard — ", document.Status);
        Assert.Equal("mijn tekst uit venster A", document["tekst"]);
        Assert.Equal("nieuw uit venster B", document.TheirsIfDifferent("tekst"));
        Assert.Null(document.TheirsIfDifferent("titel"));
        document.Set("tekst", "mijn tekst uit venster A, aangevuld");
        await PauseAsync();
        Assert.Single(saves); // no save while the choice is open
        Assert.True(document.HasUnsavedChanges);

        await document.KeepMineAsync();
        Assert.Equal(4, saves[^1].Version); // based on the version the user has now seen
        Assert.Equal("mijn tekst uit venster A, aangevuld", saves[^1].Fields["tekst"]);
        Assert.Equal(5, document.Version);
        Assert.False(document.HasUnsavedChanges);
    }

    [Fact]
    public async Task Taking_the_other_version_or_merging_both_loses_nothing_the_user_did_not_choose_to_drop()
    {
        using var taking = Create(new() { ["titel"] = "T", ["tekst"] = "oud" }, version: 1);
        answers.Enqueue(() => SaveResult.Conflict(2, new Dictionary<string, string> { ["titel"] = "T", ["tekst"] = "van B" }));
        taking.Set("tekst", "van A");
        await PauseAsync();
        taking.TakeTheirs();
        Assert.Equal("van B", taking["tekst"]);
        Assert.Equal(2, taking.Version);
        Assert.False(taking.HasUnsavedChanges);

        saves.Clear();
        using var merging = Create(new() { ["titel"] = "T", ["tekst"] = "oud" }, version: 1);
        answers.Enqueue(() => SaveResult.Conflict(2, new Dictionary<string, string> { ["titel"] = "Titel B", ["tekst"] = "van B" }));
        merging.Set("titel", "Titel A");
        merging.Set("tekst", "van A");
        await PauseAsync();
        Assert.Null(await merging.MergeBothAsync());
        Assert.Equal("Titel A / Titel B", merging["titel"]);
        Assert.Contains("van A", merging["tekst"]);
        Assert.Contains("van B", merging["tekst"]);
        Assert.Equal(2, saves[^1].Version);
        Assert.False(merging.HasUnsavedChanges);
    }

    [Fact]
    public async Task Merging_past_the_limit_is_refused_and_changes_nothing()
    {
        using var document = Create(new() { ["titel"] = "", ["tekst"] = "" }, version: 1);
        answers.Enqueue(() => SaveResult.Conflict(2, new Dictionary<string, string> { ["titel"] = "", ["tekst"] = new string('b', 60) }));
        document.Set("tekst", new string('a', 60));
        await PauseAsync();
        Assert.NotNull(await document.MergeBothAsync());
        Assert.Equal(new string('a', 60), document["tekst"]);
        Assert.Equal(AutosaveState.Conflict, document.State);
    }

    [Fact]
    public async Task A_refused_save_says_why_and_keeps_the_text()
    {
        using var document = Create();
        answers.Enqueue(() => SaveResult.Refused("deze reflectie bestaat niet meer."));
        document.Set("tekst", "Nog nodig.");
        await PauseAsync();
        Assert.Equal("Niet bewaard — deze reflectie bestaat niet meer.", document.Status);
        Assert.Equal("Nog nodig.", document["tekst"]);
        Assert.True(document.HasUnsavedChanges);
    }

    [Fact]
    public void Text_is_held_to_the_field_limit_without_splitting_a_character()
    {
        using var document = Create();
        document.Set("tekst", new string('é', 150));
        Assert.Equal(100, document["tekst"].Length);
        document.Set("tekst", new string('x', 99) + "😀");
        Assert.Equal(new string('x', 99), document["tekst"]);
        document.Set("titel", "twee\nregels");
        Assert.Equal("twee regels", document["titel"]);
    }

    [Fact]
    public async Task Closing_the_page_saves_what_is_pending_but_never_over_a_conflict()
    {
        var document = Create();
        document.Set("tekst", "laatste woorden");
        document.Dispose();
        for (var i = 0; i < 50 && saves.Count == 0; i++) await Task.Delay(20);
        Assert.Equal("laatste woorden", Assert.Single(saves).Fields["tekst"]);

        saves.Clear();
        var conflicted = Create(new() { ["titel"] = "", ["tekst"] = "x" }, version: 1);
        answers.Enqueue(() => SaveResult.Conflict(2, new Dictionary<string, string> { ["titel"] = "", ["tekst"] = "y" }));
        conflicted.Set("tekst", "z");
        await PauseAsync();
        conflicted.Dispose();
        await Task.Delay(100);
        Assert.Single(saves);
    }
}
