using GeneralistischWerkt.Training.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Radzen.Blazor;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// A click on a QuietButton runs the handler of the component that gave it, and the button itself renders only when
/// that component passes it new parameters. A RadzenButton renders itself twice around every click that waits (the
/// renders that became render batches of their own on a loaded server, README, Belasting).
/// </summary>
public class QuietButtonTests : BunitContext
{
    public QuietButtonTests() => Radzen.ServiceCollectionExtensions.AddRadzenComponents(Services);

    [Fact]
    public async Task A_click_that_waits_runs_the_handler_without_the_button_rendering_itself()
    {
        var host = Render<ButtonHost<QuietButton>>();
        var button = host.FindComponent<QuietButton>();
        Assert.Equal(1, button.RenderCount);

        var click = host.Find("button").ClickAsync(new MouseEventArgs());
        Assert.Equal(1, host.Instance.Clicks);
        Assert.Equal(1, button.RenderCount);
        host.Instance.Saved.SetResult();
        await click;
        Assert.Equal(1, button.RenderCount);
    }

    [Fact]
    public async Task A_RadzenButton_renders_itself_while_the_handler_waits_and_again_when_it_is_done()
    {
        var host = Render<ButtonHost<RadzenButton>>();
        var button = host.FindComponent<RadzenButton>();

        var click = host.Find("button").ClickAsync(new MouseEventArgs());
        Assert.Equal(2, button.RenderCount);
        host.Instance.Saved.SetResult();
        await click;
        Assert.Equal(3, button.RenderCount);
    }

    [Fact]
    public void It_looks_like_a_RadzenButton_and_shows_what_the_page_passes_it()
    {
        var quiet = Render<ButtonHost<QuietButton>>();
        var radzen = Render<ButtonHost<RadzenButton>>();
        Assert.Equal(radzen.Find("button").ClassName, quiet.Find("button").ClassName);
        Assert.Equal(radzen.Find("button").InnerHtml, quiet.Find("button").InnerHtml);

        quiet.Render(p => p.Add(h => h.Disabled, true));
        Assert.NotNull(quiet.Find("button").GetAttribute("disabled"));
        Assert.Contains("rz-state-disabled", quiet.Find("button").ClassName);
        Assert.Equal("Opnieuw spelen", quiet.Find("button").TextContent);
    }

    /// <summary>A page whose handler waits until the test lets it finish, and which itself never renders after events.</summary>
    private sealed class ButtonHost<TButton> : ComponentBase, IHandleEvent where TButton : RadzenButton
    {
        [Parameter] public bool Disabled { get; set; }
        public TaskCompletionSource Saved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Clicks { get; private set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<TButton>(0);
            builder.AddComponentParameter(1, nameof(RadzenButton.Text), "Opnieuw spelen");
            builder.AddComponentParameter(2, nameof(RadzenButton.Disabled), Disabled);
            builder.AddComponentParameter(3, nameof(RadzenButton.Click), EventCallback.Factory.Create<MouseEventArgs>(this, SaveAsync));
            builder.CloseComponent();
        }

        private async Task SaveAsync()
        {
            Clicks++;
            await Saved.Task;
        }

        Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg) => callback.InvokeAsync(arg);
    }
}
