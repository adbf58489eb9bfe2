using System.Text.RegularExpressions;
using ChatAdvisor.Web.Tests.Browser;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Portal.Admin;

/// <summary>An admin erases a candidate's application in headless Chromium, after signing in with both factors.</summary>
public sealed class AdminErasureBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(chromium, new ChatAdvisorApp()), IClassFixture<ChromiumFixture>
{


    [Fact]
    public async Task AdminSignsInWithTwoFactorsErasesTheCandidateByReferenceAndFindsNothingAfterwards()
    {
        var (reference, _) = await StaffTestData.ApplyAsync(App);
        var account = await PortalAccount.CreateAdminAsync(App);
        var key = await EnrolAndSignOutAsync(account);

        await Page.GotoAsync("/portal/admin/erase");
        await Expect(Page).ToHaveURLAsync(new Regex("/portal/login\\?ReturnUrl=%2Fportal%2Fadmin%2Ferase$"));
        await Page.GetByLabel("Email address").FillAsync(account.Email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(account.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Page.GetByLabel("6-digit code from your authenticator app").FillAsync(Totp.NextCode(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/portal/admin/erase$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Erase a candidate's data" })).ToBeVisibleAsync();
        await Page.GetByLabel("Application reference or email address").FillAsync(reference);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Expect(Page.Locator("#erase-matches tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#erase-matches")).ToContainTextAsync(reference);
        await Expect(Page.Locator("#erase-matches")).ToContainTextAsync("my cv.pdf");
        await Axe.AssertNoViolationsAsync(Page, "the erasure page with a match");
        await ScreenshotAsync("portal-erase-confirm.png");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Erase permanently" }).ClickAsync();

        await Expect(Page.Locator("#erase-result")).ToContainTextAsync($"Erased 1 application(s): {reference}");
        await ScreenshotAsync("portal-erase-done.png");
        Assert.Empty(Directory.GetFiles(App.CvFolder));
        await Page.GetByLabel("Application reference or email address").FillAsync(reference);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Expect(Page.Locator("#erase-matches")).ToContainTextAsync($"No application matches {reference}");
        await ScreenshotAsync("portal-erase-nothing-left.png");

        await Page.GotoAsync("/portal/admin/audit?filter=erase");
        await Expect(Page.Locator("#audit tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#audit")).ToContainTextAsync(reference);
        await Axe.AssertNoViolationsAsync(Page, "the audit log");
        await ScreenshotAsync("portal-audit.png");
        var client = await DirectLineClient.StartAsync(App.CreateClient());
        await client.AskAsync("What is the salary of a data engineer?");
        await client.AskAsync("How much do data engineers earn?");
        await Page.GotoAsync("/portal/gaps");
        await Expect(Page.Locator(".gap h2").First).ToHaveTextAsync("How much do data engineers earn?");
        await ScreenshotAsync("portal-gaps.png");
        Assert.Empty(Browser.Problems);
    }

    /// <summary>The first sign-in sets up the authenticator from the key on the page; then the admin signs out.</summary>
    private async Task<string> EnrolAndSignOutAsync(PortalAccount account)
    {
        await Page.GotoAsync("/portal/login");
        await Page.GetByLabel("Email address").FillAsync(account.Email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(account.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Set up your authenticator app" })).ToBeVisibleAsync();
        var key = (await Page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await Page.GetByLabel("6-digit code from your authenticator app").FillAsync(Totp.NextCode(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(Page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await Page.GotoAsync("/portal/logout");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out of the portal" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/portal/login$"));
        return key;
    }

    private async Task ScreenshotAsync(string name) => output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync(name)}");
}
