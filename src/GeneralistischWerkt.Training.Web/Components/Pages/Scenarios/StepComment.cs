namespace GeneralistischWerkt.Training.Web.Components.Pages.Scenarios;

/// <summary>A comment typed under one choice (step) of an attempt's transcript.</summary>
public sealed record StepComment(int StepIndex, string Text);
