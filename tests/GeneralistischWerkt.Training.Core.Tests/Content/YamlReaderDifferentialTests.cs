using System.Text;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Loading;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

/// <summary>
/// <see cref="BlockYamlReader"/> is a fast path next to YamlDotNet: for every text it accepts it must build exactly the
/// tree YamlDotNet builds (texts, styles, positions, duplicate-key messages). These tests compare the two on the shipped
/// files, on hand-written edge cases and on thousands of random mutations of shipped scenarios.
/// </summary>
public sealed class YamlReaderDifferentialTests
{
    private const string File = "t.yml";

    /// <summary>The tree as one line per node, with positions: equal strings mean equal trees.</summary>
    private static string Dump(YamlValue? value)
    {
        var sb = new StringBuilder();
        void Write(YamlValue? v, int depth)
        {
            sb.Append(' ', depth * 2);
            switch (v)
            {
                case null:
                    sb.Append("(geen)\n");
                    break;
                case YamlScalarValue s:
                    sb.Append($"{s.Position.Line}:{s.Position.Column} {(s.IsPlain ? "plain" : "quoted")} «{s.Text.Replace("\n", "\\n")}»\n");
                    break;
                case YamlSequenceValue q:
                    sb.Append($"{q.Position.Line}:{q.Position.Column} lijst\n");
                    foreach (var item in q.Items) Write(item, depth + 1);
                    break;
                case YamlMappingValue m:
                    sb.Append($"{m.Position.Line}:{m.Position.Column} velden\n");
                    foreach (var (key, keyPosition, item) in m.Entries)
                    {
                        sb.Append(' ', (depth + 1) * 2).Append($"{keyPosition.Line}:{keyPosition.Column} sleutel «{key}»\n");
                        Write(item, depth + 2);
                    }
                    break;
            }
        }
        Write(value, 0);
        return sb.ToString();
    }

    private sealed record Outcome(bool Accepted, string Tree, string Reports);

    private static Outcome Fast(string yaml, int firstLine = 1)
    {
        var reports = new List<Diagnostic>();
        var accepted = BlockYamlReader.TryRead(yaml, File, firstLine, reports.Add, out var root);
        Assert.True(accepted || reports.Count == 0, "a text the fast reader leaves must not have reported anything");
        return new Outcome(accepted, accepted ? Dump(root) : "", string.Join("\n", reports));
    }

    private static Outcome Reference(string yaml, int firstLine = 1)
    {
        var reports = new List<Diagnostic>();
        try
        {
            var root = YamlTree.ParseWithYamlDotNet(yaml.AsMemory(), File, firstLine, reports.Add, "het bestand");
            return new Outcome(true, Dump(root), string.Join("\n", reports));
        }
        catch (YamlTreeException e)
        {
            return new Outcome(false, $"fout op {e.Position.Line}:{e.Position.Column}: {e.Message}", "");
        }
    }

    /// <summary>Asserts the readers agree on <paramref name="yaml"/>; returns whether the fast reader took it.</summary>
    private static bool AssertAgree(string yaml, int firstLine = 1, string? name = null)
    {
        var fast = Fast(yaml, firstLine);
        if (!fast.Accepted) return false;
        var reference = Reference(yaml, firstLine);
        var label = name ?? "the text";
        Assert.True(reference.Accepted, $"the fast reader accepted {label}, YamlDotNet rejects it: {reference.Tree}\n--- text ---\n{yaml}");
        Assert.True(reference.Tree == fast.Tree, $"the trees differ for {label}\n--- YamlDotNet ---\n{reference.Tree}\n--- fast ---\n{fast.Tree}\n--- text ---\n{yaml}");
        Assert.Equal(reference.Reports, fast.Reports);
        return true;
    }

