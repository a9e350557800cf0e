namespace GeneralistischWerkt.Training.Web.Features.Reflections;

/// <summary>
/// Tells open pages that who may read a reflection may have changed (a share withdrawn, the reflection deleted, a
/// werkbegeleider no longer supervising its author), so a reader's page closes the text at once instead of on its next
/// reload. A notice carries only the reflection id: every listener re-checks access through AccessRules itself.
/// The seam for running several app instances: an implementation over Redis pub/sub publishes the ids to all of them.
/// </summary>
public interface IReflectionAccessNotifier
{
    /// <summary>Calls <paramref name="onChanged"/> after every change to the reflection's access, until disposed.</summary>
    IDisposable Subscribe(long reflectionId, Func<Task> onChanged);

    /// <summary>Raised after the change is saved, so a listener that re-checks sees the new state.</summary>
    Task AccessChangedAsync(IReadOnlyCollection<long> reflectionIds);
}

/// <summary>The single-instance notifier: listeners in this process's memory.</summary>
public sealed class InMemoryReflectionAccessNotifier(ILogger<InMemoryReflectionAccessNotifier> logger) : IReflectionAccessNotifier
{
    private readonly Dictionary<long, List<Func<Task>>> listeners = [];

    public IDisposable Subscribe(long reflectionId, Func<Task> onChanged)
    {
        lock (listeners)
        {
            if (!listeners.TryGetValue(reflectionId, out var list)) listeners[reflectionId] = list = [];
            list.Add(onChanged);
        }
        return new Subscription(() =>
        {
            lock (listeners)
            {
                if (!listeners.TryGetValue(reflectionId, out var list)) return;
                list.Remove(onChanged);
                if (list.Count == 0) listeners.Remove(reflectionId);
            }
        });
    }

    public async Task AccessChangedAsync(IReadOnlyCollection<long> reflectionIds)
    {
        List<Func<Task>> handlers;
        lock (listeners)
            handlers = reflectionIds.Distinct().SelectMany(id => listeners.TryGetValue(id, out var list) ? list : []).ToList();
        // A listener's failure (for example a page whose connection just closed) must not fail the coach's action.
        await Task.WhenAll(handlers.Select(async handler =>
        {
            try
            {
                await handler();
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Een open pagina kon een wijziging in de toegang tot een reflectie niet verwerken.");
            }
        }));
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) dispose();
        }
    }
}
