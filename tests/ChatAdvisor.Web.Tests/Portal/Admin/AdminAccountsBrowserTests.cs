using System.Text.RegularExpressions;
using ChatAdvisor.Web.Tests.Browser;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Portal.Admin;

/// <summary>An admin resets a recruiter's authenticator from the Accounts page, on a desktop and a phone screen.</summary>
public sealed class AdminAccountsBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(chromium, new ChatAdvisorApp()), IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task AdminResetsARecruitersAuthenticatorAndTheListSaysItIsNotSetUp()
    {
        var admin = await PortalAccount.CreateAdminAsync(App);
        var recruiter = await PortalAccount.CreateRecruiterAsync(App);
        await EnrolAsync(recruiter);
        await Page.GotoAsync("/portal/logout");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out of the portal" }).ClickAsync();
        await EnrolAsync(admin);

        await Page.GotoAsync("/portal");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/portal/admin/accounts$"));
        var row = Page.Locator("#accounts tbody tr", new() { HasText = recruiter.Email });
        await Expect(row).ToContainTextAsync("set up");
        // An admin's own authenticator is not offered: resetting it here would end the admin's own session.
        await Expect(Page.Locator("#accounts tbody tr", new() { HasText = admin.Email }).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(Page, "accounts page");
        output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync("portal-accounts.png")}");
        await Page.SetViewportSizeAsync(390, 844);
        output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync("portal-accounts-phone.png")}");
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a phone.");
        await Page.SetViewportSizeAsync(1280, 800);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Reset authenticator for {recruiter.Email}" }).ClickAsync();

        await Expect(Page.Locator("#reset-result")).ToContainTextAsync($"The authenticator of {recruiter.Email} was reset");
        await Expect(row).ToContainTextAsync("not set up");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync("portal-accounts-reset.png")}");
        Assert.Empty(Browser.Problems);
    }

    private async Task EnrolAsync(PortalAccount account)
    {
        await Page.GotoAsync("/portal/login");
        await Page.GetByLabel("Email address").FillAsync(account.Email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(account.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var key = (await Page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await Page.GetByLabel("6-digit code from your authenticator app").FillAsync(Totp.NextCode(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(Page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
    }
}
