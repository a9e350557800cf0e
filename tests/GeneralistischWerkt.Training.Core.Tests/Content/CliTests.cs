using GeneralistischWerkt.Training.Cli;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

public class CliTests
{
    private static (int Exit, string Output, string Errors) Run(string currentDirectory, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = Program.Run(args, output, errors, currentDirectory);
        return (exit, output.ToString(), errors.ToString());
    }

    private static string ContentSummary(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("content: ", StringComparison.Ordinal));

    /// <summary>The content part of the check; whether the shipped scenarios pass is Scenarios/ShippedScenariosTests' job.</summary>
    [Fact]
    public void Check_of_the_repository_content_passes_with_a_dutch_summary()
    {
        var (exit, output, errors) = Run(Path.GetTempPath(), "check", "--root", TestPaths.RepositoryRoot);

        Assert.Equal("", errors);
        Assert.Matches(@"^content: \d+ bestanden, 0 fouten, \d+ waarschuwing(en)?$", ContentSummary(output));
        var last = output.TrimEnd().Split('\n')[^1].TrimEnd('\r');
        Assert.StartsWith("scenarios: ", last);
        Assert.Equal(last.Contains(" 0 fouten", StringComparison.Ordinal) ? 0 : 1, exit);
    }

    [Fact]
    public void Without_root_the_repository_is_found_from_a_subdirectory()
    {
        var (_, output, errors) = Run(Path.Combine(TestPaths.RepositoryRoot, "content", "basishoudingen"), "check");

        Assert.Equal("", errors);
        Assert.Matches(@"^content: \d+ bestanden, 0 fouten", ContentSummary(output));
        Assert.StartsWith("scenarios: ", output.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void Errors_are_printed_relative_to_the_root_and_give_exit_code_1()
    {
        using var temp = new TempDirectory();
        temp.Write("content/kapot.md", "geen front matter\n");
        temp.Write("content/goed.md", "---\nid: goed\ntitel: T\nsoort: thema\nsamenvatting: S\nlinks: []\nextra: x\n---\nTekst\n");

        var (exit, output, _) = Run(Path.GetTempPath(), "check", "--root", temp.Path);

        Assert.Equal(1, exit);
        var lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("content/goed.md:7:1: warning GWT200: ", lines[0]);
        Assert.StartsWith("content/kapot.md:1:1: error GWT101: ", lines[1]);
        Assert.Equal("content: 2 bestanden, 1 fout, 1 waarschuwing", lines[2]);
    }

    [Theory]
    [InlineData]
    [InlineData("controleer")]
    [InlineData("check", "--root")]
    [InlineData("check", "--wortel", "x")]
    [InlineData("check", "--root", "a", "--root", "b")]
    public void Bad_usage_prints_dutch_usage_and_gives_exit_code_2(params string[] args)
    {
        var (exit, _, errors) = Run(TestPaths.RepositoryRoot, args);

        Assert.Equal(2, exit);
        Assert.Contains("Gebruik: gwt check [--root MAP]", errors);
    }

    [Fact]
    public void A_root_without_content_is_bad_usage()
    {
        using var temp = new TempDirectory();
        Assert.Equal(2, Run(TestPaths.RepositoryRoot, "check", "--root", temp.Path).Exit);
        Assert.Equal(2, Run(TestPaths.RepositoryRoot, "check", "--root", Path.Combine(temp.Path, "nergens")).Exit);
    }

    [Fact]
    public void Help_is_not_an_error()
    {
        var (exit, output, _) = Run(TestPaths.RepositoryRoot, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Afsluitcode", output);
    }

    [Fact]
    public void The_summary_uses_singular_forms_for_one()
    {
        Assert.Equal("content: 1 bestand, 1 fout, 1 waarschuwing", Program.Summary("content", 1, 1, 1));
        Assert.Equal("content: 91 bestanden, 0 fouten, 2 waarschuwingen", Program.Summary("content", 91, 0, 2));
    }
}
