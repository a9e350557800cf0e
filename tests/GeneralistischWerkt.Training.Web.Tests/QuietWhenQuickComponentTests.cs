using GeneralistischWerkt.Training.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// A handler that is done quickly renders once (no render batch for a busy state nobody sees); one that takes long shows
/// its busy state after the delay, then the result. The delay is set per test so nothing depends on the clock.
/// </summary>
public class QuietWhenQuickComponentTests : BunitContext
{
    [Fact]
    public async Task A_quick_handler_renders_once_when_it_is_done_and_never_shows_its_busy_state()
    {
        var cut = Render<SaveButton>(p => p.Add(c => c.Delay, TimeSpan.FromHours(1)));
        var click = cut.Find("button").ClickAsync(new());
        Assert.False(click.IsCompleted);
        Assert.Equal(1, cut.RenderCount);

        await AssertSavedAsync(cut, click, renders: 2);
    }

    [Fact]
    public async Task A_slow_handler_shows_its_busy_state_after_the_delay_and_then_the_result()
    {
        var cut = Render<SaveButton>(p => p.Add(c => c.Delay, TimeSpan.Zero));
        var click = cut.Find("button").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("button").GetAttribute("disabled")));
        Assert.Equal("Bezig…", cut.Find("button").TextContent);
        Assert.Equal(2, cut.RenderCount);

        await AssertSavedAsync(cut, click, renders: 3);
    }

    /// <summary>Lets the save finish and checks the button shows the result, after <paramref name="renders"/> renders in all.</summary>
    private static async Task AssertSavedAsync(IRenderedComponent<SaveButton> cut, Task click, int renders)
    {
        cut.Instance.Saved.SetResult();
        await click;
        Assert.Equal(renders, cut.RenderCount);
        Assert.Equal("Bewaard", cut.Find("button").TextContent);
        Assert.Null(cut.Find("button").GetAttribute("disabled"));
    }

    [Fact]
    public async Task A_failing_handler_still_fails_and_a_cancelled_one_renders_nothing_more()
    {
        var cut = Render<SaveButton>(p => p.Add(c => c.Delay, TimeSpan.FromHours(1)));
        var click = cut.Find("button").ClickAsync(new());
        cut.Instance.Saved.SetException(new InvalidOperationException("kapot"));
        await click;
        // The renderer gets the exception, as it does from ComponentBase (on a circuit: the circuit's error handling).
        var failure = await Renderer.UnhandledException.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("kapot", failure.Message);
        Assert.Equal(1, cut.RenderCount);

        var cancelled = Render<SaveButton>(p => p.Add(c => c.Delay, TimeSpan.FromHours(1)));
        var cancelledClick = cancelled.Find("button").ClickAsync(new());
        cancelled.Instance.Saved.SetCanceled();
        await cancelledClick;
        Assert.Equal(1, cancelled.RenderCount);
    }

    private sealed class SaveButton : QuietWhenQuickComponent
    {
        [Parameter] public TimeSpan Delay { get; set; }
        public TaskCompletionSource Saved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string state = "Nog niet bewaard";
        private bool busy;

        protected override TimeSpan BusyDelay => Delay;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "disabled", busy);
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create(this, SaveAsync));
            builder.AddContent(3, busy ? "Bezig…" : state);
            builder.CloseElement();
        }

        private async Task SaveAsync()
        {
            busy = true;
            await Saved.Task;
            (busy, state) = (false, "Bewaard");
        }
    }
}
