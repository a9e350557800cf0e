using Microsoft.AspNetCore.Components;

namespace GeneralistischWerkt.Training.Web.Components.Shared;

/// <summary>
/// A component that shows the state in between (buttons disabled while saving) only when an event handler takes longer
/// than <see cref="BusyDelay"/>, and otherwise renders once, when the handler is done.
/// </summary>
/// <remarks>
/// ComponentBase renders when a handler first awaits and again when it ends. For a choice saved in a few milliseconds
/// that first render is a render batch, sent to the browser and acknowledged by it, that nobody gets to see: on
/// PostgreSQL, where every save awaits the network, it was one batch of the two per choice (README, Belasting).
/// </remarks>
public abstract class QuietWhenQuickComponent : ComponentBase, IHandleEvent
{
    /// <summary>How long a handler may take before the state in between is shown.</summary>
    protected virtual TimeSpan BusyDelay => TimeSpan.FromMilliseconds(300);

    async Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg)
    {
        var work = callback.InvokeAsync(arg);
        if (!work.IsCompleted)
        {
            using var shown = new CancellationTokenSource();
            if (await Task.WhenAny(work, Task.Delay(BusyDelay, shown.Token)) != work) StateHasChanged();
            shown.Cancel();
        }
        try
        {
            await work;
        }
        catch (OperationCanceledException) when (work.IsCanceled)
        {
            return; // as ComponentBase: a cancelled handler renders nothing more
        }
        StateHasChanged();
    }
}
