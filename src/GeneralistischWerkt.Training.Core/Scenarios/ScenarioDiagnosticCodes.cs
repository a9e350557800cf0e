namespace GeneralistischWerkt.Training.Core.Scenarios;

/// <summary>
/// Diagnostic codes for scenarios and content/competenties.yml. Keep in sync with the table in scenarios/README.md.
/// (Separate from <see cref="Content.DiagnosticCodes"/>, whose codes are documented in content/README.md.)
/// </summary>
public static class ScenarioDiagnosticCodes
{
    /// <summary>
    /// The file can't be read, isn't UTF-8 text, is empty, or isn't valid YAML; or it isn't a regular file inside
    /// scenarios/ (a FIFO, a device, a link to a file outside it, a link in a circle).
    /// </summary>
    public const string Unreadable = "GWT300";
    /// <summary>A required field is missing.</summary>
    public const string MissingField = "GWT301";
    /// <summary>A field has the wrong type or an invalid value, or is not a field of the format.</summary>
    public const string InvalidValue = "GWT302";
    /// <summary>An id is used twice (scenario, person, state or node).</summary>
    public const string DuplicateId = "GWT303";
    /// <summary>A choice's <c>naar</c> or the scenario's <c>start</c> names a node that doesn't exist.</summary>
    public const string UnknownNode = "GWT304";
    /// <summary>A node can't be reached from <c>start</c>.</summary>
    public const string UnreachableNode = "GWT305";
    /// <summary>A node has neither choices nor an ending, or both.</summary>
    public const string ChoicesOrEnding = "GWT306";
    /// <summary>A decision node has fewer than two choices.</summary>
    public const string TooFewChoices = "GWT307";
    /// <summary>A choice leads back to a node already on the path (a cycle).</summary>
    public const string Cycle = "GWT308";
    /// <summary>An unknown competency, person, state or content link.</summary>
    public const string UnknownReference = "GWT309";
    /// <summary>An ending that no path reaches.</summary>
    public const string UnreachableEnding = "GWT310";
    /// <summary>A text that must have content is empty.</summary>
    public const string EmptyText = "GWT311";
    /// <summary>A test path fails: invalid choice, different ending or different score.</summary>
    public const string TestPathFails = "GWT312";
    /// <summary>A catalogue scenario has fewer than 10 decision nodes or fewer than 3 endings.</summary>
    public const string TooSmall = "GWT313";
    /// <summary>Something in scenarios/ that isn't read: a file not named <c>*.yml</c> (<c>.yaml</c>, <c>.YML</c>, …) or a folder.</summary>
    public const string NotAScenarioFile = "GWT314";
    /// <summary>A <c>bespreking</c> entry for a node that doesn't exist or isn't a decision node.</summary>
    public const string UnknownDiscussionNode = "GWT315";
    /// <summary>A role card (<c>rollen</c>) for a person who doesn't exist in <c>personen</c>, or a second card for one person.</summary>
    public const string UnknownRolePerson = "GWT316";
    /// <summary>An observation checklist item (<c>observatie</c>) that links to content that doesn't exist.</summary>
    public const string ObservationLink = "GWT317";
    /// <summary>A problem in content/competenties.yml.</summary>
    public const string CompetencyList = "GWT320";

    /// <summary>Warning: a choice that changes no score and has no feedback.</summary>
    public const string ChoiceWithoutEffect = "GWT350";
    /// <summary>Warning: a declared competency that no choice scores.</summary>
    public const string CompetencyNeverScored = "GWT351";
    /// <summary>Warning: a decision node where every choice scores the same.</summary>
    public const string ChoicesScoreTheSame = "GWT352";
    /// <summary>Warning: a person's state that no choice moves.</summary>
    public const string StateNeverMoves = "GWT353";
    /// <summary>
    /// Warning: the best choice (<see cref="ScenarioAnalysis.BestChoiceIndex"/>) sits at the same position in more than
    /// half of the decision nodes (scenarios with at least <see cref="MinimumDecisionsForBalance"/> of them). The player
    /// shuffles the display order, but a file that always puts the best answer first teaches its authors a habit and
    /// gives the answer away wherever the order is shown as written (tests, reviews).
    /// </summary>
    public const string BestChoiceSamePosition = "GWT354";
    /// <summary>
    /// Warning: more than half of the decision nodes have only two choices (scenarios with at least
    /// <see cref="MinimumDecisionsForBalance"/> of them). Two options make a good/bad guess; a real conversation offers more.
    /// </summary>
    public const string MostlyTwoChoices = "GWT355";

    /// <summary>Minimum size of a scenario in the catalogue (GWT313).</summary>
    public const int MinimumDecisionNodes = 10;

    /// <summary>Minimum number of endings of a scenario in the catalogue (GWT313).</summary>
    public const int MinimumEndings = 3;

    /// <summary>
    /// GWT354 and GWT355 look at a scenario only from this many decision nodes on: below it, "most" is two or three
    /// nodes and says nothing about the author's habit.
    /// </summary>
    public const int MinimumDecisionsForBalance = 4;
}
