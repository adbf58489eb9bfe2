using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>Web Chat under the site's Content-Security-Policy in Chromium: it connects, answers and uploads without a single violation.</summary>
public sealed class SecurityPolicyBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(chromium, new ChatAdvisorApp()), IClassFixture<ChromiumFixture>
{
    private readonly ChromiumFixture _chromium = chromium;

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task WebChatWorksUnderThePolicyWithoutViolations(int width, int height)
    {
        await using var browser = await BrowserPage.OpenAsync(_chromium, Address, new ViewportSize { Width = width, Height = height });
        var response = await browser.Page.GotoAsync("/");
        var csp = await response!.HeaderValueAsync("content-security-policy");
        Assert.NotNull(csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        var chat = new WebChatPage(browser.Page);
        await Expect(chat.BotBubble(WebChatPage.WelcomeText)).ToHaveCountAsync(1);

        await chat.AskAsync("What does an MLOps engineer do?");
        await Expect(chat.BotBubbles.Last).ToContainTextAsync("MLOps");

        output.WriteLine($"Screenshot: {await browser.ScreenshotAsync($"csp-chat-{width}x{height}.png", fullPage: false)}");
        Assert.Empty(browser.Problems);
    }

    [Theory]
    [InlineData("/privacy")]
    [InlineData("/cv/upload/not-a-link")]
    public async Task OtherPublicPagesRenderUnderThePolicy(string path)
    {
        await Page.GotoAsync(path);
        await Expect(Page.Locator("h1").First).ToBeVisibleAsync();

        output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync($"csp{path.Replace('/', '-')}.png", fullPage: false)}");
        Assert.DoesNotContain(Browser.Problems, p => p.Contains("CSP violation", StringComparison.Ordinal) || p.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
