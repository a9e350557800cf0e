using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Web.Components.Pages.Method;
using GeneralistischWerkt.Training.Web.Features.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeneralistischWerkt.Training.Web.Tests;

public class FicheCardTests : BunitContext
{
    private static readonly SourcePosition Here = new("fiche.md", 1, 1);

    public FicheCardTests()
    {
        // ContentHtml renders through the ContentStore; point it at an empty folder (nothing to resolve here).
        var empty = Directory.CreateTempSubdirectory("gwt-leeg").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Root"] = empty }).Build();
        Services.AddSingleton(new ContentStore(configuration, new FakeEnvironment(empty), NullLogger<ContentStore>.Instance));
    }

    private static ContentItem Fiche() => new()
    {
        Id = "actief-luisteren", Title = "Actief luisteren", Kind = ContentKind.CoreAttitude, Summary = "Luisteren.",
        Body = "", BodyLine = 1, File = "fiche.md",
        Sections =
        [
            new ContentSection("Kernelementen", "- ruimte geven\n- parafraseren", Here),
            new ContentSection("Toelichting", "Wie actief luistert, <script>alert(1)</script> toont betrokkenheid.", Here),
        ],
    };

    /// <summary>The side that is up: the one not hidden from screen readers and not inert.</summary>
    private static AngleSharp.Dom.IElement Shown(IRenderedComponent<FicheCard> cut) =>
        Assert.Single(cut.FindAll(".gwt-fiche-face").Where(face => !face.HasAttribute("aria-hidden") && !face.HasAttribute("inert")));

    [Fact]
    public void Shows_the_front_first_and_turns_to_the_back_and_back_again()
    {
        var cut = Render<FicheCard>(p => p.Add(c => c.Fiche, Fiche()));
        Assert.Equal("Voorkant: kernelementen", Shown(cut).QuerySelector("h2")!.TextContent);
        Assert.Equal(["ruimte geven", "parafraseren"], Shown(cut).QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal("false", cut.Find("button").GetAttribute("aria-pressed"));

        cut.Find("button").Click();
        Assert.Equal("Achterkant: toelichting", Shown(cut).QuerySelector("h2")!.TextContent);
        Assert.Contains("toont betrokkenheid", Shown(cut).TextContent);
        Assert.Contains("gwt-fiche-flipped", cut.Find(".gwt-fiche").ClassName);
        Assert.Empty(cut.FindAll("script"));
        Assert.Equal("Draai om naar de voorkant", cut.Find("button").TextContent.Trim());
        Assert.Equal("true", cut.Find("button").GetAttribute("aria-pressed"));

        cut.Find("button").Click();
        Assert.Equal("Voorkant: kernelementen", Shown(cut).QuerySelector("h2")!.TextContent);
        Assert.DoesNotContain("gwt-fiche-flipped", cut.Find(".gwt-fiche").ClassName);
    }

    [Fact]
    public void The_side_turned_up_is_announced_to_screen_readers_but_nothing_on_arrival()
    {
        var cut = Render<FicheCard>(p => p.Add(c => c.Fiche, Fiche()));
        var announcement = cut.Find("[data-testid=fiche-kant]");
        Assert.Equal("polite", announcement.GetAttribute("aria-live"));
        Assert.Equal("", announcement.TextContent);
        cut.Find("button").Click();
        Assert.Equal("Achterkant: toelichting", cut.Find("[data-testid=fiche-kant]").TextContent);
    }

    private sealed class FakeEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Test";
        public string ContentRootPath { get; set; } = root;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
