using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>The sign-in page introduces the app beside the form on a laptop, and puts the form first on a phone.</summary>
public class SignInPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_sign_in_page_introduces_the_app_beside_the_form_on_a_laptop_and_below_it_on_a_phone()
    {
        await Page.GotoAsync("/account/aanmelden");
        var intro = Page.GetByRole(AriaRole.Region, new() { Name = "Welkom bij GeneralistischWerkt.Training" });
        var email = Page.GetByLabel("E-mailadres");
        await Expect(intro).ToContainTextAsync("Rollenspelen");
        await Expect(intro).ToContainTextAsync("beslist zelf wat je deelt");

        await Page.SetViewportSizeAsync(1366, 900);
        var (introBox, emailBox) = (await intro.BoundingBoxAsync(), await email.BoundingBoxAsync());
        Assert.True(introBox!.X + introBox.Width <= emailBox!.X, "Op een laptop staat de uitleg naast het formulier.");

        await Page.SetViewportSizeAsync(390, 900);
        (introBox, emailBox) = (await intro.BoundingBoxAsync(), await email.BoundingBoxAsync());
        Assert.True(emailBox!.Y + emailBox.Height <= introBox!.Y, "Op een gsm komt het formulier eerst.");
        await AssertAccessibleAsync(Page);
        await Screenshots.TakeBothWidthsAsync(Page, "aanmelden");
    }
}
