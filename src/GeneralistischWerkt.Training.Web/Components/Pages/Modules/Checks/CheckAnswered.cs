namespace GeneralistischWerkt.Training.Web.Components.Pages.Modules.Checks;

/// <summary>What a check component reports when the learner has answered.</summary>
public sealed record CheckAnswered(string CheckId, bool IsCorrect, string AnswerJson);
