using System.Text;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Content.Markdown;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

/// <summary>The loader must never throw because of a file: whatever is in it becomes a diagnostic.</summary>
public class ContentLoaderRobustnessTests
{
    [Fact]
    public void Random_bytes_become_diagnostics_not_exceptions()
    {
        using var temp = new TempDirectory();
        var random = new Random(20251123);
        for (var i = 0; i < 60; i++)
        {
            var bytes = new byte[random.Next(0, 4000)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length > 4) "---\n"u8.CopyTo(bytes); // sometimes look like front matter
            temp.Write($"willekeurig-{i}.md", bytes);
        }

        var result = ContentValidator.Check(temp.Path);

        Assert.Equal(60, result.FileCount);
        Assert.True(result.ErrorCount >= 60);
        Assert.All(result.Diagnostics, d => Assert.StartsWith("willekeurig-", d.File));
    }

    [Fact]
    public void A_binary_file_is_reported_at_its_first_nul_byte()
    {
        using var temp = new TempDirectory();
        temp.Write("plaatje.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);

        var diagnostic = Assert.Single(ContentLoader.Load(temp.Path).Diagnostics);

        Assert.Equal("GWT100", diagnostic.Code);
        Assert.Equal("plaatje.md", diagnostic.File);
        Assert.Equal((3, 1), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void A_dangling_symbolic_link_is_an_unreadable_file()
    {
        using var temp = new TempDirectory();
        try
        {
            File.CreateSymbolicLink(Path.Combine(temp.Path, "kapot.md"), Path.Combine(temp.Path, "bestaat-niet.md"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return; // this platform or account can't make symbolic links
        }

        var result = ContentLoader.Load(temp.Path);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("kapot.md:1:1: error GWT100", $"{diagnostic.File}:{diagnostic.Line}:{diagnostic.Column}: error {diagnostic.Code}");
    }

    [Fact]
    public void A_missing_root_is_a_diagnostic()
    {
        var result = ContentValidator.Check(Path.Combine(Path.GetTempPath(), "gwt-bestaat-niet-" + Guid.NewGuid().ToString("N")));

        Assert.Equal("GWT100", Assert.Single(result.Diagnostics).Code);
        Assert.Equal(0, result.Library.Count);
    }

    public static TheoryData<string, string> Pathological => new()
    {
        { "leeg", "" },
        { "alleen-streepjes", "---" },
        { "twee-keer-streepjes", "---\n---" },
        { "lijst-als-front-matter", "---\n- a\n- b\n---\nTekst" },
        { "tekst-als-front-matter", "---\nalleen tekst\n---\nTekst" },
        { "diep-genest", "---\nid: [" + new string('[', 5000) + "\n---\n" },
        { "diep-genest-gesloten", "---\nid: " + new string('[', 3000) + new string(']', 3000) + "\n---\n" },
        { "diepe-citaten", "---\nid: citaten\ntitel: T\nsoort: thema\nsamenvatting: S\nlinks: []\n---\n" + new string('>', 20000) + " x\n" },
        { "diepe-lijst", "---\nid: lijst\ntitel: T\nsoort: thema\nsamenvatting: S\nlinks: []\n---\n" + string.Concat(Enumerable.Range(0, 600).Select(i => new string(' ', i * 2) + "- x\n")) },
        { "veel-haken", "---\nid: haken\ntitel: T\nsoort: thema\nsamenvatting: S\nlinks: []\n---\n" + string.Concat(Enumerable.Repeat("[[", 20000)) + string.Concat(Enumerable.Repeat("]]", 20000)) },
        { "verwijzing-naar-zichzelf", "---\nid: &a [*a]\n---\n" },
        { "onbekende-verwijzing", "---\nid: *nergens\n---\n" },
        { "twee-documenten", "---\nid: a\n...\n--- \n" },
        { "vreemde-tags", "---\nid: !!binary aGFsbG8=\ntitel: !onbekend x\nsoort: !!map {a: b}\n---\n" },
        { "checks-als-tekst", "---\nid: les-raar\ntitel: T\nsoort: les\nmodule: m\nsamenvatting: S\nlinks: []\nchecks: ja\n---\nTekst" },
        { "checks-vol-rommel", "---\nid: les-rommel\ntitel: T\nsoort: les\nmodule: m\nsamenvatting: S\nlinks: [[a]]\nchecks:\n  - 3\n  - [a]\n  - {id: x, soort: meerkeuze, vraag: v, opties: [1, [2], {tekst: [x], juist: misschien}]}\n  - {id: y, soort: volgorde, vraag: v, items: {a: b}}\n  - {id: z, soort: koppelen, vraag: v, paren: [[a, b], {links: {}, rechts: []}]}\n---\nTekst" },
        { "heel-lange-regel", "---\nid: lang\ntitel: " + new string('x', 200_000) + "\n---\n" },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Pathological_files_never_throw(string name, string text)
    {
        using var temp = new TempDirectory();
        temp.Write(name + ".md", text);

        var result = ContentValidator.Check(temp.Path);
        foreach (var item in result.Library.Items)
        {
            ContentRenderer.ToHtml(item.Body, new LibraryLinkResolver(result.Library));
        }

        Assert.Equal(1, result.FileCount);
        Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1, d.ToString()));
        // A normal diagnostic for the author, never the internal-error text of the loader's last line of defence.
        Assert.All(result.Diagnostics, d => Assert.DoesNotContain("ontwikkelaars", d.Message));
    }

    [Fact]
    public void Mutated_copies_of_the_shipped_content_never_throw()
    {
        using var temp = new TempDirectory();
        var random = new Random(7);
        var sources = Directory.GetFiles(TestPaths.ShippedContent, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        string[] noise = [":", "[", "]", "{", "}", "\"", "'", "\t", "&a ", "*a", "!", "|", ">", "- ", "#", "---\n", "[[", "]]", "\0", "\uFFFD", "\r"];
        var written = 0;
        foreach (var source in sources)
        {
            var text = File.ReadAllText(source);
            for (var variant = 0; variant < 3; variant++)
            {
                var mutated = new StringBuilder(text);
                for (var edit = 0; edit < 1 + random.Next(4); edit++)
                {
                    var at = random.Next(mutated.Length + 1);
                    switch (random.Next(3))
                    {
                        case 0: mutated.Insert(at, noise[random.Next(noise.Length)]); break;
                        case 1: mutated.Remove(Math.Min(at, mutated.Length), Math.Min(random.Next(1, 40), mutated.Length - Math.Min(at, mutated.Length))); break;
                        default: mutated.Length = at; break;
                    }
                }
                temp.Write($"{variant}/{Path.GetRelativePath(TestPaths.ShippedContent, source)}", mutated.ToString());
                written++;
            }
        }

        var result = ContentValidator.Check(temp.Path);
        var resolver = new LibraryLinkResolver(result.Library);
        foreach (var item in result.Library.Items)
        {
            ContentRenderer.ToHtml(item.Body, resolver);
        }

        Assert.Equal(written, result.FileCount);
        Assert.True(result.ErrorCount > 0);
        Assert.All(result.Diagnostics, d => Assert.Matches(@"^\d/.+\.md:\d+:\d+: (error|warning) GWT\d{3}: \S", d.ToString()));
    }
}
