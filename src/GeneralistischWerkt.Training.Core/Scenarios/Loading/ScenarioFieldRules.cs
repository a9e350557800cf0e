using GeneralistischWerkt.Training.Core.Content.Loading;
using static GeneralistischWerkt.Training.Core.Scenarios.ScenarioDiagnosticCodes;

namespace GeneralistischWerkt.Training.Core.Scenarios.Loading;

/// <summary>The <see cref="FieldRules"/> for scenario files and for competenties.yml.</summary>
internal static class ScenarioFieldRules
{
    /// <summary>Scenarios have no code of their own for an unknown field: it is an invalid value (GWT302).</summary>
    public static FieldRules Scenario { get; } =
        new(FieldConventions.ScenarioFile, MissingField, InvalidValue, EmptyText, Unknown: InvalidValue);

    /// <summary>Every problem in competenties.yml is GWT320, so one code points authors at that one file.</summary>
    public static FieldRules Competencies { get; } =
        new(FieldConventions.ScenarioFile, CompetencyList, CompetencyList, CompetencyList, CompetencyList);
}
