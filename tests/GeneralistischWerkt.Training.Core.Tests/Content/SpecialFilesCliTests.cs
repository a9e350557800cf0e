using System.Diagnostics;
using GeneralistischWerkt.Training.Core.Tests.Scenarios;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

/// <summary>
/// The real <c>gwt check</c> in its own process (the build copies gwt.dll next to the tests) on a tree with every
/// kind of file it must not read. A process, not <c>Program.Run</c>: should a regression open the FIFO or read
/// /dev/zero, the process is killed after 30 s and the test fails, instead of the test run hanging or running
/// out of memory.
/// </summary>
public class SpecialFilesCliTests
{
    [Fact]
    public void Check_reports_each_special_file_once_and_checks_everything_else()
    {
        using var temp = new TempDirectory();
        using var elsewhere = new TempDirectory();
        TestPaths.CopyDirectory(TestPaths.ShippedContent, Path.Combine(temp.Path, "content"));
        var shippedFiles = Directory.GetFiles(Path.Combine(temp.Path, "content"), "*.md", SearchOption.AllDirectories)
            .Count(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase));
        var content = Path.Combine(temp.Path, "content");
        SpecialFiles.Fifo(Path.Combine(content, "pijp.md"));
        SpecialFiles.Link(Path.Combine(content, "nul.md"), "/dev/zero");
        SpecialFiles.Link(Path.Combine(content, "basishoudingen", "lus"), "../..");
        var outside = elsewhere.Write("buiten.md", "---\nid: buiten\n---\n");
        SpecialFiles.Link(Path.Combine(content, "buiten.md"), outside);
        temp.Write("content/groot.md", new string('x', 2 * 1024 * 1024 + 1));
        temp.Write("scenarios/goed.yml", File.ReadAllBytes(Path.Combine(ScenarioTestData.BrokenCorpus, "gwt300-onleesbaar", "scenarios", "goed.yml")));
        SpecialFiles.Fifo(Path.Combine(temp.Path, "scenarios", "pijp.yml"));
        SpecialFiles.Link(Path.Combine(temp.Path, "scenarios", "nul.yml"), "/dev/zero");
        SpecialFiles.Link(Path.Combine(temp.Path, "scenarios", "lus"), "..");
        temp.Write("scenarios/kennismaking.yaml", "id: kennismaking\n");

        var (exit, lines) = RunCheck(temp.Path);

        Assert.Equal(1, exit);
        var relevant = lines.Where(l => !l.StartsWith("scenarios/goed.yml", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            [
                "content/basishoudingen/lus:1:1: error GWT100: dit is een snelkoppeling naar een map; die wordt niet gevolgd (ze kan buiten content/ of in een kring wijzen): zet de bestanden zelf in content/",
                $"content/buiten.md:1:1: error GWT100: het bestand is een snelkoppeling naar {outside}, buiten de map die gelezen wordt; kopieer het bestand naar hier",
                "content/groot.md:1:1: error GWT100: het bestand is te groot (2048 KiB, maximaal 2048 KiB) voor een inhoudsbestand",
                "content/nul.md:1:1: error GWT100: het bestand is een snelkoppeling naar /dev/zero, buiten de map die gelezen wordt; kopieer het bestand naar hier",
                "content/pijp.md:1:1: error GWT100: het bestand kan niet gelezen worden: het is geen gewoon bestand maar een FIFO (named pipe)",
                $"content: {shippedFiles + 4} bestanden, 5 fouten, 0 waarschuwingen",
                "scenarios/kennismaking.yaml:1:1: error GWT314: dit bestand wordt niet gelezen: een scenario heet <id>.yml; hernoem het naar kennismaking.yml",
                "scenarios/lus:1:1: error GWT314: deze map wordt niet gelezen: scenario's staan rechtstreeks in scenarios/, niet in een submap",
                "scenarios/nul.yml:1:1: error GWT300: het bestand is een snelkoppeling naar /dev/zero, buiten de map die gelezen wordt; kopieer het bestand naar hier",
                "scenarios/pijp.yml:1:1: error GWT300: het bestand kan niet gelezen worden: het is geen gewoon bestand maar een FIFO (named pipe)",
                "scenarios/nul.yml: niet geladen (zie de fout hierboven)",
                "scenarios/pijp.yml: niet geladen (zie de fout hierboven)",
                "scenarios: 3 bestanden, 4 fouten, 0 waarschuwingen",
            ],
            relevant);
        // The good scenario next to them is still checked in full.
        Assert.Equal(
            ["scenarios/goed.yml: 1 beslisknoop, 2 eindes, max: parafraseren 1; geen testpaden (voorbeeld, niet in de catalogus)"],
            lines.Where(l => l.StartsWith("scenarios/goed.yml", StringComparison.Ordinal)));
    }

    /// <summary>Runs <c>dotnet gwt.dll check --root ROOT</c>; kills it and fails after 30 s.</summary>
    private static (int Exit, string[] Lines) RunCheck(string root)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "gwt.dll"), "check", "--root", root })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("gwt check did not finish within 30 s");
        }
        Assert.Equal("", errors.Result);
        return (process.ExitCode, output.Result.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray());
    }
}
