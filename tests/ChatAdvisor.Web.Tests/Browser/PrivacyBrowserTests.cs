using System.Text.RegularExpressions;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>
/// The privacy notice as a visitor reaches it: the link in the chat's consent step opens it (by click and by keyboard),
/// and the notice and the chat page's footer both show the configured privacy contact.
/// </summary>
public sealed class PrivacyBrowserTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new ChatAdvisorApp(new Dictionary<string, string?> { ["Site:PrivacyContact"] = Contact })), IClassFixture<ChromiumFixture>
{
    private const string Contact = "privacy@example.org";
    private const string NoticeHeading = "Privacy notice for applications";

    private WebChatPage Chat => new(Page);

    [Fact]
    public async Task TheNoticeLinkInTheConsentStepOpensTheNoticeByClickAndByKeyboard()
    {
        await Chat.OpenAsync();
        await Chat.AskAsync("I want to apply");
        var consent = Chat.BotActivity("notice version");
        var link = consent.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Read the full privacy notice") });

        // A real link to this site's notice, not the inert citation button Web Chat makes of a relative URL.
        await Expect(link).ToHaveAttributeAsync("href", new Uri(Address, "/privacy").ToString());
        await Expect(consent.Locator("button.webchat__render-markdown__citation")).ToHaveCountAsync(0);
        var clicked = await Page.Context.RunAndWaitForPageAsync(() => link.ClickAsync());
        await Expect(clicked.GetByRole(AriaRole.Heading, new() { Name = NoticeHeading })).ToBeVisibleAsync();
        output.WriteLine($"Screenshot: {await ScreenshotAsync(clicked, "privacy-notice.png")}");
        await clicked.CloseAsync();

        await link.FocusAsync();
        var pressed = await Page.Context.RunAndWaitForPageAsync(() => Page.Keyboard.PressAsync("Enter"));
        await Expect(pressed.GetByRole(AriaRole.Heading, new() { Name = NoticeHeading })).ToBeVisibleAsync();
        Assert.Equal(new Uri(Address, "/privacy").ToString(), pressed.Url);
        Assert.Empty(Browser.Problems);
    }

    [Fact]
    public async Task TheNoticeAndTheChatPageShowThePrivacyContactAsAMailLink()
    {
        await Page.GotoAsync("/privacy");
        var onNotice = Page.Locator("#privacy-contact").GetByRole(AriaRole.Link, new() { Name = Contact });
        await Expect(onNotice).ToHaveAttributeAsync("href", "mailto:" + Contact);
        Assert.True((await onNotice.BoundingBoxAsync())!.Y < (await Page.GetByText("What we collect").BoundingBoxAsync())!.Y,
            "The contact should come before the body of the notice.");
        await Axe.AssertNoViolationsAsync(Page, "the privacy notice");

        await Chat.OpenAsync();
        var footer = Page.Locator(".site-footer");
        await Expect(footer.GetByRole(AriaRole.Link, new() { Name = Contact })).ToHaveAttributeAsync("href", "mailto:" + Contact);
        await Expect(footer.GetByRole(AriaRole.Link, new() { Name = "Privacy notice" })).ToHaveAttributeAsync("href", "/privacy");
        Assert.Empty(Browser.Problems);
    }

    private static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ChromiumFixture.ScreenshotFolder);
        var path = Path.Combine(ChromiumFixture.ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
