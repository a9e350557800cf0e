using GeneralistischWerkt.Training.Web.Components.Layout;
using GeneralistischWerkt.Training.Web.Identity;

namespace GeneralistischWerkt.Training.Web.Tests;

public class NavMenuTests : BunitContext
{
    private IReadOnlyList<(string Text, string Href)> RenderLinksFor(params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("Test Gebruiker");
        auth.SetRoles(roles);
        var menu = Render<NavMenu>();
        return menu.FindAll("nav a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!)).ToList();
    }

    private static readonly (string, string)[] CoachLinks =
    [
        ("Mijn startpagina", "/coach"), ("Mijn reflecties", "/reflecties"), ("Mijn afspraken", "/afspraken"), ("Mijn gegevens", "/mijn-gegevens"),
    ];

    private static readonly (string, string)[] SupervisorLinks =
    [
        ("Mijn coaches", "/werkbegeleider"), ("Gedeelde reflecties", "/werkbegeleider/inbox"),
    ];

    private static readonly (string, string)[] MethodLinks =
    [
        ("Intervisie", "/intervisie"), ("Samen oefenen", "/oefenen"),
        ("Modules", "/modules"), ("Rollenspellen", "/scenarios"), ("Basishoudingen", "/fiches"), ("Begeleidingstraject", "/fasen"),
        ("Alle inhoud", "/inhoud"), ("Zoeken", "/zoeken"),
    ];

    [Fact]
    public void Coach_sees_the_coach_and_method_links_only() =>
        Assert.Equal([.. CoachLinks, .. MethodLinks], RenderLinksFor(Roles.Coach));

    [Fact]
    public void Werkbegeleider_sees_the_supervision_and_method_links_only() =>
        Assert.Equal([.. SupervisorLinks, .. MethodLinks], RenderLinksFor(Roles.Supervisor));

    [Fact]
    public void Beheerder_sees_only_the_admin_links() =>
        Assert.Equal([("Accounts", "/beheer"), ("Teams", "/beheer/teams")], RenderLinksFor(Roles.Admin));

    [Fact]
    public void Someone_with_two_roles_sees_both_groups_and_the_method_once() =>
        Assert.Equal([.. CoachLinks, .. SupervisorLinks, .. MethodLinks],
            RenderLinksFor(Roles.Coach, Roles.Supervisor));

    [Fact]
    public void Signed_in_user_without_a_role_sees_no_links() => Assert.Empty(RenderLinksFor());

    [Fact]
    public void Menu_has_a_Dutch_accessible_name()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("Test");
        auth.SetRoles(Roles.Coach);
        Assert.Equal("Hoofdmenu", Render<NavMenu>().Find("nav").GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("scenarios/intake-1/pogingen/7", "/scenarios")]
    [InlineData("scenarios", "/scenarios")]
    [InlineData("coach", "/coach")]
    [InlineData("inhoud", "/inhoud")]
    [InlineData("inhoud/basishoudingen/participatie", null)]
    [InlineData("scenarios-archief", null)]
    [InlineData("reflecties/12?tab=gedeeld", "/reflecties")]
    public void The_link_of_the_page_being_shown_is_marked_current(string page, string? expected)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("Test");
        auth.SetRoles(Roles.Coach);
        var menu = Render<NavMenu>(p => p.Add(m => m.CurrentUri, "http://localhost/" + page));
        var current = menu.FindAll("nav a[aria-current='page']");
        Assert.Equal(expected is null ? [] : [expected], current.Select(a => a.GetAttribute("href")));
        Assert.All(current, a => Assert.Contains("active", a.ClassList));
        Assert.Equal(current.Count, menu.FindAll("nav a.active").Count);
    }
}
