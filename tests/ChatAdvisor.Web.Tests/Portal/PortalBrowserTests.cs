using System.Text.RegularExpressions;
using ChatAdvisor.Web.Tests.Browser;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Portal;

/// <summary>The portal's first sign-in in headless Chromium, with the authenticator key read off the page.</summary>
public sealed class PortalBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(chromium, new ChatAdvisorApp()), IClassFixture<ChromiumFixture>
{


    [Fact]
    public async Task AdminSignsInWithPasswordSetsUpTheAuthenticatorFromThePageAndReachesThePortal()
    {
        var account = await PortalAccount.CreateAdminAsync(App);

        await Page.GotoAsync("/portal");
        await Expect(Page).ToHaveURLAsync(new Regex("/portal/login\\?ReturnUrl=%2Fportal$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Page.GetByLabel("Email address").FillAsync(account.Email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(account.Password);
        await ScreenshotAsync("portal-login.png");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Set up your authenticator app" })).ToBeVisibleAsync();
        var key = (await Page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-7]{32}$", key);
        await Expect(Page.Locator("#authenticator-uri")).ToContainTextAsync($"otpauth://totp/ChatAdvisor:admin%40example.com?secret={key}&issuer=ChatAdvisor");
        await ScreenshotAsync("portal-setup-2fa.png");
        await Page.GetByLabel("6-digit code from your authenticator app").FillAsync(Totp.NextCode(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Your authenticator app is set up" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await ScreenshotAsync("portal-recovery-codes.png");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Continue to the portal" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/portal$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Recruiter portal" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".signed-in")).ToContainTextAsync("Signed in as admin@example.com (admin)");
        await ScreenshotAsync("portal-home.png");
        Assert.Empty(Browser.Problems);
    }

    private async Task ScreenshotAsync(string name) => output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync(name)}");
}
