using System.Text.Json.Nodes;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>
/// A file chosen with Web Chat's paperclip waits with its name and size until the visitor sends or removes it, and is
/// sent on its own: never with the next message the visitor types.
/// </summary>
public sealed class AttachmentBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(chromium, new ChatAdvisorApp()), IClassFixture<ChromiumFixture>
{
    private const string FileName = "notes.txt";
    private static readonly byte[] s_file = [.. Enumerable.Repeat((byte)'a', 2048)];

    private WebChatPage Chat => new(Page);

    private ILocator Panel => Page.Locator("#attachment");

    [Fact]
    public async Task AChosenFileShowsNameAndSizeAndGoesOnlyWhenSentOnItsOwn()
    {
        await Chat.OpenAsync();
        await ChooseFileAsync();
        await Expect(Panel).ToBeVisibleAsync();
        await Expect(Panel).ToContainTextAsync($"{FileName} (2.0 KB)");
        await Expect(Panel.GetByRole(AriaRole.Button, new() { Name = "Send file" })).ToBeFocusedAsync();
        output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync("attachment-waiting.png", fullPage: false)}");

        // Removed: nothing is sent, and the next message goes without it.
        await Panel.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(Panel).ToBeHiddenAsync();
        await Expect(Chat.SendBox).ToBeFocusedAsync();
        await Chat.AskAsync("hello");

        // Chosen again, then a message typed: the message goes alone and the file keeps waiting.
        await ChooseFileAsync();
        await Chat.AskAsync("What does an MLOps engineer do?");
        await Expect(Panel).ToBeVisibleAsync();
        await Expect(Chat.UserBubbles.Filter(new() { HasText = FileName })).ToHaveCountAsync(0);

        await Panel.GetByRole(AriaRole.Button, new() { Name = "Send file" }).ClickAsync();
        await Expect(Panel).ToBeHiddenAsync();
        await Expect(Chat.UserBubbles.Filter(new() { HasText = FileName })).ToHaveCountAsync(1);
        await Expect(Chat.BotBubble("Before I can take a CV I need your agreement")).ToBeVisibleAsync();

        // What the bot received: two typed messages without attachments, one file message without text.
        var messages = await UserMessagesAsync();
        Assert.Equal(3, messages.Count);
        Assert.Equal([("hello", 0), ("What does an MLOps engineer do?", 0), (null, 1)], messages.Select(m => (m.Text, m.Files)));
        Assert.Empty(Browser.Problems);
    }

    private async Task ChooseFileAsync()
    {
        var chooser = await Page.RunAndWaitForFileChooserAsync(() => Chat.UploadButton.ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = FileName, MimeType = "text/plain", Buffer = s_file });
    }

    private async Task<List<(string? Text, int Files)>> UserMessagesAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        var rows = await db.TranscriptActivities.AsNoTracking()
            .Where(a => a.FromRole == "user" && a.Type == "message")
            .OrderBy(a => a.Sequence)
            .Select(a => a.Json)
            .ToListAsync();
        return [.. rows.Select(json => JsonNode.Parse(json)!).Select(a => ((string?)a["text"], a["attachments"]?.AsArray().Count ?? 0))];
    }
}
