using GeneralistischWerkt.Training.Core.Formatting;

namespace GeneralistischWerkt.Training.Web.Features.Editing;

/// <summary>One field of an autosaved form: its key, its limit, and whether it is a single line.</summary>
public sealed record AutosaveField(string Key, int MaxLength, bool SingleLine = false);

public enum AutosaveState
{
    /// <summary>Nothing typed since the page opened.</summary>
    Unchanged,
    Pending,
    Saved,

    /// <summary>The last save failed (connection, database): a retry is scheduled, the text stays.</summary>
    Failed,

    /// <summary>Someone saved another version first; the user chooses. Nothing is saved until then.</summary>
    Conflict,

    /// <summary>The server will not take this text (gone, no longer allowed); the text stays on the page.</summary>
    Refused,
}

/// <summary>
/// The text of one form that saves itself: what the user typed, what is stored, the stored version, and a status that
/// never claims more than is true. Typing reaches the server at once; the database write waits until typing pauses
/// (<see cref="Delay"/>). Every save names the version it is based on, so a second window cannot overwrite newer text:
/// it gets a conflict and both versions are kept until the user chooses. Used by reflections and session notes alike.
/// All members run on the component's dispatcher; the timer comes back through <c>dispatch</c>.
/// </summary>
public sealed class AutosaveDocument : IDisposable
{
    public delegate Task<SaveResult> SaveHandler(int expectedVersion, IReadOnlyDictionary<string, string> fields);

    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(15);

    private readonly Dictionary<string, AutosaveField> definitions;
    private readonly Dictionary<string, string> fields;
    private Dictionary<string, string> stored;
    private readonly SaveHandler save;
    private readonly Func<Func<Task>, Task> dispatch;
    private readonly TimeProvider clock;
    private readonly Action<Exception> logFailure;
    private ITimer? timer;
    private TimeSpan retryDelay = Delay;
    private Task? inFlight;
    private int theirVersion;
    private bool disposed;

    public AutosaveDocument(IEnumerable<AutosaveField> definitions, IReadOnlyDictionary<string, string> storedText, int version,
        SaveHandler save, Func<Func<Task>, Task> dispatch, TimeProvider clock, Action<Exception> logFailure)
    {
        this.definitions = definitions.ToDictionary(d => d.Key);
        stored = this.definitions.Keys.ToDictionary(k => k, k => storedText.GetValueOrDefault(k) ?? "");
        fields = new Dictionary<string, string>(stored);
        Version = version;
        this.save = save;
        this.dispatch = dispatch;
        this.clock = clock;
        this.logFailure = logFailure;
    }

    /// <summary>Raised after every change of text or state, so the page can render.</summary>
    public event Action? Changed;

    public int Version { get; private set; }
    public AutosaveState State { get; private set; } = AutosaveState.Unchanged;
    public DateTimeOffset? SavedAt { get; private set; }
    public string? RefusedReason { get; private set; }

    /// <summary>The other version during a conflict (what is stored now), else null.</summary>
    public IReadOnlyDictionary<string, string>? Theirs { get; private set; }

    public IEnumerable<AutosaveField> Fields => definitions.Values;

    public string this[string key] => fields.GetValueOrDefault(key) ?? "";

    public IReadOnlyDictionary<string, string> Text => fields;

    /// <summary>Fingerprint of the stored text of a field (see <see cref="TextFingerprint"/>).</summary>
    public string StoredFingerprint(string key) => TextFingerprint.Of(stored.GetValueOrDefault(key));

    /// <summary>True while anything on the page differs from what is stored, or a choice is still open.</summary>
    public bool HasUnsavedChanges => State is AutosaveState.Conflict or AutosaveState.Refused || Differs(fields, stored);

    public string Status => State switch
    {
        AutosaveState.Pending => "Nog niet bewaard…",
        AutosaveState.Saved => $"Automatisch bewaard om {DutchFormat.Time(SavedAt!.Value)}.",
        AutosaveState.Failed => "Niet bewaard — we proberen opnieuw.",
        AutosaveState.Conflict => "Niet bewaard — dit werd intussen ergens anders gewijzigd. Kies hieronder wat je bewaart.",
        AutosaveState.Refused => $"Niet bewaard — {RefusedReason}",
        _ => "",
    };

    /// <summary>The other version of one field during a conflict, when it differs from what is on the page.</summary>
    public string? TheirsIfDifferent(string key) =>
        Theirs is not null && Theirs.GetValueOrDefault(key, "") != this[key] ? Theirs.GetValueOrDefault(key, "") : null;

    public void Set(string key, string? value)
    {
        if (disposed || !definitions.TryGetValue(key, out var definition)) return;
        var text = TextLimits.Clip(value, definition.MaxLength);
        if (definition.SingleLine) text = text.ReplaceLineEndings(" ");
        if (fields[key] == text) return;
        fields[key] = text;
        if (State is AutosaveState.Unchanged or AutosaveState.Saved) State = AutosaveState.Pending;
        if (State is AutosaveState.Pending or AutosaveState.Failed) Schedule(Delay);
        Changed?.Invoke();
    }

    /// <summary>Writes now what is on the page (if anything is unsaved). One save at a time: waits for one under way.</summary>
    public async Task SaveNowAsync()
    {
        CancelTimer();
        while (inFlight is { IsCompleted: false } running) await running;
        if (disposed || State is AutosaveState.Conflict or AutosaveState.Refused) return;
        if (!Differs(fields, stored))
        {
            if (State == AutosaveState.Pending) State = SavedAt is null ? AutosaveState.Unchanged : AutosaveState.Saved;
            return;
        }
        inFlight = SaveSnapshotAsync(new Dictionary<string, string>(fields));
        await inFlight;
    }

