using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>
/// The chat page on a desktop and a phone: it opens at the top with the cursor in the message box, and however long the
/// conversation gets, the transcript scrolls inside its box while the send box and the newest message stay on screen.
/// </summary>
public sealed class ChatLayoutBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(chromium, new ChatAdvisorApp()), IClassFixture<ChromiumFixture>
{
    private const int Turns = 15;

    private static readonly string[] s_questions =
    [
        "What does an MLOps engineer do?",
        "What skills does a machine learning engineer need?",
        "hello",
    ];

    /// <summary>Whether the newest activity's bottom edge is inside both the transcript's scroll box and the window.</summary>
    private const string LatestActivityIsOnScreen = """
        () => {
          const scroller = document.querySelector('#webchat .webchat__basic-transcript__scrollable');
          const activities = document.querySelectorAll('#webchat .webchat__basic-transcript__activity');
          const latest = activities[activities.length - 1];
          if (!scroller || !latest) return false;
          const box = scroller.getBoundingClientRect(), item = latest.getBoundingClientRect();
          return item.bottom <= Math.min(box.bottom, window.innerHeight) + 1 && item.bottom > box.top;
        }
        """;

    private WebChatPage Chat => new(Page);

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task AfterFifteenTurnsTheSendBoxAndTheLatestMessageAreStillOnScreen(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await Chat.OpenAsync();

        // Opens at the top, header visible, with the cursor in the message box rather than Web Chat's hidden file input.
        await Expect(Chat.SendBox).ToBeFocusedAsync();
        Assert.Equal(0, await Page.EvaluateAsync<double>("() => window.scrollY"));
        await Expect(Page.Locator(".site-header")).ToBeInViewportAsync();

        for (var turn = 0; turn < Turns; turn++)
        {
            await Chat.AskAsync(s_questions[turn % s_questions.Length]);
        }
        // Web Chat scrolls to the newest activity with an animation: wait for it to arrive there.
        await Page.WaitForFunctionAsync(LatestActivityIsOnScreen);

        var page = await Page.EvaluateAsync<double[]>("() => [window.scrollY, document.documentElement.scrollHeight, window.innerHeight]");
        Assert.True(page[0] == 0 && page[1] <= page[2], $"The page should not grow or scroll with the conversation: scrolled {page[0]} px, {page[1]} px tall in a {page[2]} px window.");
        Assert.True(await IsFullyInWindowAsync(Chat.SendBox), "The send box should be fully on screen.");
        Assert.True(await IsFullyInWindowAsync(Chat.SendButton), "The send button should be fully on screen.");
        var scroller = await Page.EvaluateAsync<double[]>(
            "() => { const s = document.querySelector('#webchat .webchat__basic-transcript__scrollable'); return [s.scrollHeight, s.clientHeight]; }");
        Assert.True(scroller[0] > 2 * scroller[1], $"The transcript should scroll inside its box ({scroller[0]} px of content in {scroller[1]} px).");
        output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync($"chat-after-{Turns}-turns-{width}x{height}.png", fullPage: false)}");
        Assert.Empty(Browser.Problems);
    }

    private static async Task<bool> IsFullyInWindowAsync(ILocator element) =>
        await element.EvaluateAsync<bool>("""
            e => { const r = e.getBoundingClientRect();
                   return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth; }
            """);
}
