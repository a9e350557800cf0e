using GeneralistischWerkt.Training.Web.Identity;

namespace GeneralistischWerkt.Training.Web.Tests;

public class RoleStartPageTests
{
    [Theory]
    [InlineData(new[] { Roles.Coach }, "/coach")]
    [InlineData(new[] { Roles.Supervisor }, "/werkbegeleider")]
    [InlineData(new[] { Roles.Admin }, "/beheer")]
    [InlineData(new[] { Roles.Coach, Roles.Supervisor }, "/werkbegeleider")]
    [InlineData(new string[0], "/account/geen-rol")]
    public void Each_role_lands_on_its_own_start_page(string[] roles, string expected) =>
        Assert.Equal(expected, Roles.StartPageFor(roles.Contains));
}
