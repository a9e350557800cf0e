using System.Security.Claims;
using GeneralistischWerkt.Training.Web.Components.Pages.Reflections;
using GeneralistischWerkt.Training.Web.Features.Reflections;
using GeneralistischWerkt.Training.Web.Features.Modules;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// Issue 9: a reflection is autosaved before it is rendered, so text Markdig can't handle used to make its page fail
/// for ever, for the coach and for the werkbegeleider. Both must open it, with the text visible.
/// </summary>
public class NestedMarkdownTests : BunitContext, IAsyncLifetime
{
    private PrivacyWorld world = default!;

    private static readonly string Nested =
        new string('[', 500) + "\n\n" + string.Concat(Enumerable.Repeat("> ", 500)) + "citaat\n\n" + new string('*', 500) + "nadruk" + new string('*', 500);

    public async Task InitializeAsync()
    {
        world = await PrivacyWorld.CreateAsync();
        Services.AddSingleton(world.Reflections);
        Services.AddSingleton(world.Db.Services.GetRequiredService<ReflectionAccessNotifier>());
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(world.Db.Services.CreateScope().ServiceProvider.GetRequiredService<Features.Access.AccessRules>());
        Services.AddSingleton(world.Supervision);
        Services.AddRealStores();
        Services.AddLogging();
        Radzen.ServiceCollectionExtensions.AddRadzenComponents(Services);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public new async Task DisposeAsync()
    {
        await world.DisposeAsync();
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData("de coach zelf", Roles.Coach)]
    [InlineData("haar werkbegeleider", Roles.Supervisor)]
    public async Task A_reflection_with_500_nested_markers_opens_with_its_text(string actor, string role)
    {
        Assert.Equal(Features.Editing.SaveOutcome.Saved, (await world.Reflections.SaveAsync(world.Ann, world.SharedReflection, 0,
            new Dictionary<string, string> { [ReflectionService.TitleField] = "Diep genest", ["situatie"] = Nested })).Outcome);
        var auth = AddAuthorization();
        auth.SetAuthorized(actor);
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, world.Actors[actor]));

        var page = Render<ReflectionPage>(p => p.Add(c => c.Id, world.SharedReflection));

        // The coach gets the editor with its preview, the werkbegeleider the reader: both show the rendered text.
        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".gwt-prose"), e => e.TextContent.Contains("nadruk")), TimeSpan.FromSeconds(10));
        var prose = page.FindAll(".gwt-prose").Single(e => e.TextContent.Contains("nadruk"));
        Assert.Contains(new string('[', 500), prose.TextContent);
        Assert.Contains("citaat", prose.TextContent);
        Assert.NotEmpty(prose.QuerySelectorAll("blockquote"));
    }

    [Fact]
    public void A_render_failure_is_logged_once_per_kind_and_never_with_the_text()
    {
        var logger = new ListLogger<ContentStore>();
        var log = new RenderFailureLog(logger);

        for (var i = 0; i < 50; i++) log.Report(Thrown(() => throw new ArgumentException("geheime tekst")), 1234);
        log.Report(Thrown(() => throw new InvalidOperationException("andere soort")), 10);
        for (var kind = 0; kind < 100; kind++) log.Report(ThrownAt(kind), 1);

        Assert.Equal(RenderFailureLog.MaxKinds, logger.Errors.Count);
        Assert.Single(logger.Errors, e => e.Contains("1234 tekens"));
        Assert.All(logger.Errors, e => Assert.DoesNotContain("geheime tekst", e));
    }

    private static Exception Thrown(Action action)
    {
        try { action(); }
        catch (Exception e) { return e; }
        throw new InvalidOperationException("did not throw");
    }

    private static readonly Type[] ExceptionTypes =
    [
        typeof(FormatException), typeof(NotSupportedException), typeof(IndexOutOfRangeException), typeof(KeyNotFoundException),
        typeof(NullReferenceException), typeof(InvalidCastException), typeof(OverflowException), typeof(DivideByZeroException),
        typeof(TimeoutException), typeof(IOException), typeof(ArithmeticException), typeof(RankException), typeof(NotImplementedException),
        typeof(ArrayTypeMismatchException), typeof(ApplicationException), typeof(UnauthorizedAccessException), typeof(PlatformNotSupportedException),
        typeof(EndOfStreamException), typeof(FileNotFoundException), typeof(DirectoryNotFoundException),
    ];

    /// <summary>A different kind of failure for each number: another exception type.</summary>
    private static Exception ThrownAt(int kind) =>
        Thrown(() => throw (Exception)Activator.CreateInstance(ExceptionTypes[kind % ExceptionTypes.Length])!);
}
