using Microsoft.AspNetCore.Components;

namespace GeneralistischWerkt.Training.Web.Features.Live;

/// <summary>
/// Base for a page or component that shows a live session (<c>@inherits LiveComponentBase</c>): after loading the
/// session, call <see cref="ListenTo"/>; on every signal on <c>live:{id}</c> the base calls
/// <see cref="ReloadLiveAsync"/> on the component's own dispatcher and re-renders. Reload everything from the database
/// there (and re-check access through the service): a signal carries no data.
/// A burst of signals (thirty votes at once) becomes at most one reload running and one queued, never thirty.
/// A page that loses its connection is rebuilt by the browser and loads the stored state again; nothing to do here.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    [Inject] private IChangeSignal Signal { get; set; } = default!;
    [Inject] private ILogger<LiveComponentBase> Logger { get; set; } = default!;

    private IDisposable? subscription;
    private long? listeningTo;
    private int queued;
    private bool disposed;

    /// <summary>Reloads what the component shows; called after every change to the session it listens to.</summary>
    protected abstract Task ReloadLiveAsync();

    /// <summary>Listens to a session (again safe to call on every parameter set; a new id replaces the old subscription).</summary>
    protected void ListenTo(long sessionId)
    {
        if (disposed || listeningTo == sessionId) return;
        subscription?.Dispose();
        subscription = Signal.Subscribe(LiveSessionService.Topic(sessionId), OnSignal);
        listeningTo = sessionId;
    }

    /// <summary>Stops listening (for example when access ended).</summary>
    protected void StopListening()
    {
        subscription?.Dispose();
        subscription = null;
        listeningTo = null;
    }

    // Returns at once: whoever caused the signal (a vote) does not wait for everyone's screen to redraw.
    private Task OnSignal()
    {
        if (Interlocked.Exchange(ref queued, 1) == 1) return Task.CompletedTask; // the queued reload will see this change
        _ = RefreshAsync();
        return Task.CompletedTask;
    }

    private async Task RefreshAsync()
    {
        try
        {
            await InvokeAsync(async () =>
            {
                // Cleared before reading, so a signal that arrives during this reload queues one more.
                Volatile.Write(ref queued, 0);
                if (disposed) return;
                await ReloadLiveAsync();
                StateHasChanged();
            });
        }
        catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException && disposed)
        {
            // The page closed while a reload was queued.
        }
        catch (Exception exception)
        {
            Volatile.Write(ref queued, 0);
            Logger.LogWarning(exception, "Een live pagina kon de nieuwe stand niet laden.");
        }
    }

    public virtual void Dispose()
    {
        disposed = true;
        subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
