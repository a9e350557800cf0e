using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// Keeps tests/page-privacy.txt complete: every routable page (and the export and diagnostics endpoints) is listed there, so the browser
/// privacy table (PrivacyPagesTests) knows every page that shows personal data.
/// </summary>
public class PageInventoryTests
{
    private static readonly Assembly Web = typeof(Program).Assembly;

    public static IReadOnlyDictionary<string, string> Inventory()
    {
        var file = Path.Combine(TestStores.RepoRoot(), "tests", "page-privacy.txt");
        return File.ReadAllLines(file)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => p[1]);
    }

    private static IEnumerable<(Type Page, string Route)> Pages() =>
        Web.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (t, r.Template)));

    [Fact]
    public void Every_page_is_listed_with_its_privacy_class_and_nothing_listed_is_gone()
    {
        var inventory = Inventory();
        var routes = Pages().Select(p => p.Route).Append("/mijn-gegevens/export")
            .Concat(Features.Hosting.SeveralInstances.HealthPaths)
            .Append(GeneralistischWerkt.Training.Web.Features.Diagnostics.DiagnosticsEndpoint.Path).ToHashSet();
        Assert.Empty(routes.Except(inventory.Keys));
        Assert.Empty(inventory.Keys.Except(routes));
        Assert.All(inventory.Values, v => Assert.Contains(v, new[] { "privé", "algemeen" }));
    }

    [Fact]
    public void Every_page_with_personal_data_requires_a_signed_in_user_with_a_role()
    {
        var inventory = Inventory();
        foreach (var (page, route) in Pages().Where(p => inventory.GetValueOrDefault(p.Route) == "privé"))
        {
            var authorize = page.GetCustomAttribute<AuthorizeAttribute>();
            Assert.True(authorize is not null && !string.IsNullOrEmpty(authorize.Roles), $"{route} ({page.Name}) mist [Authorize(Roles = …)]");
            Assert.Null(page.GetCustomAttribute<AllowAnonymousAttribute>());
        }
    }
}
