namespace GeneralistischWerkt.Training.Web.Components.Pages.Scenarios;

/// <summary>Which choice the coach clicked, and for which step of the attempt the button was rendered.</summary>
public sealed record ChoiceMade(int StepIndex, int ChoiceIndex);
