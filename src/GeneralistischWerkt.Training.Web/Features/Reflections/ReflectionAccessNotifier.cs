using GeneralistischWerkt.Training.Web.Features.Live;

namespace GeneralistischWerkt.Training.Web.Features.Reflections;

/// <summary>
/// Tells open pages that who may read a reflection may have changed (a share withdrawn, the reflection deleted, a
/// werkbegeleider no longer supervising its author), so a reader's page closes the text at once instead of on its next
/// reload. A notice carries only the reflection id: every listener re-checks access through AccessRules itself.
/// Goes through <see cref="IChangeSignal"/>, so it reaches the pages on every app instance.
/// </summary>
public sealed class ReflectionAccessNotifier(IChangeSignal signal)
{
    public static string Topic(long reflectionId) => $"reflection-access:{reflectionId}";

    /// <summary>Calls <paramref name="onChanged"/> after every change to the reflection's access, until disposed.</summary>
    public IDisposable Subscribe(long reflectionId, Func<Task> onChanged) => signal.Subscribe(Topic(reflectionId), onChanged);

    /// <summary>Raised after the change is saved, so a listener that re-checks sees the new state.</summary>
    public Task AccessChangedAsync(IReadOnlyCollection<long> reflectionIds) =>
        Task.WhenAll(reflectionIds.Distinct().Select(id => signal.PublishAsync(Topic(id))));
}
