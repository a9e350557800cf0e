using System.Security.Claims;
using GeneralistischWerkt.Training.Web.Components.Shared;
using GeneralistischWerkt.Training.Web.Features.Accounts;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

public class LocalUrlTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/coach", "/coach")]
    [InlineData("/reflecties/12?tab=a%C3%A9#x", "/reflecties/12?tab=a%C3%A9#x")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/é", "/")]
    [InlineData("é", "/")]
    [InlineData("/modules/één", "/")]
    [InlineData("/\u00a0", "/")]
    [InlineData("/a b", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\r\nSet-Cookie:x=y", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("\\\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("coach", "/")]
    public void Only_ASCII_paths_on_this_site_are_kept(string? returnUrl, string expected) =>
        Assert.Equal(expected, LocalUrl.OrStartPage(returnUrl));
}

public class SignInLimitTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void One_IPv4_address_or_one_IPv6_64_network_shares_one_limit(string address, string key) =>
        Assert.Equal(key, AccountSecurity.AddressKey(System.Net.IPAddress.Parse(address)));

    [Fact]
    public void An_unknown_address_shares_one_limit_too() => Assert.Equal("onbekend", AccountSecurity.AddressKey(null));
}

public class EmailOptionsTests
{
    private static EmailOptions Options(string? host, string? from, string? baseUrl) =>
        new() { BaseUrl = baseUrl, Smtp = new SmtpOptions { Host = host, From = from } };

    [Fact]
    public void Smtp_only_when_host_sender_and_public_address_are_all_set()
    {
        Assert.Equal(EmailOptions.Mailer.Smtp, Options("smtp.dienst.be", "app@dienst.be", "https://app.dienst.be").Choose(isDevelopment: false));
        Assert.Equal(EmailOptions.Mailer.Smtp, Options("smtp.dienst.be", "app@dienst.be", "https://app.dienst.be").Choose(isDevelopment: true));
        Assert.Equal(EmailOptions.Mailer.NotConfigured, Options("smtp.dienst.be", "app@dienst.be", null).Choose(isDevelopment: false));
        Assert.Equal(EmailOptions.Mailer.NotConfigured, Options(null, null, null).Choose(isDevelopment: false));
        Assert.Equal(EmailOptions.Mailer.Development, Options(null, null, null).Choose(isDevelopment: true));
    }
}

/// <summary>Interactive pages never pass the HTTP middleware: the router's gate must send the user on itself.</summary>
public class PasswordChangeGateTests : BunitContext
{
    private IRenderedComponent<PasswordChangeGate> RenderGate(Type page, bool mustChange)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("Nina Nieuw");
        if (mustChange) auth.SetClaims(new Claim(PasswordChangeRequirement.Claim, "ja"));
        return Render<PasswordChangeGate>(p => p
            .Add(g => g.PageType, page)
            .AddChildContent("<p id=\"pagina\">inhoud</p>"));
    }

    [Fact]
    public void A_user_who_must_choose_a_password_is_sent_to_the_change_page_and_sees_nothing_else()
    {
        var gate = RenderGate(typeof(Components.Pages.Coach.CoachHome), mustChange: true);
        Assert.Empty(gate.FindAll("#pagina"));
        Assert.Equal("http://localhost/account/wachtwoord", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void The_change_page_itself_and_other_users_pass()
    {
        Assert.Single(RenderGate(typeof(Components.Pages.Account.ChangePassword), mustChange: true).FindAll("#pagina"));
    }

    [Fact]
    public void A_user_with_an_own_password_passes()
    {
        var gate = RenderGate(typeof(Components.Pages.Coach.CoachHome), mustChange: false);
        Assert.Single(gate.FindAll("#pagina"));
        Assert.Equal("http://localhost/", Services.GetRequiredService<NavigationManager>().Uri);
    }
}
