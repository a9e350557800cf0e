using GeneralistischWerkt.Training.Core.Content;

namespace GeneralistischWerkt.Training.Core.Scenarios;

/// <summary>A branching role-play, as loaded from scenarios/&lt;id&gt;.yml (format: scenarios/README.md).</summary>
public sealed class Scenario
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Theme { get; init; }
    public required string PhaseId { get; init; }
    public required int DurationMinutes { get; init; }

    /// <summary>"coach" (default), "werkbegeleider", or "voorbeeld" (author example, not in the catalogue).</summary>
    public string Audience { get; init; } = ScenarioAudiences.Coach;

    public required IReadOnlyList<string> Competencies { get; init; }
    public required IReadOnlyList<ScenarioPerson> People { get; init; }
    public required string StartNodeId { get; init; }
    public required IReadOnlyList<ScenarioNode> Nodes { get; init; }
    public IReadOnlyList<TestPath> TestPaths { get; init; } = [];

    /// <summary>Role cards for playing the other party in a live phone role-play (<c>rollen</c>); empty when none.</summary>
    public IReadOnlyList<RoleCard> RoleCards { get; init; } = [];

    /// <summary>The observers' checklist for a live role-play (<c>observatie</c>); empty when none.</summary>
    public IReadOnlyList<ObservationItem> Observation { get; init; } = [];

    /// <summary>A discussion prompt per decision node id (<c>bespreking</c>), for deciding together; see <see cref="DiscussionPrompt"/>.</summary>
    public IReadOnlyDictionary<string, string> DiscussionPrompts { get; init; } = new Dictionary<string, string>();

    /// <summary>Used at a decision without its own prompt: it works for any decision of any scenario.</summary>
    public const string GeneralDiscussionPrompt =
        "Wat zag je in deze situatie, en wat gaf voor jou de doorslag? Welke basishouding zit er in de keuze die je koos, en wat zou de andere persoon nu denken?";

    /// <summary>The prompt for discussing a decision: the scenario's own, or the general one.</summary>
    public string DiscussionPrompt(string nodeId) => DiscussionPrompts.GetValueOrDefault(nodeId, GeneralDiscussionPrompt);

    /// <summary>True when the scenario can be played as a live phone role-play: it has role cards and a checklist.</summary>
    public bool SupportsRolePlay => RoleCards.Count > 0 && Observation.Count > 0;

    public RoleCard? RoleCard(string personId) => RoleCards.FirstOrDefault(r => r.PersonId == personId);

    /// <summary>Path relative to the scenarios root's parent, e.g. "scenarios/eerste-gesprek.yml".</summary>
    public required string File { get; init; }

    public SourcePosition Position { get; init; } = new("", 1, 1);

    /// <summary>Where each field's value starts, by its Dutch key (see <see cref="ScenarioFieldPositions"/>); empty for scenarios built in code.</summary>
    public IReadOnlyDictionary<string, SourcePosition> FieldPositions { get; init; } = ScenarioFieldPositions.None;

    /// <summary>The position of a field's value, or <see cref="Position"/> when the field is absent.</summary>
    public SourcePosition PositionOf(string field) => FieldPositions.GetValueOrDefault(field, Position);

    private Dictionary<string, ScenarioNode>? nodesById;

    public ScenarioNode? Node(string id)
    {
        nodesById ??= Nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());
        return nodesById.GetValueOrDefault(id);
    }

    public ScenarioPerson? Person(string id) => People.FirstOrDefault(p => p.Id == id);

    public bool InCatalogue => Audience != ScenarioAudiences.Example;
}

public static class ScenarioAudiences
{
    public const string Coach = "coach";
    public const string Supervisor = "werkbegeleider";
    public const string Example = "voorbeeld";
    public static readonly IReadOnlyList<string> All = [Coach, Supervisor, Example];
}

public static class ScenarioThemes
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["actief-luisteren"] = "Actief luisteren",
        ["waaromvraag"] = "De waaromvraag herformuleren",
        ["doorverwijzen"] = "Doorverwijzen",
        ["telefoon"] = "Informatie delen over de telefoon",
        ["werkbegeleiding"] = "Werkbegeleiding",
        ["begeleidingstraject"] = "Doelen kiezen, afsluiten en nazorg",
        ["samenwerken"] = "Samenwerken met andere diensten",
    };
}

