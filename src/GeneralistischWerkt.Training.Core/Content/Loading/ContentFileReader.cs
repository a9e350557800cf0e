using GeneralistischWerkt.Training.Core.Content.Markdown;
using Markdig.Syntax;

namespace GeneralistischWerkt.Training.Core.Content.Loading;

/// <summary>Turns one content file into a <see cref="ContentItem"/> plus diagnostics. Never throws for bad input.</summary>
internal static class ContentFileReader
{
    /// <summary>Content files are prose; anything larger is almost certainly not a content file.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    private static readonly string[] CommonFields = ["id", "titel", "soort", "samenvatting", "links"];

    private static readonly Dictionary<ContentKind, string[]> ExtraFields = new()
    {
        [ContentKind.CoreAttitude] = ["nummer"],
        [ContentKind.Technique] = [],
        [ContentKind.QuestionType] = [],
        [ContentKind.LifeDomain] = ["nummer"],
        [ContentKind.Phase] = ["nummer", "instrumenten"],
        [ContentKind.Instrument] = ["fasen", "vervolg"],
        [ContentKind.Theme] = [],
        [ContentKind.Source] = [],
        [ContentKind.Module] = ["nummer", "lessen"],
        [ContentKind.Lesson] = ["module", "checks"],
        [ContentKind.PeerReviewMethod] = ["fasen"],
    };

    /// <param name="root">The content root: the file must be inside it.</param>
    public static ContentItem? Read(string fullPath, string relativePath, string root, List<Diagnostic> diagnostics)
    {
        var text = StrictTextFile.Read(fullPath, relativePath, root, DiagnosticCodes.UnreadableFile, MaxFileBytes, diagnostics, fileKind: "een inhoudsbestand");
        return text is null ? null : Parse(text, relativePath, diagnostics);
    }

