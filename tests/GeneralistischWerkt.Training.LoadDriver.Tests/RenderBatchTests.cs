namespace GeneralistischWerkt.Training.LoadDriver.Tests;

/// <summary>
/// The render-batch subset (RenderBatch.cs) and its application (RenderedPage) against what the running app sent to the
/// load driver for one player of "eerste-gesprek": 001–004 the intro page (head, then the page), 005–006 the click on
/// "Start het rollenspel", 007 the player page after the navigation, 008–010 three choices.
/// </summary>
public class RenderBatchTests
{
    private const string Circuit = "eerste-gesprek";

    [Fact]
    public void Reads_the_tables_of_a_batch_diffs_frames_strings_and_event_handlers()
    {
        var batch = RenderBatch.Parse(Captured.Batch(Circuit, 4));
        Assert.Equal(37, batch.Diffs.Count);
        Assert.Equal(326, batch.ReferenceFrames.Count);
        Assert.Equal([3], batch.ReferenceFrames.Where(f => f.Type == FrameType.Attribute && f.Name == "onclick").Select(f => f.EventHandlerId));
        Assert.Contains(batch.ReferenceFrames, f => f.Type == FrameType.Element && f.Name == "h1");
        Assert.Contains(batch.ReferenceFrames, f => f.Type is FrameType.Text or FrameType.Markup && f.Text?.Contains("Start het rollenspel") == true);
        Assert.All(batch.Diffs.SelectMany(d => d.Edits), e => Assert.InRange((int)e.Type, 1, 10));
    }

    [Fact]
    public void Reads_disposed_components_and_event_handlers()
    {
        var navigation = RenderBatch.Parse(Captured.Batch(Circuit, 7));
        Assert.Equal(6, navigation.DisposedComponentIds.Count);
        Assert.Equal(3, navigation.DisposedEventHandlerIds.Count);
        // The first choice disposes the click handlers of the two buttons it replaced (ids 4 and 5).
        Assert.Equal([4L, 5L], RenderBatch.Parse(Captured.Batch(Circuit, 8)).DisposedEventHandlerIds.Order());
    }

    [Fact]
    public void The_intro_page_has_the_start_button_and_no_choices()
    {
        var page = Captured.PageAfter(Circuit, 4);
        Assert.Equal(3L, PlayPage.Button(page, PlayPage.StartButton));
        Assert.Empty(PlayPage.Choices(page));
        Assert.Contains(page.Elements(), e => e.Name == "h1" && page.TextOf(e) == "Eerste gesprek");
    }

    [Fact]
    public void After_the_navigation_the_player_shows_the_first_line_and_its_choices()
    {
        var page = Captured.PageAfter(Circuit, 7);
        Assert.Null(PlayPage.Button(page, PlayPage.StartButton));
        var (lines, current) = PlayPage.Conversation(page);
        Assert.Equal(1, lines);
        Assert.Contains("Ik weet eigenlijk niet goed waar ik moet beginnen.", current);
        Assert.StartsWith("Kelly Van Damme (cliënt)", current);
        var choices = PlayPage.Choices(page);
        Assert.Equal([4L, 5L], choices.Select(c => c.Handler));
        Assert.StartsWith("Je klapt je laptop dicht", choices[1].Text);
    }

    [Fact]
    public void Each_choice_adds_the_coach_line_and_the_next_line_with_new_click_handlers()
    {
        var (lines, current) = PlayPage.Conversation(Captured.PageAfter(Circuit, 8));
        Assert.Equal(3, lines);
        Assert.Contains("Mijn huisbaas heeft de huur opgezegd", current);
        Assert.Equal([6L, 7L, 8L], PlayPage.Choices(Captured.PageAfter(Circuit, 8)).Select(c => c.Handler));

        var after = Captured.PageAfter(Circuit, 10);
        Assert.Equal(7, PlayPage.Conversation(after).Lines);
        Assert.Contains("incassobureau", PlayPage.Conversation(after).Current);
        Assert.Equal([11L, 12L, 13L], PlayPage.Choices(after).Select(c => c.Handler));
        Assert.False(PlayPage.IsFinished(after));
    }

    [Fact]
    public void A_batch_for_a_component_that_is_not_on_the_page_is_refused()
    {
        var page = new RenderedPage();
        Assert.Throws<InvalidOperationException>(() => page.Apply(RenderBatch.Parse(Captured.Batch(Circuit, 4))));
    }
}