    private async Task SaveSnapshotAsync(Dictionary<string, string> snapshot)
    {
        SaveResult result;
        try
        {
            result = await save(Version, snapshot);
        }
        catch (Exception exception)
        {
            logFailure(exception);
            State = AutosaveState.Failed;
            Schedule(retryDelay);
            retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, LongestRetry.Ticks));
            Changed?.Invoke();
            return;
        }
        retryDelay = Delay;

        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                Version = result.Version;
                stored = snapshot;
                SavedAt = clock.GetUtcNow();
                State = Differs(fields, stored) ? AutosaveState.Pending : AutosaveState.Saved;
                // What was typed during the save goes in the next one.
                if (State == AutosaveState.Pending) Schedule(Delay);
                break;
            case SaveOutcome.Conflict:
                EnterConflict(result.Version, result.Current ?? new Dictionary<string, string>());
                break;
            default:
                RefusedReason = result.Reason ?? "deze tekst kan niet meer bewaard worden.";
                State = AutosaveState.Refused;
                break;
        }
        Changed?.Invoke();
    }

    /// <summary>
    /// The page learned that the stored text moved on without it (for example a local backup of this device was based
    /// on an older version): keep what is on the page, show the stored text beside it, and let the user choose.
    /// </summary>
    public void ConflictWithStored()
    {
        CancelTimer();
        EnterConflict(Version, stored);
        Changed?.Invoke();
    }

    /// <summary>Conflict choice: save what is on the page over the other version.</summary>
    public async Task KeepMineAsync()
    {
        if (State != AutosaveState.Conflict) return;
        AcceptTheirsAsBase();
        State = AutosaveState.Pending;
        await SaveNowAsync();
    }

    /// <summary>Conflict choice: put the other version on the page; nothing needs saving then.</summary>
    public void TakeTheirs()
    {
        if (State != AutosaveState.Conflict) return;
        AcceptTheirsAsBase();
        foreach (var key in definitions.Keys) fields[key] = stored[key];
        State = SavedAt is null ? AutosaveState.Unchanged : AutosaveState.Saved;
        Changed?.Invoke();
    }

    /// <summary>
    /// Conflict choice: keep both, one after the other, in every field where they differ, and save that. Returns a
    /// Dutch reason (and changes nothing) when a field would grow past its limit.
    /// </summary>
    public async Task<string?> MergeBothAsync()
    {
        if (State != AutosaveState.Conflict || Theirs is null) return null;
        var merged = new Dictionary<string, string>(fields);
        foreach (var (key, definition) in definitions)
        {
            var mine = fields[key];
            var theirs = Theirs.GetValueOrDefault(key, "");
            if (mine == theirs || theirs.Length == 0) continue;
            if (mine.Length == 0) { merged[key] = theirs; continue; }
            var joined = definition.SingleLine ? $"{mine} / {theirs}" : $"{mine}\n\n— Andere versie —\n\n{theirs}";
            if (joined.Length > definition.MaxLength)
                return $"Samen zijn beide versies langer dan {definition.MaxLength} tekens. Kies één versie en neem over wat je nodig hebt.";
            merged[key] = joined;
        }
        AcceptTheirsAsBase();
        foreach (var (key, value) in merged) fields[key] = value;
        State = AutosaveState.Pending;
        await SaveNowAsync();
        return null;
    }

    /// <summary>The text is thrown away on purpose (the item was deleted): nothing is unsaved any more.</summary>
    public void Discard()
    {
        CancelTimer();
        foreach (var key in definitions.Keys) stored[key] = fields[key];
        State = AutosaveState.Unchanged;
        Theirs = null;
    }

    public void Dispose()
    {
        if (disposed) return;
        CancelTimer();
        disposed = true;
        if (State is not (AutosaveState.Pending or AutosaveState.Failed) || !Differs(fields, stored)) return;
        // The page closed before the timer fired: save what reached the server. A conflict or refusal is not
        // overwritten here: the browser keeps its own copy for the next visit.
        var snapshot = new Dictionary<string, string>(fields);
        _ = Task.Run(async () =>
        {
            try { await save(Version, snapshot); }
            catch (Exception exception) { logFailure(exception); }
        });
    }

    private void EnterConflict(int theirVersion, IReadOnlyDictionary<string, string> theirs)
    {
        Theirs = definitions.Keys.ToDictionary(k => k, k => theirs.GetValueOrDefault(k) ?? "");
        this.theirVersion = theirVersion;
        State = AutosaveState.Conflict;
    }

    private void AcceptTheirsAsBase()
    {
        stored = new Dictionary<string, string>(Theirs!);
        Version = theirVersion;
        Theirs = null;
    }

    private void Schedule(TimeSpan delay)
    {
        if (disposed || timer is not null) return;
        timer = clock.CreateTimer(_ => _ = dispatch(async () =>
        {
            timer?.Dispose();
            timer = null;
            await SaveNowAsync();
        }), null, delay, Timeout.InfiniteTimeSpan);
    }

    private void CancelTimer()
    {
        timer?.Dispose();
        timer = null;
    }

    private static bool Differs(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Any(kv => b.GetValueOrDefault(kv.Key) != kv.Value);
}