public sealed record ScenarioPerson(string Id, string Name, string Role, string Description, IReadOnlyList<PersonState> States)
{
    public SourcePosition Position { get; init; } = new("", 1, 1);

    /// <summary>Where each field's value starts, by its Dutch key (see <see cref="ScenarioFieldPositions"/>); empty for scenarios built in code.</summary>
    public IReadOnlyDictionary<string, SourcePosition> FieldPositions { get; init; } = ScenarioFieldPositions.None;

    /// <summary>The position of a field's value, or <see cref="Position"/> when the field is absent.</summary>
    public SourcePosition PositionOf(string field) => FieldPositions.GetValueOrDefault(field, Position);
}

/// <summary>A value of a person that the coach's choices move, e.g. trust. Always kept between Min and Max.</summary>
public sealed record PersonState(string Id, string Name, int Start, int Min, int Max)
{
    public SourcePosition Position { get; init; } = new("", 1, 1);

    /// <summary>Where each field's value starts, by its Dutch key (see <see cref="ScenarioFieldPositions"/>); empty for scenarios built in code.</summary>
    public IReadOnlyDictionary<string, SourcePosition> FieldPositions { get; init; } = ScenarioFieldPositions.None;

    /// <summary>The position of a field's value, or <see cref="Position"/> when the field is absent.</summary>
    public SourcePosition PositionOf(string field) => FieldPositions.GetValueOrDefault(field, Position);
}

public sealed class ScenarioNode
{
    public required string Id { get; init; }

    /// <summary>A person id, or <see cref="Narrator"/> for stage directions only.</summary>
    public required string SpeakerId { get; init; }

    public required string Text { get; init; }
    public string? StageDirection { get; init; }

    /// <summary>What the person thinks but does not say; shown in the debrief only.</summary>
    public string? Thought { get; init; }

    public IReadOnlyList<ScenarioChoice> Choices { get; init; } = [];
    public ScenarioEnding? Ending { get; init; }
    public SourcePosition Position { get; init; } = new("", 1, 1);

    /// <summary>Where each field's value starts, by its Dutch key (see <see cref="ScenarioFieldPositions"/>); empty for scenarios built in code.</summary>
    public IReadOnlyDictionary<string, SourcePosition> FieldPositions { get; init; } = ScenarioFieldPositions.None;

    /// <summary>The position of a field's value, or <see cref="Position"/> when the field is absent.</summary>
    public SourcePosition PositionOf(string field) => FieldPositions.GetValueOrDefault(field, Position);

    public bool IsEnding => Ending is not null;

    public const string Narrator = "verteller";
}

public sealed record ScenarioChoice(
    string Text,
    string NextNodeId,
    IReadOnlyDictionary<string, int> Scores,
    IReadOnlyDictionary<string, int> StateChanges,
    string Feedback,
    IReadOnlyList<ContentReference> Links,
    string? ReflectionQuestion)
{
    /// <summary>Keys of <see cref="StateChanges"/> are "person.state".</summary>
    public SourcePosition Position { get; init; } = new("", 1, 1);

    /// <summary>Where each field's value starts, by its Dutch key (see <see cref="ScenarioFieldPositions"/>); empty for scenarios built in code.</summary>
    public IReadOnlyDictionary<string, SourcePosition> FieldPositions { get; init; } = ScenarioFieldPositions.None;

    /// <summary>The position of a field's value, or <see cref="Position"/> when the field is absent.</summary>
    public SourcePosition PositionOf(string field) => FieldPositions.GetValueOrDefault(field, Position);

    public int TotalScore => Scores.Values.Sum();
}

public enum ScenarioOutcome
{
    Passed,
    Partial,
    Failed,
}

public static class ScenarioOutcomes
{
    public static string ToSlug(this ScenarioOutcome outcome) => outcome switch
    {
        ScenarioOutcome.Passed => "geslaagd",
        ScenarioOutcome.Partial => "deels",
        _ => "niet-geslaagd",
    };

    public static string ToDutch(this ScenarioOutcome outcome) => outcome switch
    {
        ScenarioOutcome.Passed => "Geslaagd",
        ScenarioOutcome.Partial => "Deels geslaagd",
        _ => "Niet geslaagd",
    };

