using ChatAdvisor.Web.Tests.CvUpload;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Portal.Review;

/// <summary>What the portal's browser tests do before they look at a page: conversations to review, and a first sign-in.</summary>
internal static class PortalBrowserFlows
{
    /// <summary>
    /// Over Direct Line: a visitor asks about MLOps and applies with a PDF, another asks about
    /// <see cref="ReviewFixture.UnansweredWord"/>. Returns the application's reference and the first conversation's id.
    /// </summary>
    public static async Task<(string Reference, string ConversationId)> ApplyOverDirectLineAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        var client = await DirectLineClient.StartAsync(http);
        await client.AskAsync("What does an MLOps engineer do?");
        var confirmation = await DirectLineApplication.ApplyAsync(client);
        var other = await DirectLineClient.StartAsync(http);
        await other.AskAsync($"Do you have offices in {ReviewFixture.UnansweredWord}?");
        return (confirmation.Reference, client.ConversationId);
    }

    /// <summary>The first sign-in: password, then the authenticator app set up from the key on the page.</summary>
    public static async Task SignInAsync(IPage page, PortalAccount account, Func<Task>? onSetupPage = null)
    {
        await page.GotoAsync("/portal");
        await page.GetByLabel("Email address").FillAsync(account.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up your authenticator app" })).ToBeVisibleAsync();
        if (onSetupPage is not null)
        {
            await onSetupPage();
        }
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("6-digit code from your authenticator app").FillAsync(Totp.NextCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to the portal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recruiter portal" })).ToBeVisibleAsync();
    }
}
