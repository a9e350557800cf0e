using System.Reflection;
using GeneralistischWerkt.Training.Core.Content;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

/// <summary>
/// Every folder under Corpus/broken is a content root with deliberate mistakes. The table lists exactly which
/// diagnostics each folder must produce, with exact positions; nothing more, nothing less.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "gwt100-onleesbaar", [
            "binair.md:3:1: error GWT100",
            "latin1.md:3:11: error GWT100",
        ] },
        { "gwt101-front-matter", [
            "open.md:1:1: error GWT101",
            "zonder.md:1:1: error GWT101",
        ] },
        { "gwt102-yaml", [
            "aanhalingsteken.md:3:8: error GWT102",
            "dubbele-punt.md:5:21: error GWT102",
            "haakje.md:6:8: error GWT102",
            "tab.md:4:1: error GWT102",
        ] },
        { "gwt103-ontbrekend", [
            "zonder-id.md:2:1: error GWT103",
            "zonder-nummer.md:2:1: error GWT103",
            "zonder-titel.md:2:1: error GWT103",
        ] },
        { "gwt104-waarde", [
            "lijst-als-titel.md:3:8: error GWT104",
            "lijst-als-titel.md:6:8: error GWT104",
            "nummer-tekst.md:5:9: error GWT104",
            "nummer-tekst.md:7:9: error GWT104",
            "nummer-tekst.md:7:23: error GWT104",
            "onbekende-soort.md:4:8: error GWT104",
            "slechte-id.md:2:5: error GWT104",
        ] },
        { "gwt105-dubbel", [
            "b/dubbel.md:2:5: error GWT105",
        ] },
        { "gwt106-links", [
            "links.md:6:21: error GWT106",
            "links.md:6:32: error GWT106",
            "links.md:11:17: error GWT106",
            "links.md:12:20: error GWT106",
            "links.md:14:17: error GWT106",
            "links.md:14:52: error GWT106",
        ] },
        { "gwt107-secties", [
            "spiegelen.md:8:1: error GWT107",
            "welzijnspop.md:9:1: error GWT107",
            "welzijnspop.md:9:1: error GWT107",
        ] },
        { "gwt108-modules", [
            "leeg.md:8:9: error GWT108",
            "les-andere-module.md:5:9: error GWT108",
            "les-niet-vermeld.md:5:9: error GWT108",
            "les-onbekende-module.md:5:9: error GWT108",
            "les-zonder-checks.md:8:9: error GWT108",
            "mod.md:8:45: error GWT108",
        ] },
        { "gwt109-checks", [
            "les-checks.md:13:7: error GWT109",
            "les-checks.md:15:9: error GWT109",
            "les-checks.md:17:5: error GWT109",
            "les-checks.md:20:12: error GWT109",
            "les-checks.md:25:7: error GWT109",
            "les-checks.md:25:9: error GWT109",
        ] },
        { "gwt110-leeg", [
            "lege-samenvatting.md:5:15: error GWT110",
            "lege-sectie.md:11:1: error GWT110",
            "lege-tekst.md:8:1: error GWT110",
        ] },
        { "gwt111-check-id", [
            "les-dubbel.md:19:9: error GWT111",
        ] },
        { "gwt112-nesting", [
            "citaten.md:8:65: error GWT112",
            "haken.md:10:39: error GWT112",
            "lijsten.md:24:33: error GWT112",
            "nadruk.md:8:103: error GWT112",
        ] },
        { "gwt113-methode", [
            "een-fase.md:8:3: error GWT113",
            "te-lang.md:8:3: warning GWT207",
        ] },
        { "gwt206-andere-bestanden", [
            // README.md (in any folder) is documentation and competenties.yml at the root is for scenarios: not reported.
            "notities.txt:1:1: warning GWT206",
            "sub/competenties.yml:1:1: warning GWT206",
            "sub/markdown.markdown:1:1: warning GWT206",
        ] },
        { "waarschuwingen", [
            "andere-naam.md:2:5: warning GWT201",
            "eerste-fase.md:6:16: warning GWT205",
            "eerste-fase.md:15:1: warning GWT204",
            "fiche-een.md:10:1: warning GWT202",
            "fiche-twee.md:5:9: warning GWT203",
            "tikfout.md:7:1: warning GWT200",
        ] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Folder_produces_exactly_the_expected_diagnostics(string folder, string[] expected)
    {
        var result = ContentValidator.Check(Path.Combine(TestPaths.BrokenCorpus, folder));

        var actual = result.Diagnostics
            .Select(d => $"{d.File}:{d.Line}:{d.Column}: {(d.IsError ? "error" : "warning")} {d.Code}")
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal).ToArray(), actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_diagnostic_formats_as_path_line_column_severity_code_and_a_dutch_message(string folder, string[] expected)
    {
        var result = ContentValidator.Check(Path.Combine(TestPaths.BrokenCorpus, folder));

        Assert.Equal(expected.Length, result.Diagnostics.Count);
        foreach (var diagnostic in result.Diagnostics)
        {
            var text = diagnostic.ToString();
            Assert.Matches(@"^[^:]+\.(md|txt|yml|markdown):\d+:\d+: (error|warning) GWT\d{3}: \S.*$", text);
            Assert.False(text.Contains('\n'), text);
        }
    }

    [Fact]
    public void Every_code_has_a_corpus_case()
    {
        var covered = Cases.Select(row => (string[])row[1]).SelectMany(lines => lines)
            .Select(line => line.Split(' ')[^1])
            .ToHashSet();
        var uncovered = AllCodes().Where(code => !covered.Contains(code)).ToList();
        Assert.True(uncovered.Count == 0, "no corpus case for " + string.Join(", ", uncovered));
    }

    [Fact]
    public void Every_code_is_documented_in_the_content_readme()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.ShippedContent, "README.md"));
        var undocumented = AllCodes().Where(code => !readme.Contains($"| `{code}` |", StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, "not in content/README.md: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Paths_can_be_prefixed_in_locations_and_messages()
    {
        var result = ContentValidator.Check(Path.Combine(TestPaths.BrokenCorpus, "gwt105-dubbel"), pathPrefix: "content/");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.StartsWith("content/b/dubbel.md:2:5: error GWT105: ", diagnostic.ToString());
        Assert.Contains("content/a/dubbel.md:2", diagnostic.Message);
    }

    [Fact]
    public void Broken_files_are_left_out_but_the_rest_loads()
    {
        var result = ContentValidator.Check(Path.Combine(TestPaths.BrokenCorpus, "gwt100-onleesbaar"));

        Assert.Equal(3, result.FileCount);
        var item = Assert.Single(result.Library.Items);
        Assert.Equal("goed", item.Id);
    }

    private static IEnumerable<string> AllCodes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);
}