    public static bool TryParse(string? slug, out ScenarioOutcome outcome)
    {
        switch (slug)
        {
            case "geslaagd": outcome = ScenarioOutcome.Passed; return true;
            case "deels": outcome = ScenarioOutcome.Partial; return true;
            case "niet-geslaagd": outcome = ScenarioOutcome.Failed; return true;
            default: outcome = default; return false;
        }
    }
}

public sealed record ScenarioEnding(ScenarioOutcome Outcome, string Debrief);

/// <summary>Choices are 1-based choice numbers, one per decision node, as authors write them.</summary>
public sealed record TestPath(string Name, IReadOnlyList<int> Choices, string EndingId, IReadOnlyDictionary<string, int>? Scores)
{
    public SourcePosition Position { get; init; } = new("", 1, 1);

    /// <summary>Where each field's value starts, by its Dutch key (see <see cref="ScenarioFieldPositions"/>); empty for scenarios built in code.</summary>
    public IReadOnlyDictionary<string, SourcePosition> FieldPositions { get; init; } = ScenarioFieldPositions.None;

    /// <summary>The position of a field's value, or <see cref="Position"/> when the field is absent.</summary>
    public SourcePosition PositionOf(string field) => FieldPositions.GetValueOrDefault(field, Position);
}

/// <summary>
/// What the player of the other party in a live role-play gets for one person of the scenario (<c>rollen</c>): who they
/// are, what they want to know, what they must not be told without the client's consent, and what worries them. Their
/// line after each of the coach's options is the text of the node that option leads to.
/// </summary>
public sealed record RoleCard(string PersonId, string Who, string WantsToKnow, string NotWithoutConsent, string Worries)
{
    public SourcePosition Position { get; init; } = new("", 1, 1);

    /// <summary>Where each field's value starts, by its Dutch key (see <see cref="ScenarioFieldPositions"/>); empty for scenarios built in code.</summary>
    public IReadOnlyDictionary<string, SourcePosition> FieldPositions { get; init; } = ScenarioFieldPositions.None;

    /// <summary>The position of a field's value, or <see cref="Position"/> when the field is absent.</summary>
    public SourcePosition PositionOf(string field) => FieldPositions.GetValueOrDefault(field, Position);
}

/// <summary>One item of the observers' checklist (<c>observatie</c>): a step of the protocol, linked to the method's content.</summary>
public sealed record ObservationItem(string Id, string Text, IReadOnlyList<ContentReference> Links)
{
    public SourcePosition Position { get; init; } = new("", 1, 1);

    /// <summary>Where each field's value starts, by its Dutch key (see <see cref="ScenarioFieldPositions"/>); empty for scenarios built in code.</summary>
    public IReadOnlyDictionary<string, SourcePosition> FieldPositions { get; init; } = ScenarioFieldPositions.None;

    /// <summary>The position of a field's value, or <see cref="Position"/> when the field is absent.</summary>
    public SourcePosition PositionOf(string field) => FieldPositions.GetValueOrDefault(field, Position);
}

/// <summary>One competency from content/competenties.yml.</summary>
public sealed record Competency(string Id, string Name, string Group, ContentReference Link)
{
    public SourcePosition Position { get; init; } = new("", 1, 1);

    /// <summary>Where each field's value starts, by its Dutch key (see <see cref="ScenarioFieldPositions"/>); empty for scenarios built in code.</summary>
    public IReadOnlyDictionary<string, SourcePosition> FieldPositions { get; init; } = ScenarioFieldPositions.None;

    /// <summary>The position of a field's value, or <see cref="Position"/> when the field is absent.</summary>
    public SourcePosition PositionOf(string field) => FieldPositions.GetValueOrDefault(field, Position);
}

/// <summary>
/// Keys of the <c>FieldPositions</c> of the scenario model: the Dutch field name (<c>naar</c>, <c>tekst</c>, …), a list
/// element as <c>veld[i]</c> (0-based, e.g. <c>competenties[2]</c>, <c>keuzes[0]</c> of a test path), and a map entry's
/// key as <c>veld.sleutel</c> (e.g. <c>scores.parafraseren</c>, <c>toestand.sara.vertrouwen</c>, <c>einde.uitkomst</c>).
/// </summary>
public static class ScenarioFieldPositions
{
    public static IReadOnlyDictionary<string, SourcePosition> None { get; } = new Dictionary<string, SourcePosition>();

    public static string Item(string field, int index) => $"{field}[{index}]";

    public static string Entry(string field, string key) => $"{field}.{key}";
}
