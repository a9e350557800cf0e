namespace GeneralistischWerkt.Training.Web.Features.Live;

/// <summary>
/// Tells open pages that something they show has changed, by topic (for example <c>live:42</c> for a live group
/// session or <c>reflection-access:7</c> for who may read a reflection). A signal carries no data: the state is always
/// in the database and every listener reloads it and re-checks access itself, so a lost or doubled signal can never
/// show anyone something wrong, only something late until the next signal.
/// This is the seam for running several app instances: an implementation over a pub/sub backplane (Redis) delivers
/// each signal to the listeners on every instance; the in-process one serves a single instance.
/// </summary>
public interface IChangeSignal
{
    /// <summary>Calls <paramref name="onChanged"/> after every signal on <paramref name="topic"/>, until disposed.</summary>
    IDisposable Subscribe(string topic, Func<Task> onChanged);

    /// <summary>Signals the topic; call it after the change is saved, so a listener that reloads sees it.</summary>
    Task PublishAsync(string topic);
}

/// <summary>Listeners registered in this process, called in parallel; the local delivery of every implementation.</summary>
public sealed class LocalListeners(ILogger logger)
{
    private readonly Dictionary<string, List<Func<Task>>> listeners = new(StringComparer.Ordinal);

    public IDisposable Add(string topic, Func<Task> onChanged)
    {
        lock (listeners)
        {
            if (!listeners.TryGetValue(topic, out var list)) listeners[topic] = list = [];
            list.Add(onChanged);
        }
        return new Subscription(() =>
        {
            lock (listeners)
            {
                if (!listeners.TryGetValue(topic, out var list)) return;
                list.Remove(onChanged);
                if (list.Count == 0) listeners.Remove(topic);
            }
        });
    }

    public int CountFor(string topic)
    {
        lock (listeners) return listeners.TryGetValue(topic, out var list) ? list.Count : 0;
    }

    public async Task DeliverAsync(string topic)
    {
        List<Func<Task>> handlers;
        lock (listeners) handlers = listeners.TryGetValue(topic, out var list) ? [.. list] : [];
        // One listener's failure (for example a page whose connection just closed) must not fail the action that
        // signalled, nor keep the other pages from hearing it.
        await Task.WhenAll(handlers.Select(async handler =>
        {
            try
            {
                await handler();
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Een open pagina kon een wijziging ({Topic}) niet verwerken.", topic);
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

/// <summary>The single-instance signal: listeners in this process's memory.</summary>
public sealed class InProcessChangeSignal(ILogger<InProcessChangeSignal> logger) : IChangeSignal
{
    private readonly LocalListeners local = new(logger);

    public IDisposable Subscribe(string topic, Func<Task> onChanged) => local.Add(topic, onChanged);

    public Task PublishAsync(string topic) => local.DeliverAsync(topic);
}

/// <summary>
/// The signal for several instances: listeners on this instance hear it at once (also when Redis is away), and it goes
/// out on one Redis pub/sub channel to the other instances, which deliver it to their own listeners. A message is
/// "instance-id topic"; an instance skips its own messages, so nobody hears a signal twice.
/// </summary>
public sealed class RedisChangeSignal : IChangeSignal, IDisposable
{
    private static readonly StackExchange.Redis.RedisChannel Channel = StackExchange.Redis.RedisChannel.Literal("gwt:change-signal");

    private readonly string instance = Guid.NewGuid().ToString("N");
    private readonly LocalListeners local;
    private readonly StackExchange.Redis.ISubscriber subscriber;
    private readonly ILogger<RedisChangeSignal> logger;

    public RedisChangeSignal(StackExchange.Redis.IConnectionMultiplexer redis, ILogger<RedisChangeSignal> logger)
    {
        this.logger = logger;
        local = new LocalListeners(logger);
        subscriber = redis.GetSubscriber();
        subscriber.Subscribe(Channel, (channel, message) =>
        {
            var text = (string?)message ?? "";
            var space = text.IndexOf(' ');
            if (space <= 0 || text.AsSpan(0, space).SequenceEqual(instance)) return;
            // DeliverAsync catches each listener's failure itself, so nothing is lost by not awaiting it here.
            _ = local.DeliverAsync(text[(space + 1)..]);
        });
    }

    public IDisposable Subscribe(string topic, Func<Task> onChanged) => local.Add(topic, onChanged);

    public async Task PublishAsync(string topic)
    {
        var here = local.DeliverAsync(topic);
        try
        {
            await subscriber.PublishAsync(Channel, $"{instance} {topic}");
        }
        catch (StackExchange.Redis.RedisException exception)
        {
            // The change is saved; pages on other instances see it when they next load, only not at once.
            logger.LogWarning(exception, "Redis onbereikbaar: wijziging ({Topic}) niet naar de andere instanties gestuurd.", topic);
        }
        await here;
    }

    public void Dispose() => subscriber.Unsubscribe(Channel);
}
