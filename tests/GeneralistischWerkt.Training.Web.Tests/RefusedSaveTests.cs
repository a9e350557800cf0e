using System.Security.Claims;
using Bunit;
using GeneralistischWerkt.Training.Web.Components.Pages.Reflections;
using GeneralistischWerkt.Training.Web.Features.Reflections;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// The werkbegeleider's page was still open when the coach withdrew the share (for example on another app instance
/// that did not push): his comment or review is refused with the reason, and what he typed stays on the page.
/// </summary>
public class RefusedSaveTests : BunitContext, IAsyncLifetime
{
    private PrivacyWorld w = default!;

    public async Task InitializeAsync()
    {
        w = await PrivacyWorld.CreateAsync();
        Services.AddSingleton(w.Reflections);
        Services.AddRealStores();
        Radzen.ServiceCollectionExtensions.AddRadzenComponents(Services);
        var auth = AddAuthorization();
        auth.SetAuthorized("Wout Werk");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, w.Wout));
    }

    async Task IAsyncLifetime.DisposeAsync() => await w.DisposeAsync();

    [Fact]
    public async Task A_comment_on_a_withdrawn_reflection_says_why_and_keeps_the_text()
    {
        var thread = Render<CommentThread>(p => p.Add(c => c.ReflectionId, w.SharedReflection));
        // Find and type in one step on the renderer: the thread may re-render when its comments arrive (later on a
        // slower database such as PostgreSQL), which would otherwise leave a stale handler between the two.
        await thread.InvokeAsync(() => thread.Find("textarea").Input("Nog een gedachte voor Ann."));
        Assert.True(await w.Reflections.WithdrawAsync(w.Ann, w.SharedReflection));

        await thread.InvokeAsync(() => thread.Find("button").Click());

        thread.WaitForAssertion(() => Assert.Equal(
            "Deze reflectie is verwijderd of niet (meer) met je gedeeld: je reactie is niet geplaatst.",
            thread.Find("[role=alert]").TextContent.Trim()));
        Assert.Equal("Nog een gedachte voor Ann.", thread.Find("textarea").GetAttribute("value"));
    }

    [Fact]
    public async Task A_review_of_a_withdrawn_reflection_says_why()
    {
        var view = await w.Reflections.OpenAsync(w.Wout, w.SharedReflection);
        var reader = Render<ReflectionReader>(p => p.Add(c => c.View, view!));
        Assert.True(await w.Reflections.DeleteAsync(w.Ann, w.SharedReflection));

        await reader.InvokeAsync(() => reader.FindAll("button").Single(b => b.TextContent.Contains("Bespreking bewaren")).Click());

        reader.WaitForAssertion(() => Assert.Equal(
            "Deze reflectie is verwijderd of niet (meer) met je gedeeld: de bespreking is niet bewaard.",
            reader.Find("[role=alert]").TextContent.Trim()));
        Assert.DoesNotContain("Bespreking bewaard.", reader.Markup);
    }
}