    public static TheoryData<string, string> SubsetCases() => new()
    {
        { "mapping", "id: a\ntitel: Een titel\nduur: 15\n" },
        { "nested", "a:\n  b: 1\n  c:\n    d: twee\ne: drie\n" },
        { "sequence under key, indented", "lijst:\n  - een\n  - twee\n" },
        { "sequence under key, same column", "lijst:\n- een\n- twee\nverder: ja\n" },
        { "mappings in a sequence", "knopen:\n  - id: begin\n    tekst: Hallo\n  - id: twee\n    keuzes:\n      - tekst: x\n        naar: y\n" },
        { "comments and blank lines", "# kop\n\nid: a # uitleg\n\n   # inspringend commentaar\nb: c#geen-commentaar\n" },
        { "double quoted", "a: \"Zeg \\\"hallo\\\" en \\\\ ook / \\/\"\nb: \"# geen commentaar: ja\"  # wel\n" },
        { "escapes", "a: \"een\\ntwee\\tdrie\"\n" },
        { "single quoted", "a: 'it''s ''goed'''\nb: ''\nc: \"\"\n" },
        { "folded", "a: >-\n  Een lange\n  tekst over\n\n  twee alinea's.\nb: 1\n" },
        { "folded clip", "a: >\n  Een\n  twee\nb: 1\n" },
        { "folded keep", "a: >+\n  Een\n  twee\n\n\nb: 1\n" },
        { "literal", "a: |\n  regel een\n  regel twee\n\n  na een lege regel\nb: |-\n  x\n" },
        { "literal keep", "a: |+\n  x\n\nb: 1\n" },
        { "block scalar in a sequence", "- >-\n  tekst in een lijst\n- ja\n" },
        { "block scalar with comment", "a: >- # uitleg\n  tekst\n" },
        { "flow sequence", "links: [ \"fiche:a\", 'b', c-d ]\nleeg: []\ngetallen: [1, 2, 3]\n" },
        { "flow mapping", "scores: { a: 1, b-c: -2, d.e: +3 }\nleeg: {}\ntekst: { a: \"x, y\" }\n" },
        { "plain with punctuation", "a: Hallo, zegt ze. (Ja!) [sic] 50% - of {niet}?\nb: -2\nc: -x\nd: a:b\ne: ~\nf: null\n" },
        { "duplicate keys", "a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\n" },
        { "duplicate keys in a big mapping", string.Concat(Enumerable.Range(0, 20).Select(i => $"k{i}: {i}\n")) + "k3: dubbel\n" },
        { "duplicate flow keys", "s: { a: 1, a: 2 }\n" },
        { "unicode", "naam: Cliënt één — «ja» ‘x’\n" },
        { "no final newline", "a: 1\nb: twee" },
        { "trailing spaces", "a: tekst   \nb: \"x\"   \n" },
        { "sequence of sequences in mappings", "a:\n  - b:\n      - 1\n      - 2\n    c: 3\n" },
        { "empty document", "# alleen commentaar\n\n" },
        { "spaces around values", "a:    ver weg   # uitleg\nb:   \"x\"   # uitleg\nlijst:\n  -    een\n  -   'twee'\n" },
        { "quotes inside plain text", "a: Zeg \"hallo\" en 't is goed\nb: 1.5\nc: +3\nd: 0x10\ne: 2026-11-23\n" },
        { "keep chomping at the end", "a: |+\n  x\n\n" },
        { "strip chomping at the end", "a: >-\n  x\n  y\n" },
        { "hash lines inside a literal block", "a: |\n  # geen commentaar\n  tekst\nb: 1\n" },
        { "comments between entries at any indentation", "a:\n  - b: 1\n# links\n        # rechts\n    c: 2\n  - d: 3\n" },
        { "quoted flow values with punctuation", "a: { b: \"x, y}\", c: 'z]' }\nd: [ \"[1]\", '{2}' ]\n" },
        { "deep nesting", "a:\n  b:\n    c:\n      d:\n        - e: 1\n          f: [1]\n" },
        { "folded block with blank lines in between", "a: >\n  een\n\n\n  twee\n  drie\nb: 1\n" },
    };

    [Theory]
    [MemberData(nameof(SubsetCases))]
    public void Agrees_with_YamlDotNet_and_reads_the_subset_itself(string name, string yaml)
    {
        Assert.True(AssertAgree(yaml, name: name), $"the fast reader should read '{name}' itself");
        Assert.True(AssertAgree(yaml, firstLine: 7, name: name), $"the fast reader should read '{name}' itself (offset lines)");
    }

    public static TheoryData<string, string> OutsideCases() => new()
    {
        { "anchor and alias", "a: &x 1\nb: *x\n" },
        { "tag", "a: !!str 1\n" },
        { "multi-line plain", "a: een\n  twee\n" },
        { "multi-line double quoted", "a: \"een\n  twee\"\n" },
        { "multi-line flow", "a: [een,\n  twee]\n" },
        { "nested flow", "a: [[1], 2]\n" },
        { "empty value", "a:\nb: 1\n" },
        { "quoted key", "\"a\": 1\n" },
        { "tab", "a:\tb\n" },
        { "carriage return", "a: b\r\nc: d\r\n" },
        { "document marker", "---\na: 1\n" },
        { "two documents", "a: 1\n---\nb: 2\n" },
        { "directive", "%YAML 1.2\n---\na: 1\n" },
        { "indentation indicator", "a: |2\n   x\n" },
        { "more indented folded line", "a: >\n  een\n    twee\n  drie\n" },
        { "leading blank line in block scalar", "a: |\n\n  x\n" },
        { "mapping in a value", "a: b: c\n" },
        { "colon at the end", "a: hallo:\n" },
        { "bad indentation", "a:\n  b: 1\n c: 2\n" },
        { "root scalar", "gewoon tekst\n" },
        { "unclosed quote", "a: \"open\n" },
        { "unknown escape", "a: \"\\x41\"\n" },
        { "explicit key", "? a\n: b\n" },
        { "inline nested sequence", "- - a\n  - b\n" },
        { "root indented", "  a: 1\n" },
        { "trailing comma", "a: [1, 2, ]\n" },
        { "surrogate pair", "a: 😀\n" },
        { "next line (YAML 1.1 line break)", "a: een\u0085b: twee\n" },
        { "line separator", "a: een\u2028twee\n" },
        { "byte order mark inside", "a: \uFEFFx\n" },
        { "control character", "a: b\u0007\n" },
        { "C1 control character", "a: b\u009B\n" },
    };

