using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Loading;
using GeneralistischWerkt.Training.Core.Scenarios.Loading;
using static GeneralistischWerkt.Training.Core.Scenarios.ScenarioDiagnosticCodes;

namespace GeneralistischWerkt.Training.Core.Scenarios;

/// <summary>
/// The competencies scenarios may score on, from content/competenties.yml (a list <c>competenties</c> of
/// <c>{ id, naam, groep, link }</c>). Every problem in that file is reported as GWT320.
/// </summary>
public sealed class CompetencyCatalog
{
    private static readonly string[] TopFields = ["competenties"];
    private static readonly string[] EntryFields = ["id", "naam", "groep", "link"];

    private readonly Dictionary<string, Competency> byId;

    private CompetencyCatalog(IReadOnlyList<Competency> competencies, bool isLoaded)
    {
        Competencies = competencies;
        IsLoaded = isLoaded;
        byId = new Dictionary<string, Competency>(StringComparer.Ordinal);
        foreach (var competency in competencies) byId.TryAdd(competency.Id, competency);
    }

    /// <summary>No file: nothing is known, so nothing can be checked against it.</summary>
    public static CompetencyCatalog Missing { get; } = new([], isLoaded: false);

    /// <summary>The usable competencies, in file order (entries without a valid id are left out).</summary>
    public IReadOnlyList<Competency> Competencies { get; }

    /// <summary>False when the file is missing or can't be read as a list; scenarios' competencies are then not checked.</summary>
    public bool IsLoaded { get; }

    public Competency? Find(string id) => byId.GetValueOrDefault(id);

    public bool Contains(string id) => byId.ContainsKey(id);

    /// <summary>Reads the file at <paramref name="path"/>; <paramref name="file"/> is the path shown in diagnostics. Never throws.</summary>
    public static CompetencyCatalog Load(string path, string file, List<Diagnostic> diagnostics)
    {
        var start = new SourcePosition(file, 1, 1);
        try
        {
            if (!File.Exists(path))
            {
                diagnostics.Add(Diagnostic.Error(CompetencyList, start,
                    "het bestand met de competenties ontbreekt; scenario's kunnen dan op niets scoren"));
                return Missing;
            }
            // Its folder is the root it must stay in: a link to a competency list elsewhere is refused like any other.
            var root = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var text = StrictTextFile.Read(path, file, root, CompetencyList, ScenarioLoader.MaxFileBytes, diagnostics);
            return text is null ? Missing : Parse(text, file, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Add(Diagnostic.Error(CompetencyList, start,
                $"het bestand kon niet verwerkt worden ({e.GetType().Name}); meld dit aan de ontwikkelaars"));
            return Missing;
        }
    }

    /// <summary>Parses the text of competenties.yml. Never throws because of the text.</summary>
    public static CompetencyCatalog Parse(string text, string file, List<Diagnostic> diagnostics)
    {
        YamlValue? root;
        try
        {
            root = YamlTree.Parse(text, file, firstLine: 1, d => diagnostics.Add(d with { Code = CompetencyList }), "het bestand");
        }
        catch (YamlTreeException e)
        {
            diagnostics.Add(Diagnostic.Error(CompetencyList, e.Position, e.Message));
            return Missing;
        }
        if (root is not YamlMappingValue mapping)
        {
            diagnostics.Add(Diagnostic.Error(CompetencyList, root?.Position ?? new SourcePosition(file, 1, 1),
                "het bestand moet beginnen met 'competenties:' gevolgd door een lijst van { id, naam, groep, link }"));
            return Missing;
        }

        var top = new FieldReader(mapping, "", diagnostics, ScenarioFieldRules.Competencies);
        top.RejectUnknownKeys(TopFields);
        var list = top.List("competenties", required: true);
        if (list is null) return Missing;

        var competencies = new List<Competency>();
        var ids = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var items = top.Limit(list, "competenties", 1000);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not YamlMappingValue entry)
            {
                top.Error(CompetencyList, items[i].Position,
                    $"elke competentie is een verzameling velden {{ id, naam, groep, link }}, geen {items[i].Describe()}");
                continue;
            }
            var name = FieldReader.Peek(entry, "id") is { } peeked ? $"'{FieldReader.Shorten(peeked)}'" : (i + 1).ToString();
            var fields = top.Child(entry, $"in competentie {name}");
            fields.RejectUnknownKeys(EntryFields);
            var id = fields.Id("id", required: true);
            var displayName = fields.Text("naam", required: true) ?? "";
            var group = fields.Text("groep", required: true) ?? "";
            var link = ReadLink(fields);
            if (id is null) continue;
            if (ids.TryGetValue(id, out var first))
            {
                fields.Error(CompetencyList, fields.Positions["id"], $"competentie-id '{id}' staat al op regel {first.Line}");
                continue;
            }
            ids[id] = fields.Positions["id"];
            competencies.Add(new Competency(id, displayName, group, link ?? new ContentReference("", "", fields.At))
            {
                Position = entry.Position,
                FieldPositions = fields.Positions,
            });
        }
        return new CompetencyCatalog(competencies, isLoaded: true);
    }

    private static ContentReference? ReadLink(FieldReader fields)
    {
        var value = fields.Value("link", required: true);
        if (value is null) return null;
        if (value is YamlScalarValue { IsNull: false } scalar
            && ContentReference.TryParseTarget(scalar.Text.Trim(), out var kind, out var id))
        {
            return new ContentReference(kind, id, value.Position);
        }
        fields.Error(CompetencyList, value.Position,
            $"'link' heeft de vorm soort:id (bv. fiche:participatie), niet {fields.Show(value)}{fields.In}");
        return null;
    }

    /// <summary>GWT320 for every competency whose <c>link</c> doesn't resolve in <paramref name="library"/>.</summary>
    public IReadOnlyList<Diagnostic> CheckLinks(ContentLibrary library)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var competency in Competencies)
        {
            if (competency.Link.Kind.Length == 0) continue; // missing or malformed: already reported
            if (ContentValidator.ExplainLink(library, competency.Link) is { } problem)
            {
                diagnostics.Add(Diagnostic.Error(CompetencyList, competency.Link.Position,
                    $"de link van competentie '{competency.Id}' klopt niet: {problem}"));
            }
        }
        return diagnostics;
    }
}
