namespace GeneralistischWerkt.Training.LoadDriver;

/// <summary>What the driver reads on the scenario pages (ScenarioIntro, ScenarioPlay, ChoiceButtons, ScenarioDebrief).</summary>
public static class PlayPage
{
    public const string StartButton = "Start het rollenspel";
    public const string PlayAgainButton = "Opnieuw spelen";

    /// <summary>The choice buttons (class gwt-choice) that can be clicked now, with their click handler ids.</summary>
    public static IReadOnlyList<(string Text, long Handler)> Choices(RenderedPage page) =>
        page.ClickableButtons().Where(b => b.HasClass("gwt-choice")).Select(b => (page.TextOf(b), b.Handlers["onclick"])).ToList();

    /// <summary>The click handler of the enabled button whose text is <paramref name="text"/>, if there is one.</summary>
    public static long? Button(RenderedPage page, string text) =>
        page.ClickableButtons().FirstOrDefault(b => page.TextOf(b) == text)?.Handlers["onclick"];

    /// <summary>The conversation so far: how many lines it has and the text of the current one (aria-current="step").</summary>
    public static (int Lines, string Current) Conversation(RenderedPage page)
    {
        var list = page.Elements().FirstOrDefault(e => e.Name == "ol" && e.HasClass("gwt-conversation"));
        if (list is null) return (0, "");
        var items = list.Children.OfType<RenderedPage.Element>().Where(e => e.Name == "li").ToList();
        var current = items.LastOrDefault(e => e.Attribute("aria-current") == "step");
        return (items.Count, current is null ? "" : page.TextOf(current));
    }

    public static bool IsFinished(RenderedPage page) => Button(page, PlayAgainButton) is not null;
}
