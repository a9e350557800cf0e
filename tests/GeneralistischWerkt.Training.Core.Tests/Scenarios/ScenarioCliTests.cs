using GeneralistischWerkt.Training.Cli;
using GeneralistischWerkt.Training.Core.Tests.Content;

namespace GeneralistischWerkt.Training.Core.Tests.Scenarios;

public class ScenarioCliTests
{
    private static (int Exit, string[] Lines, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = Program.Run(args, output, errors, Path.GetTempPath());
        var lines = output.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        return (exit, lines, errors.ToString());
    }

    [Fact]
    public void Check_prints_scenario_diagnostics_one_line_per_scenario_and_a_summary()
    {
        using var temp = new TempDirectory();
        TestPaths.CopyDirectory(TestPaths.ShippedContent, Path.Combine(temp.Path, "content"));
        var corpus = ScenarioTestData.BrokenCorpus;
        temp.Write("scenarios/goed.yml", File.ReadAllBytes(Path.Combine(corpus, "gwt300-onleesbaar", "scenarios", "goed.yml")));
        temp.Write("scenarios/kapot.yml", [0x00, 0x01]);
        temp.Write("scenarios/waarschuwingen.yml", File.ReadAllBytes(Path.Combine(corpus, "waarschuwingen", "scenarios", "waarschuwingen.yml")));
        temp.Write("scenarios/testpaden.yml", File.ReadAllBytes(Path.Combine(corpus, "gwt312-testpaden", "scenarios", "testpaden.yml")));

        var (exit, lines, errors) = Run("check", "--root", temp.Path);

        Assert.Equal(1, exit);
        Assert.Equal("", errors);
        var scenarioLines = lines.SkipWhile(l => !l.StartsWith("content: ", StringComparison.Ordinal)).Skip(1).ToArray();
        Assert.Matches(@"^content: \d+ bestanden, 0 fouten, 0 waarschuwingen$", lines.Single(l => l.StartsWith("content: ", StringComparison.Ordinal)));
        Assert.Equal(16, scenarioLines.Length);
        Assert.StartsWith("scenarios/kapot.yml:1:1: error GWT300: ", scenarioLines[0]);
        Assert.All(scenarioLines[1..8], l => Assert.Matches(@"^scenarios/testpaden\.yml:\d+:\d+: error GWT312: ", l));
        Assert.StartsWith("scenarios/waarschuwingen.yml:8:30: warning GWT351: ", scenarioLines[8]);
        Assert.StartsWith("scenarios/waarschuwingen.yml:20:13: warning GWT353: ", scenarioLines[9]);
        Assert.StartsWith("scenarios/waarschuwingen.yml:43:5: warning GWT352: ", scenarioLines[10]);
        Assert.Equal(
            [
                "scenarios/goed.yml: 1 beslisknoop, 2 eindes, max: parafraseren 1; geen testpaden (voorbeeld, niet in de catalogus)",
                "scenarios/kapot.yml: niet geladen (zie de fout hierboven)",
                "scenarios/testpaden.yml: niet speelbaar door 7 fouten; 2 beslisknopen, 2 eindes; testpaden 1/7 geslaagd (voorbeeld, niet in de catalogus)",
                "scenarios/waarschuwingen.yml: 2 beslisknopen, 2 eindes, max: parafraseren 2, samenvatten 0; geen testpaden (voorbeeld, niet in de catalogus)",
                "scenarios: 4 bestanden, 8 fouten, 3 waarschuwingen",
            ],
            scenarioLines[11..]);
    }

    [Fact]
    public void Only_errors_in_competenties_yml_also_fail_the_check()
    {
        using var temp = new TempDirectory();
        TestPaths.CopyDirectory(TestPaths.ShippedContent, Path.Combine(temp.Path, "content"));
        File.WriteAllText(Path.Combine(temp.Path, "content", "competenties.yml"), "competenties:\n  - { id: parafraseren, naam: P, groep: g, link: \"techniek:bestaat-niet\" }\n");
        Directory.CreateDirectory(Path.Combine(temp.Path, "scenarios"));

        var (exit, lines, _) = Run("check", "--root", temp.Path);

        Assert.Equal(1, exit);
        Assert.StartsWith("content/competenties.yml:2:50: error GWT320: ", lines[^2]);
        Assert.Equal("scenarios: 0 bestanden, 1 fout, 0 waarschuwingen", lines[^1]);
    }

    [Fact]
    public void Without_a_scenarios_folder_only_content_is_checked()
    {
        using var temp = new TempDirectory();
        temp.Write("content/goed.md", "---\nid: goed\ntitel: T\nsoort: thema\nsamenvatting: S\nlinks: []\n---\nTekst\n");

        var (exit, lines, _) = Run("check", "--root", temp.Path);

        Assert.Equal(0, exit);
        Assert.Equal(["content: 1 bestand, 0 fouten, 0 waarschuwingen"], lines);
    }

    [Fact]
    public void The_repository_check_reports_every_shipped_scenario()
    {
        var (exit, lines, errors) = Run("check", "--root", TestPaths.RepositoryRoot);

        Assert.Equal("", errors);
        Assert.Contains(lines, l => l.StartsWith("scenarios/voorbeeld-kennismaking.yml: 2 beslisknopen, 3 eindes, max: parafraseren 3, open-vragen 3, vertrouwensrelatie 1; testpaden 2/2 geslaagd", StringComparison.Ordinal));
        var summary = lines[^1];
        Assert.Matches(@"^scenarios: \d+ bestand(en)?, \d+ fout(en)?, \d+ waarschuwing(en)?$", summary);
        Assert.Equal(summary.Contains(" 0 fouten", StringComparison.Ordinal) ? 0 : 1, exit);
        var files = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "scenarios"), "*.yml").Length;
        Assert.StartsWith($"scenarios: {files} ", summary);
    }
}