    internal static ContentItem? Parse(string text, string file, List<Diagnostic> diagnostics)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].EndsWith('\r')) lines[i] = lines[i][..^1];
        }

        if (lines[0].TrimEnd() != "---")
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FrontMatterMissing, new SourcePosition(file, 1, 1),
                "front matter ontbreekt: het bestand moet beginnen met een regel '---', dan de velden (id, titel, soort, …) en weer een regel '---'"));
            return null;
        }
        var close = -1;
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() == "---")
            {
                close = i;
                break;
            }
        }
        if (close < 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FrontMatterMissing, new SourcePosition(file, 1, 1),
                "de front matter die hier begint wordt nooit afgesloten met een regel '---'"));
            return null;
        }

        var yaml = string.Join('\n', lines, 1, close - 1);
        YamlValue? root;
        var yamlDiagnostics = new List<Diagnostic>();
        try
        {
            root = YamlTree.Parse(yaml, file, firstLine: 2, yamlDiagnostics.Add);
        }
        catch (YamlTreeException e)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, e.Position, e.Message));
            return null;
        }
        diagnostics.AddRange(yamlDiagnostics);

        var mapping = root switch
        {
            null => new YamlMappingValue { Position = new SourcePosition(file, 1, 1) },
            YamlMappingValue m => m,
            _ => null,
        };
        if (mapping is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, root!.Position,
                $"de front matter moet uit velden bestaan ('naam: waarde'), niet uit een {root.Describe()}"));
            return null;
        }

        var body = close + 1 < lines.Length ? string.Join('\n', lines, close + 1, lines.Length - close - 1) : "";
        return BuildItem(mapping, body, bodyLine: close + 2, file, diagnostics);
    }

    private static ContentItem? BuildItem(YamlMappingValue mapping, string body, int bodyLine, string file, List<Diagnostic> diagnostics)
    {
        var fields = new FieldReader(mapping, "", diagnostics, FieldRules.Content);

        var id = fields.Id("id", required: true);
        var title = fields.Text("titel", required: true) ?? "";
        var kindText = fields.Text("soort", required: true);
        ContentKind kind = default;
        var kindKnown = kindText is not null && ContentKinds.TryParse(kindText, out kind);
        if (kindText is { Length: > 0 } && !kindKnown)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, fields.Positions["soort"],
                $"onbekende soort '{FieldReader.Shorten(kindText)}'; kies uit {string.Join(", ", ContentKinds.Slugs)}"));
        }
        var summary = fields.Text("samenvatting", required: true) ?? "";
        var links = fields.References("links", required: true, onlyKind: null);

        if (!kindKnown)
        {
            fields.WarnAboutUnknownKeys(CommonFields.Concat(ExtraFields.Values.SelectMany(v => v)).Distinct().ToArray(), "in de front matter");
            return null;
        }

        fields.WarnAboutUnknownKeys(CommonFields.Concat(ExtraFields[kind]).ToArray(), $"voor soort {kind.ToSlug()}");

        int? number = kind switch
        {
            ContentKind.CoreAttitude => fields.Integer("nummer", required: true, 1, 8),
            ContentKind.LifeDomain => fields.Integer("nummer", required: true, 1, 10),
            ContentKind.Phase => fields.Integer("nummer", required: true, 1, 6),
            ContentKind.Module => fields.Integer("nummer", required: true, 1, int.MaxValue),
            _ => null,
        };

        IReadOnlyList<ContentReference> instruments = [], phases = [], lessons = [];
        IReadOnlyList<KnowledgeCheck> checks = [];
        IReadOnlyList<PeerReviewMethodPhase> methodPhases = [];
        ContentReference? followUp = null;
        string? moduleId = null;
        switch (kind)
        {
            case ContentKind.Phase:
                instruments = fields.References("instrumenten", required: true, ContentKind.Instrument);
                break;
            case ContentKind.Instrument:
                phases = fields.References("fasen", required: true, ContentKind.Phase);
                followUp = fields.SingleReference("vervolg", required: false, ContentKind.Instrument);
                break;
            case ContentKind.Module:
                lessons = fields.References("lessen", required: true, ContentKind.Lesson);
                break;
            case ContentKind.Lesson:
                moduleId = fields.Id("module", required: true);
                var checkList = fields.List("checks", required: true);
                checks = checkList is null ? [] : CheckReader.Read(checkList, file, diagnostics);
                break;
            case ContentKind.PeerReviewMethod:
                var phaseList = fields.List("fasen", required: true);
                methodPhases = phaseList is null ? [] : MethodPhaseReader.Read(fields, phaseList);
                break;
        }

        if (id is null) return null;

        if (AnalyseBody(body, bodyLine, file, diagnostics) is not { } analysed) return null;
        var (introduction, sections, bodyLinks, malformed) = analysed;
        return new ContentItem
        {
            Id = id,
            Title = title,
            Kind = kind,
            Summary = summary,
            Links = links,
            Number = number,
            Body = body,
            BodyLine = bodyLine,
            Introduction = introduction,
            Sections = sections,
            BodyLinks = bodyLinks,
            MalformedBodyLinks = malformed,
            Instruments = instruments,
            Phases = phases,
            FollowUp = followUp,
            Lessons = lessons,
            ModuleId = moduleId,
            Checks = checks,
            MethodPhases = methodPhases,
            File = file,
            FieldPositions = new Dictionary<string, SourcePosition>(fields.Positions),
        };
    }

    /// <summary>
    /// Splits the body into level-2 sections and collects its internal links, using the same Markdown parser as rendering.
    /// A body nested deeper than the renderer allows is an error (GWT112) and leaves the item out: the app would only
    /// show the excess as text.
    /// </summary>
    private static (string Introduction, IReadOnlyList<ContentSection> Sections, IReadOnlyList<ContentReference> Links, IReadOnlyList<ContentReference> Malformed)?
        AnalyseBody(string body, int bodyLine, string file, List<Diagnostic> diagnostics)
    {
        MarkdownNesting.Limit(body, out var cut);
        if (cut is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NestingTooDeep, new SourcePosition(file, bodyLine + cut.Line - 1, cut.Column),
                $"de Markdown is hier te diep genest ('{cut.Marker}'): hoogstens {MarkdownNesting.MaxBlockDepth / 2} lijsten of " +
                $"{MarkdownNesting.MaxBlockDepth} citaten in elkaar, en hoogstens {MarkdownNesting.MaxInlineDepth} open '[' of nadruk-tekens " +
                "('*', '_') in een alinea; schrijf '\\' voor een teken dat als tekst bedoeld is"));
            return null;
        }
        if (ContentMarkdown.TryParse(body, out _) is not { } document)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NestingTooDeep, new SourcePosition(file, bodyLine, 1),
                "de Markdown van de tekst kan niet verwerkt worden; vereenvoudig de opmaak (minder lagen lijsten, citaten, haken of nadruk)"));
            return null;
        }
        var lines = body.Split('\n');
        var lineStarts = new List<int>(lines.Length) { 0 };
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\n') lineStarts.Add(i + 1);
        }
        int LineOf(int offset)
        {
            var index = lineStarts.BinarySearch(offset);
            return index >= 0 ? index : ~index - 1;
        }

        var headings = document.OfType<HeadingBlock>().Where(h => h.Level == 2).ToList();
        // Markdig puts a setext heading's Line on its underline, so use the source span for both ends.
        var headingStarts = headings.Select(h => LineOf(h.Span.Start)).ToList();
        var sections = new List<ContentSection>(headings.Count);
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            var contentStart = Math.Max(headingStarts[i], LineOf(heading.Span.End)) + 1;
            var contentEnd = i + 1 < headings.Count ? headingStarts[i + 1] : lines.Length;
            sections.Add(new ContentSection(
                ContentMarkdown.PlainText(heading.Inline),
                JoinLines(lines, contentStart, contentEnd),
                new SourcePosition(file, bodyLine + headingStarts[i], heading.Span.Start - lineStarts[headingStarts[i]] + 1)));
        }
        var introduction = JoinLines(lines, 0, headings.Count > 0 ? headingStarts[0] : lines.Length);

        var links = new List<ContentReference>();
        var malformed = new List<ContentReference>();
        foreach (var link in document.Descendants<WikiLinkInline>())
        {
            var position = new SourcePosition(file, bodyLine + link.Line, link.Column + 1);
            if (ContentReference.TryParseTarget(link.Target, out var kind, out var id))
            {
                links.Add(new ContentReference(kind, id, position, link.Label));
            }
            else
            {
                malformed.Add(new ContentReference("", link.Target, position, link.Label));
            }
        }
        return (introduction, sections, links, malformed);
    }

    private static string JoinLines(string[] lines, int from, int to)
    {
        from = Math.Clamp(from, 0, lines.Length);
        to = Math.Clamp(to, from, lines.Length);
        return string.Join('\n', lines, from, to - from).Trim('\n', '\r');
    }
}
