namespace GeneralistischWerkt.Training.Core.Content.Loading;

/// <summary>
/// Reads the <c>fasen</c> list of an intervisiemethode. A phase whose fields can't be read is reported and left out;
/// rules over the whole list (enough phases, unique ids) are the validator's (GWT113).
/// </summary>
internal static class MethodPhaseReader
{
    public const int MaxMinutes = 120;
    private static readonly string[] Keys = ["id", "naam", "doel", "minuten", "spreekt", "bijdrage"];

    public static IReadOnlyList<PeerReviewMethodPhase> Read(FieldReader fields, YamlSequenceValue list)
    {
        var phases = new List<PeerReviewMethodPhase>();
        var index = 0;
        foreach (var entry in fields.Limit(list, "fasen", 20))
        {
            index++;
            if (entry is not YamlMappingValue mapping)
            {
                fields.Error(DiagnosticCodes.InvalidValue, entry.Position,
                    $"fase {index} in 'fasen' moet velden hebben ({string.Join(", ", Keys)}), geen {entry.Describe()}");
                continue;
            }
            var context = $"in fase {index} van 'fasen'";
            var phase = fields.Child(mapping, context);
            var id = phase.Id("id", required: true);
            var name = phase.Text("naam", required: true);
            var purpose = phase.Text("doel", required: true);
            var minutes = phase.Integer("minuten", required: true, 1, MaxMinutes);
            var speakerText = phase.Text("spreekt", required: true);
            var kindText = phase.Text("bijdrage", required: true);
            phase.WarnAboutUnknownKeys(Keys, context);

            var speakerOk = PeerReviewTerms.TryParseSpeaker(speakerText, out var speaker);
            if (speakerText is { Length: > 0 } && !speakerOk)
                phase.Error(DiagnosticCodes.InvalidValue, phase.Positions["spreekt"],
                    $"onbekende waarde '{FieldReader.Shorten(speakerText)}' voor 'spreekt' {context}; kies uit {string.Join(", ", PeerReviewTerms.SpeakerSlugs)}");
            var kindOk = PeerReviewTerms.TryParseKind(kindText, out var kind);
            if (kindText is { Length: > 0 } && !kindOk)
                phase.Error(DiagnosticCodes.InvalidValue, phase.Positions["bijdrage"],
                    $"onbekende waarde '{FieldReader.Shorten(kindText)}' voor 'bijdrage' {context}; kies uit {string.Join(", ", PeerReviewTerms.KindSlugs)}");

            if (id is null || string.IsNullOrEmpty(name) || string.IsNullOrEmpty(purpose) || minutes is null || !speakerOk || !kindOk) continue;
            phases.Add(new PeerReviewMethodPhase(id, name, purpose, minutes.Value, speaker, kind, phase.At));
        }
        return phases;
    }
}
