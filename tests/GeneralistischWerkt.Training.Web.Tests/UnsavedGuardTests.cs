using Microsoft.Extensions.DependencyInjection;
using GeneralistischWerkt.Training.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// The guard against leaving with unsaved text lets a navigation pass without rendering (each render after a navigation
/// was a render batch of its own on a loaded server, README, Belasting), and still stops one with unsaved text and asks.
/// </summary>
public class UnsavedGuardTests : BunitContext
{
    public UnsavedGuardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose; // NavigationLock tells the browser whether to ask on closing the tab
        Radzen.ServiceCollectionExtensions.AddRadzenComponents(Services);
    }

    [Fact]
    public void A_navigation_with_nothing_unsaved_passes_without_the_guard_rendering()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var guard = Render<UnsavedGuard>(p => p.Add(g => g.HasUnsaved, () => false));

        navigation.NavigateTo("/elders");

        Assert.EndsWith("/elders", navigation.Uri);
        Assert.Equal(1, guard.RenderCount);
        Assert.Empty(guard.FindAll("[role=alert]"));
    }

    [Fact]
    public void A_navigation_with_unsaved_text_is_stopped_and_the_question_comes_and_goes()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var start = navigation.Uri;
        var guard = Render<UnsavedGuard>(p => p.Add(g => g.HasUnsaved, () => true));

        navigation.NavigateTo("/elders");

        Assert.Equal(start, navigation.Uri);
        Assert.Contains("nog niet bewaard", guard.Find("[role=alert]").TextContent);
        guard.FindAll("button").Single(b => b.TextContent.Contains("Op deze pagina blijven")).Click();
        Assert.Empty(guard.FindAll("[role=alert]"));

        navigation.NavigateTo("/elders");
        guard.FindAll("button").Single(b => b.TextContent.Contains("Toch verlaten")).Click();
        Assert.EndsWith("/elders", navigation.Uri);
    }

    [Fact]
    public void With_SaveFirst_a_navigation_saves_and_then_passes()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var unsaved = true;
        var guard = Render<UnsavedGuard>(p => p
            .Add(g => g.HasUnsaved, () => unsaved)
            .Add(g => g.SaveFirst, () => { unsaved = false; return Task.CompletedTask; }));

        navigation.NavigateTo("/elders");

        Assert.False(unsaved);
        Assert.EndsWith("/elders", navigation.Uri);
        Assert.Empty(guard.FindAll("[role=alert]"));
        Assert.Equal(1, guard.RenderCount);
    }
}
