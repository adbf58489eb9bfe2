using ChatAdvisor.Cvs;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>
/// The visitor's pages with assistive technology in mind: no axe-core violations on the chat mid-conversation (desktop
/// and phone) and on a real upload-link page, new answers announced in a live region, and a keyboard path that
/// reaches the send box without ever landing on something invisible.
/// </summary>
public sealed class ChatAccessibilityBrowserTests(ChromiumFixture chromium) : BrowserTest(chromium, new ChatAdvisorApp()), IClassFixture<ChromiumFixture>
{
    private readonly ChromiumFixture _chromium = chromium;

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task ChatMidConversationHasNoViolationsAndAnnouncesTheAnswer(int width, int height)
    {
        await using var browser = await BrowserPage.OpenAsync(_chromium, Address, new ViewportSize { Width = width, Height = height });
        await browser.Page.GotoAsync("/");
        var chat = new WebChatPage(browser.Page);
        await Expect(chat.BotBubble(WebChatPage.WelcomeText)).ToHaveCountAsync(1);
        await chat.AskAsync("What skills does an MLOps engineer need?");

        // Web Chat reads new activities out through an aria-live region; the answer must reach it.
        var live = browser.Page.Locator("#webchat [aria-live]");
        await Expect(live.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("skill", System.Text.RegularExpressions.RegexOptions.IgnoreCase) })).Not.ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(browser.Page, $"the chat page at {width}x{height} after an answer");
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task KeyboardReachesTheSendBoxFromTheTopAndFocusIsAlwaysVisible()
    {
        await Page.GotoAsync("/");
        var chat = new WebChatPage(Page);
        await Expect(chat.BotBubble(WebChatPage.WelcomeText)).ToHaveCountAsync(1);
        await Page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");

        var reached = false;
        for (var press = 0; press < 30 && !reached; press++)
        {
            await Page.Keyboard.PressAsync("Tab");
            var visible = await Page.EvaluateAsync<bool>("""
                () => { const e = document.activeElement; if (!e || e === document.body) return true;
                        // Web Chat's "end of transcript" note draws its visible body in a child when focused.
                        return [e, ...e.querySelectorAll('*')].some(n => { const r = n.getBoundingClientRect();
                          return r.width > 0 && r.height > 0 && getComputedStyle(n).visibility !== 'hidden'; }); }
                """);
            Assert.True(visible, $"Tab press {press + 1} put the focus on something that cannot be seen: "
                + await Page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 300)"));
            reached = await chat.SendBox.EvaluateAsync<bool>("e => e === document.activeElement");
        }
        Assert.True(reached, "The send box should be reachable with the Tab key from the top of the page.");
    }

    [Fact]
    public async Task UploadLinkPageHasNoViolations()
    {
        using var http = App.CreateClient();
        var conversation = await DirectLineClient.StartAsync(http);
        var path = await App.Services.GetRequiredService<UploadLinks>().CreateAsync(conversation.ConversationId, "directline", CancellationToken.None);

        await Page.GotoAsync(path);
        await Expect(Page.Locator("input[type=file]")).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(Page, "the CV upload-link page");
        await Browser.ScreenshotAsync("upload-link-page.png", fullPage: false);
        Assert.Empty(Browser.Problems);
    }
}
