using Microsoft.AspNetCore.Components;
using Radzen.Blazor;

namespace GeneralistischWerkt.Training.Web.Components.Shared;

/// <summary>
/// A RadzenButton (same markup, styles and parameters) that does not render itself around a click: the component whose
/// handler it calls renders, and passes the button its new parameters (Disabled, Text) when something changed.
/// </summary>
/// <remarks>
/// RadzenButton inherits ComponentBase's event handling: after every click it renders itself, once while the handler
/// waits and once more when it is done, with nothing changed. When the handler waits on the database, those renders
/// come after the click's own render batch and each becomes a render batch of its own that the browser has to
/// receive and acknowledge (README, Belasting: up to 16 batches for one "Opnieuw spelen" on a loaded server).
/// </remarks>
public sealed class QuietButton : RadzenButton, IHandleEvent
{
    Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg) => callback.InvokeAsync(arg);
}
