using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Loading;
using GeneralistischWerkt.Training.Core.Scenarios;
using GeneralistischWerkt.Training.Core.Tests.Scenarios;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

/// <summary>
/// The loaders read only regular files under their root, at most the size cap, whatever else lies there: a FIFO
/// (hung the loader), a link to /dev/zero (ran out of memory), a folder link in a circle (4 GB of paths), a link
/// to a file elsewhere. Each is one diagnostic and everything else still loads. Every test runs under a time guard.
/// </summary>
public class RegularFilesOnlyTests
{
    private const string Good = "---\nid: goed\ntitel: Goed\nsoort: thema\nsamenvatting: S\nlinks: []\n---\nTekst\n";

    private static ContentLoadResult LoadContent(string root) => SpecialFiles.Within(() => ContentLoader.Load(root));

    private static string[] Lines(IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(d => d.ToString()).ToArray();

    [Fact]
    public void A_fifo_is_reported_and_never_opened_and_the_rest_loads()
    {
        using var temp = new TempDirectory();
        temp.Write("goed.md", Good);
        SpecialFiles.Fifo(Path.Combine(temp.Path, "sub", "pijp.md"));

        var result = LoadContent(temp.Path);

        Assert.Equal(["sub/pijp.md:1:1: error GWT100: het bestand kan niet gelezen worden: het is geen gewoon bestand maar een FIFO (named pipe)"],
            Lines(result.Diagnostics));
        Assert.Equal("goed", Assert.Single(result.Library.Items).Id);
    }

    [Fact]
    public void A_fifo_with_another_extension_is_only_reported_as_not_read()
    {
        using var temp = new TempDirectory();
        temp.Write("goed.md", Good);
        SpecialFiles.Fifo(Path.Combine(temp.Path, "pijp"));

        var result = LoadContent(temp.Path);

        Assert.Equal("pijp:1:1: warning GWT206", Assert.Single(Lines(result.Diagnostics))[..24]);
        Assert.Single(result.Library.Items);
    }

    [Fact]
    public void A_link_to_dev_zero_is_reported_and_the_rest_loads()
    {
        using var temp = new TempDirectory();
        temp.Write("goed.md", Good);
        SpecialFiles.Link(Path.Combine(temp.Path, "nul.md"), "/dev/zero");

        var result = LoadContent(temp.Path);

        Assert.Equal(["nul.md:1:1: error GWT100: het bestand is een snelkoppeling naar /dev/zero, buiten de map die gelezen wordt; kopieer het bestand naar hier"],
            Lines(result.Diagnostics));
        Assert.Single(result.Library.Items);
    }

    [Fact]
    public void A_device_is_not_a_regular_file_even_inside_the_root()
    {
        var diagnostics = new List<Diagnostic>();

        var text = SpecialFiles.Within(() => StrictTextFile.Read("/dev/zero", "zero", "/dev", "GWT100", 1024, diagnostics));

        Assert.Null(text);
        Assert.Equal(["zero:1:1: error GWT100: het bestand kan niet gelezen worden: het is geen gewoon bestand maar een apparaatbestand"], Lines(diagnostics));
    }

    [Fact]
    public void Folder_links_are_never_followed_even_in_a_circle()
    {
        using var temp = new TempDirectory();
        temp.Write("goed.md", Good);
        temp.Write("sub/tweede.md", Good.Replace("id: goed", "id: tweede"));
        SpecialFiles.Link(Path.Combine(temp.Path, "lus"), "..");                  // leads out of the root (and back in)
        SpecialFiles.Link(Path.Combine(temp.Path, "sub", "terug"), "..");         // a circle inside the root
        SpecialFiles.Link(Path.Combine(temp.Path, "ook-sub"), "sub");             // harmless, but still not followed
        SpecialFiles.Link(Path.Combine(temp.Path, "zelf"), ".");                  // with the others: paths that branch at every level

        var result = LoadContent(temp.Path);

        Assert.Equal(["lus", "ook-sub", "sub/terug", "zelf"], result.Diagnostics.Select(d => d.File));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticCodes.UnreadableFile, d.Code));
        Assert.All(result.Diagnostics, d => Assert.StartsWith("dit is een snelkoppeling naar een map; die wordt niet gevolgd", d.Message));
        Assert.Equal(["goed.md", "sub/tweede.md"], result.Library.Items.Select(i => i.File));
    }

    [Fact]
    public void A_link_to_a_file_outside_the_root_is_reported_even_when_it_is_valid_content()
    {
        using var temp = new TempDirectory();
        using var elsewhere = new TempDirectory();
        var outside = elsewhere.Write("buiten.md", Good.Replace("id: goed", "id: buiten"));
        temp.Write("content/goed.md", Good);
        SpecialFiles.Link(Path.Combine(temp.Path, "content", "buiten.md"), outside);
        SpecialFiles.Link(Path.Combine(temp.Path, "content", "relatief.md"), "../naast.md");
        temp.Write("naast.md", Good.Replace("id: goed", "id: naast"));

        var result = LoadContent(Path.Combine(temp.Path, "content"));

        Assert.Equal(
            [
                $"buiten.md:1:1: error GWT100: het bestand is een snelkoppeling naar {outside}, buiten de map die gelezen wordt; kopieer het bestand naar hier",
                $"relatief.md:1:1: error GWT100: het bestand is een snelkoppeling naar {Path.Combine(temp.Path, "naast.md")}, buiten de map die gelezen wordt; kopieer het bestand naar hier",
            ],
            Lines(result.Diagnostics));
        Assert.Equal("goed", Assert.Single(result.Library.Items).Id);
    }

    [Fact]
    public void A_link_to_a_file_inside_the_root_is_read()
    {
        using var temp = new TempDirectory();
        temp.Write("sub/goed.md", Good);
        SpecialFiles.Link(Path.Combine(temp.Path, "alias.md"), "sub/goed.md");

        var result = LoadContent(temp.Path);

        // Read through the link: alias.md comes first in path order, so sub/goed.md has its id a second time.
        Assert.Equal(["alias.md:2:5: warning GWT201", "sub/goed.md:2:5: error GWT105"], Lines(result.Diagnostics).Select(l => l[..l.IndexOf(':', l.IndexOf("GWT", StringComparison.Ordinal))]));
        Assert.Equal("alias.md", Assert.Single(result.Library.Items).File);
    }

    [Fact]
    public void Links_in_a_circle_are_reported()
    {
        using var temp = new TempDirectory();
        temp.Write("goed.md", Good);
        SpecialFiles.Link(Path.Combine(temp.Path, "a.md"), "b.md");
        SpecialFiles.Link(Path.Combine(temp.Path, "b.md"), "a.md");

        var result = LoadContent(temp.Path);

        Assert.Equal(
            [
                "a.md:1:1: error GWT100: het bestand kan niet gelezen worden: het is een snelkoppeling die in een kring naar zichzelf wijst",
                "b.md:1:1: error GWT100: het bestand kan niet gelezen worden: het is een snelkoppeling die in een kring naar zichzelf wijst",
            ],
            Lines(result.Diagnostics));
        Assert.Single(result.Library.Items);
    }

    [Fact]
    public void A_content_file_over_the_cap_is_reported_and_the_rest_loads()
    {
        using var temp = new TempDirectory();
        temp.Write("goed.md", Good);
        temp.Write("groot.md", Good + new string('x', (int)(2 * 1024 * 1024 - Good.Length + 1)));

        var result = LoadContent(temp.Path);

        Assert.Equal(["groot.md:1:1: error GWT100: het bestand is te groot (2048 KiB, maximaal 2048 KiB) voor een inhoudsbestand"], Lines(result.Diagnostics));
        Assert.Single(result.Library.Items);
    }

    [Fact]
    public void A_file_reporting_size_zero_is_read_up_to_the_cap_not_trusted_to_be_empty()
    {
        // Files in /proc report size 0 but have content; so would a file that grows while it is read.
        var small = new List<Diagnostic>();
        var large = new List<Diagnostic>();

        var refused = SpecialFiles.Within(() => StrictTextFile.Read("/proc/self/maps", "maps", "/proc", "GWT100", 1024, small));
        var read = SpecialFiles.Within(() => StrictTextFile.Read("/proc/self/maps", "maps", "/proc", "GWT100", 64 * 1024 * 1024, large));

        Assert.Equal(0, new FileInfo("/proc/self/maps").Length);
        Assert.Null(refused);
        Assert.Equal(["maps:1:1: error GWT100: het bestand is te groot (meer dan 1 KiB, maximaal 1 KiB)"], Lines(small));
        Assert.Empty(large);
        Assert.True(read!.Length > 1024, $"{read.Length} characters");
    }

    [Fact]
    public void Scenarios_get_the_same_protection_and_the_rest_is_checked()
    {
        using var temp = new TempDirectory();
        temp.Write("scenarios/goed.yml", File.ReadAllBytes(Path.Combine(ScenarioTestData.BrokenCorpus, "gwt300-onleesbaar", "scenarios", "goed.yml")));
        SpecialFiles.Fifo(Path.Combine(temp.Path, "scenarios", "pijp.yml"));
        SpecialFiles.Link(Path.Combine(temp.Path, "scenarios", "nul.yml"), "/dev/zero");
        SpecialFiles.Link(Path.Combine(temp.Path, "scenarios", "lus"), "..");
        temp.Write("scenarios/kopie.yaml", "id: kopie\n");

        var result = SpecialFiles.Within(() => ScenarioLoader.Load(Path.Combine(temp.Path, "scenarios"), ScenarioTestData.ShippedCompetencies));

        Assert.Equal(
            [
                "scenarios/kopie.yaml:1:1: error GWT314: dit bestand wordt niet gelezen: een scenario heet <id>.yml; hernoem het naar kopie.yml",
                "scenarios/lus:1:1: error GWT314: deze map wordt niet gelezen: scenario's staan rechtstreeks in scenarios/, niet in een submap",
                "scenarios/nul.yml:1:1: error GWT300: het bestand is een snelkoppeling naar /dev/zero, buiten de map die gelezen wordt; kopieer het bestand naar hier",
                "scenarios/pijp.yml:1:1: error GWT300: het bestand kan niet gelezen worden: het is geen gewoon bestand maar een FIFO (named pipe)",
            ],
            Lines(result.Diagnostics));
        Assert.Equal("goed", Assert.Single(result.Scenarios).Id);
        Assert.Equal(["scenarios/goed.yml", "scenarios/nul.yml", "scenarios/pijp.yml"], result.Files);
    }

    [Fact]
    public void The_competency_list_is_read_only_when_it_is_a_regular_file_in_its_folder()
    {
        using var temp = new TempDirectory();
        SpecialFiles.Fifo(Path.Combine(temp.Path, "content", "competenties.yml"));
        var diagnostics = new List<Diagnostic>();

        var catalog = SpecialFiles.Within(() => CompetencyCatalog.Load(Path.Combine(temp.Path, "content", "competenties.yml"), "content/competenties.yml", diagnostics));

        Assert.False(catalog.IsLoaded);
        Assert.Equal(["content/competenties.yml:1:1: error GWT320: het bestand kan niet gelezen worden: het is geen gewoon bestand maar een FIFO (named pipe)"], Lines(diagnostics));
    }
}
