using System.Text.RegularExpressions;
using ChatAdvisor.Conversations;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Tests.Browser;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Portal.Review;

/// <summary>
/// A recruiter's ordinary round through the portal in headless Chromium, on a desktop and then on a phone: enrolment
/// with the QR code, the conversation list and its export, a transcript, the knowledge gaps. Every page passes axe,
/// and the host logs no antiforgery warning on the way.
/// </summary>
public sealed partial class ReviewPagesBrowserTests : BrowserTest, IClassFixture<ChromiumFixture>
{
    /// <summary>A bot message with everything a transcript must not run or follow.</summary>
    private const string HostileMessage =
        "Look <script>window.hostile = 1</script> and <img src=x onerror=\"window.hostile = 2\"> "
        + "[click me](javascript:window.hostile=3) **done**";

    private readonly LogCapture _log;
    private readonly ITestOutputHelper _output;

    public ReviewPagesBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : this(chromium, output, new LogCapture())
    {
    }

    private ReviewPagesBrowserTests(ChromiumFixture chromium, ITestOutputHelper output, LogCapture log)
        : base(chromium, new ChatAdvisorApp(services: log.Register))
    {
        _log = log;
        _output = output;
    }

    [Fact]
    public async Task RecruitersRoundThroughThePortalIsAccessibleSafeAndLogsNoAntiforgeryWarnings()
    {
        var (reference, conversationId) = await PortalBrowserFlows.ApplyOverDirectLineAsync(Address);
        await AddBotMessageAsync(conversationId, HostileMessage);
        using (var http = new HttpClient { BaseAddress = Address })
        {
            await DirectLineClient.StartAsync(http);
        }
        var account = await PortalAccount.CreateRecruiterAsync(App);
        await Page.SetViewportSizeAsync(1280, 800);

        await PortalBrowserFlows.SignInAsync(Page, account, async () =>
        {
            var qr = Page.GetByRole(AriaRole.Img, new() { Name = AuthenticatorQrCode.Label });
            await Expect(qr).ToBeVisibleAsync();
            var uri = await Page.Locator("#authenticator-uri").InnerTextAsync();
            Assert.StartsWith("otpauth://totp/", uri, StringComparison.Ordinal);
            var drawn = await qr.Locator("path").Last.GetAttributeAsync("d");
            Assert.Equal(QrPath().Matches(AuthenticatorQrCode.Svg(uri))[^1].Groups[1].Value, drawn);
            await Axe.AssertNoViolationsAsync(Page, "the enrolment page");
            await ShotAsync("portal-setup-2fa");
        });

        await Page.GotoAsync("/portal/conversations");
        await Expect(Page.Locator("#result-count")).ToHaveTextAsync("2 conversations found.");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "(no message)" })).ToHaveCountAsync(0);
        await Page.GetByLabel("Include conversations without a visitor message").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(Page.Locator("#result-count")).ToHaveTextAsync("3 conversations found.");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "(no message)" })).ToHaveCountAsync(1);
        await Page.GetByLabel("Include conversations without a visitor message").UncheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(Page.Locator("#result-count")).ToHaveTextAsync("2 conversations found.");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync();
        var error = Page.GetByRole(AriaRole.Alert);
        await Expect(error).ToHaveTextAsync("Select one or more conversations to export.");
        var buttons = (await Page.Locator(".export .buttons").BoundingBoxAsync())!;
        var errorBox = (await error.BoundingBoxAsync())!;
        Assert.InRange(errorBox.Y - (buttons.Y + buttons.Height), 0, 40);
        await Axe.AssertNoViolationsAsync(Page, "the conversation list with the export error");
        await ShotAsync("portal-conversations");
        await Page.GetByLabel("Select all on this page").CheckAsync();
        await Expect(Page.Locator("input[name=selected]:checked")).ToHaveCountAsync(2);
        await Expect(error).ToBeHiddenAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("What does an MLOps engineer do?", csv, StringComparison.Ordinal);
        Assert.Contains("Sources:", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("cite:", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("**", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",typing,", csv, StringComparison.Ordinal);

        await Page.GetByRole(AriaRole.Link, new() { Name = "What does an MLOps engineer do?" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Conversation", Exact = true })).ToBeVisibleAsync();
        var firstSource = Page.Locator(".bot .sources li").First;
        await Expect(firstSource).ToContainTextAsync("guide", new() { IgnoreCase = true });
        await Expect(Page.Locator(".bot .message sup.cite a").First).ToHaveAttributeAsync("href", new Regex("^#m\\d+-source-\\d+$"));
        Assert.Equal(0, await Page.Locator("a[href^='cite:'], a[href^='javascript:'], .bubble img, .bubble script").CountAsync());
        await Expect(Page.Locator(".bot .message").Last).ToContainTextAsync("<script>window.hostile = 1</script>");
        await Expect(Page.Locator(".bot .message", new() { HasText = "an AI assistant, not a person" })).ToHaveCountAsync(0);
        Assert.Null(await Page.EvaluateAsync<int?>("() => window.hostile ?? null"));
        await Expect(Page.Locator("#applications")).ToContainTextAsync(reference);
        await Expect(Page.Locator("#applications")).ToContainTextAsync("grace@example.com");
        await Axe.AssertNoViolationsAsync(Page, "a transcript");
        await Page.Locator("h2", new() { HasText = "Transcript" }).EvaluateAsync("e => e.scrollIntoView()");
        await Browser.ScreenshotAsync("portal-transcript.png", fullPage: false, forDocs: true);
        await ShotAsync("portal-transcript");

        await Page.GotoAsync("/portal/gaps");
        var gap = Page.Locator(".gap").First;
        var question = await gap.Locator("h2").InnerTextAsync();
        await Expect(gap.Locator(".gap-conversations a").First).ToHaveTextAsync("Conversation 1");
        await Axe.AssertNoViolationsAsync(Page, "the knowledge gaps");
        await ShotAsync("portal-gaps");
        await gap.Locator(".gap-conversations a").First.ClickAsync();
        await Expect(Page.Locator(".turn.user").Filter(new() { HasText = question })).ToHaveCountAsync(1);

        await Page.SetViewportSizeAsync(390, 844);
        foreach (var (path, name) in (ValueTuple<string, string>[])[
            ("/portal/conversations", "portal-conversations"),
            (ReviewFixture.TranscriptPath(conversationId), "portal-transcript"),
            ("/portal/gaps", "portal-gaps")])
        {
            await Page.GotoAsync(path);
            var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"{path} is {width} px wide on a 390 px phone.");
            await Axe.AssertNoViolationsAsync(Page, path + " on a phone");
            await ShotAsync(name);
            _output.WriteLine("Screenshot: " + await Browser.ScreenshotAsync($"{name}-390x844-top.png", fullPage: false));
        }

        // Chromium ends a form post whose answer is saved as a file (the export) as an aborted navigation.
        Assert.DoesNotContain(Browser.Problems, p => !p.EndsWith("/portal/conversations?handler=Export net::ERR_ABORTED", StringComparison.Ordinal));
        var antiforgery = _log.Entries.Where(e => e.Category.Contains("Antiforgery", StringComparison.Ordinal) && e.Level >= LogLevel.Warning).ToList();
        Assert.True(antiforgery.Count == 0, string.Join('\n', antiforgery));
    }

    /// <summary>Stores a bot message in the conversation as the transcript store does for a real reply.</summary>
    private async Task AddBotMessageAsync(string conversationId, string text)
    {
        var store = App.Services.GetRequiredService<TranscriptStore>();
        var stored = await store.AppendAsync(conversationId, sequence => new TranscriptActivity
        {
            ConversationId = conversationId,
            Sequence = sequence,
            ActivityId = $"{conversationId}|{sequence:D7}",
            Type = "message",
            FromRole = "bot",
            Text = text,
            Timestamp = DateTimeOffset.UtcNow,
            Json = "{}",
        }, CancellationToken.None);
        Assert.NotNull(stored);
    }

    /// <summary>The outline of the dark modules in an SVG QR code.</summary>
    [GeneratedRegex("""<path[^>]* d="([^"]+)"[^>]*>""")]
    private static partial Regex QrPath();

    private async Task ShotAsync(string name)
    {
        var size = Page.ViewportSize!;
        _output.WriteLine("Screenshot: " + await Browser.ScreenshotAsync($"{name}-{size.Width}x{size.Height}.png"));
    }
}
