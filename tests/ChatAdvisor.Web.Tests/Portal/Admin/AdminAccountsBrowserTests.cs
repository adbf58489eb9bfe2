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
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Reset authenticator for {recruiter.Email}" })).ToHaveCountAsync(0);
        output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync("portal-accounts-reset.png")}");
        Assert.Empty(Browser.Problems);
    }

    [Fact]
    public async Task AdminAddsAnAccountWhoChangesTheOneTimePasswordOnTheirOwnPasswordPage()
    {
        var admin = await PortalAccount.CreateAdminAsync(App);
        await EnrolAsync(admin);
        await Page.GotoAsync("/portal/admin/accounts");

        await Page.GetByLabel("Email address").FillAsync("new.recruiter@example.com");
        await Page.GetByLabel("Recruiter: reviews conversations and CVs").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();

        await Expect(Page.Locator("#issued")).ToContainTextAsync("Added new.recruiter@example.com");
        var password = await Page.Locator("#issued-password").InnerTextAsync();
        await Expect(Page.Locator("#accounts tbody tr", new() { HasText = "new.recruiter@example.com" })).ToContainTextAsync("not set up");
        await Axe.AssertNoViolationsAsync(Page, "accounts page with a new account");
        output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync("portal-accounts-added.png")}");
        await Page.GotoAsync("/portal/logout");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out of the portal" }).ClickAsync();

        await EnrolAsync(new PortalAccount("new.recruiter@example.com", password, ""));
        await Page.GotoAsync("/portal");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Change your password" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/portal/account/password$"));
        var chosen = "a passphrase of my own choosing";
        await Page.GetByLabel("Current password").FillAsync(password);
        await Page.GetByLabel("New password", new() { Exact = true }).FillAsync(chosen);
        await Page.GetByLabel("New password again").FillAsync(chosen + "!");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(Page.Locator("#confirm-error")).ToHaveTextAsync("The two new passwords differ.");
        await Axe.AssertNoViolationsAsync(Page, "password page with an error");
        await Page.GetByLabel("Current password").FillAsync(password);
        await Page.GetByLabel("New password", new() { Exact = true }).FillAsync(chosen);
        await Page.GetByLabel("New password again").FillAsync(chosen);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        await Expect(Page.Locator("#changed")).ToContainTextAsync("Your password was changed.");
        await Page.SetViewportSizeAsync(390, 844);
        output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync("portal-password-phone.png")}");
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a phone.");
        await Page.GotoAsync("/portal/conversations");
        await Expect(Page).ToHaveURLAsync(new Regex("/portal/conversations$"));
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