    [Theory]
    [MemberData(nameof(OutsideCases))]
    public void Leaves_what_is_outside_the_subset_to_YamlDotNet(string name, string yaml)
    {
        Assert.False(Fast(yaml).Accepted, $"the fast reader should leave '{name}' to YamlDotNet");
    }

    [Fact]
    public void The_public_parse_still_reports_errors_through_YamlDotNet()
    {
        var e = Assert.Throws<YamlTreeException>(() => YamlTree.Parse("a: \"open\nb: 1\n", File, 1, _ => { }, "het bestand"));
        Assert.Equal(1, e.Position.Line);
        Assert.Contains("aanhalingstekens", e.Message);
    }

    private static IEnumerable<(string Name, string Yaml, int FirstLine)> ShippedYaml()
    {
        var root = TestPaths.RepositoryRoot;
        foreach (var path in Directory.GetFiles(Path.Combine(root, "scenarios"), "*.yml").Order())
        {
            yield return (Path.GetRelativePath(root, path), System.IO.File.ReadAllText(path), 1);
        }
        yield return ("content/competenties.yml", System.IO.File.ReadAllText(Path.Combine(root, "content", "competenties.yml")), 1);
        foreach (var path in Directory.GetFiles(Path.Combine(root, "content"), "*.md", SearchOption.AllDirectories).Order())
        {
            var lines = System.IO.File.ReadAllText(path).Split('\n');
            if (lines[0].TrimEnd('\r') != "---") continue;
            var close = Array.FindIndex(lines, 1, l => l.TrimEnd('\r') == "---");
            if (close < 0) continue;
            yield return (Path.GetRelativePath(root, path), string.Join('\n', lines, 1, close - 1), 2);
        }
    }

    [Fact]
    public void Agrees_on_every_shipped_file_and_reads_every_scenario_itself()
    {
        var left = new List<string>();
        var count = 0;
        foreach (var (name, yaml, firstLine) in ShippedYaml())
        {
            count++;
            if (!AssertAgree(yaml, firstLine, name) && name.EndsWith(".yml", StringComparison.Ordinal)) left.Add(name);
        }
        Assert.True(count > 90, $"only {count} shipped YAML texts found");
        // The scenario files are what the benchmark reads: each must take the fast path.
        Assert.Empty(left);
    }

    [Fact]
    public void Agrees_on_every_corpus_file()
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var count = 0;
        foreach (var path in Directory.GetFiles(corpus, "*.yml", SearchOption.AllDirectories).Order())
        {
            count++;
            AssertAgree(System.IO.File.ReadAllText(path), 1, path);
        }
        Assert.True(count > 20, $"only {count} corpus files found");
    }

    [Fact]
    public void Agrees_on_random_mutations_of_the_shipped_scenarios()
    {
        var texts = ShippedYaml().Where(t => t.Name.StartsWith("scenarios", StringComparison.Ordinal)).Select(t => t.Yaml).ToArray();
        var random = new Random(20261123);
        string[] inserts = [":", ": ", "#", " #", "\"", "'", "-", "- ", " ", "  ", "\n", "\n  ", "[", "]", "{", "}", ",", "|", ">", "\\", "&", "*", "!", "x: y", "\n- ", "é"];
        var (accepted, total) = (0, 0);
        for (var i = 0; i < 10000; i++)
        {
            var source = texts[random.Next(texts.Length)];
            // A window of the file keeps each comparison quick: from a random line, as long as lines are indented at
            // least as deep, moved to the left so that it is a document of its own.
            var lines = source.Split('\n');
            var first = random.Next(lines.Length);
            var depth = lines[first].Length - lines[first].TrimStart(' ').Length;
            var text = new StringBuilder();
            for (var l = first; l < lines.Length && text.Length < 600 + random.Next(1200); l++)
            {
                var line = lines[l];
                if (line.Trim().Length > 0 && line.Length - line.TrimStart(' ').Length < depth) break;
                text.Append(line.Length >= depth ? line[depth..] : "").Append('\n');
            }
            var edits = 1 + random.Next(3);
            for (var e = 0; e < edits && text.Length > 0; e++)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0: text.Remove(at, Math.Min(1 + random.Next(3), text.Length - at)); break;
                    case 1: text.Insert(at, inserts[random.Next(inserts.Length)]); break;
                    case 2: text[at] = inserts[random.Next(inserts.Length)][0]; break;
                    default:
                        // Change a line's indentation.
                        var lineStart = text.ToString().LastIndexOf('\n', at) + 1;
                        if (random.Next(2) == 0) text.Insert(lineStart, " ");
                        else if (lineStart < text.Length && text[lineStart] == ' ') text.Remove(lineStart, 1);
                        break;
                }
            }
            total++;
            if (AssertAgree(text.ToString(), 1, $"mutation {i}")) accepted++;
        }
        // Most mutations stay within the subset, so the comparison is not vacuous.
        Assert.True(accepted > total / 5, $"only {accepted} of {total} mutated texts took the fast path");
    }
}
