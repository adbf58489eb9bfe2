using System.Net;
using ChatAdvisor.Web.Tests.Browser;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Hosting;

/// <summary>
/// The published output started the way deploy/README.md says: <c>dotnet ChatAdvisor.Web.dll</c> in Production, from
/// a working folder that is not the application's, with no content root given. A visitor chats in Chromium.
/// </summary>
public sealed class PublishedOutputTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("chatadvisor-published-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task PublishedHostInProductionServesWebChatAndAnswersWithACitationFromItsOwnFolder()
    {
        var app = Path.Combine(_root.FullName, "app");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root.FullName, "elsewhere")).FullName;
        await HostProcess.PublishAsync(app);

        await using var host = await HostProcess.StartPublishedAsync(app, elsewhere, new Dictionary<string, string>());

        // Healthy comes first; the guides load once the new data folder's embedding cache is filled.
        await Eventually.HoldsAsync(() => host.Output.Contains("Knowledge loaded: 2 guides", StringComparison.Ordinal), () => host.Output, TimeSpan.FromMinutes(2));
        using var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/lib/webchat.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/privacy")).StatusCode);
        await using var browser = await BrowserPage.OpenAsync(chromium, new Uri(host.BaseAddress));
        var chat = new WebChatPage(browser.Page);
        await chat.OpenAsync();

        await chat.AskAsync("What does an MLOps engineer earn?");

        var answer = chat.BotBubbles.Last;
        await Expect(answer).ToContainTextAsync("€");
        await Expect(answer.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("MLOps") }).First).ToBeVisibleAsync();
        Assert.Empty(browser.Problems);
        // As deploy/README.md says: the data is kept in the working folder, the application's folder is only read.
        Assert.True(File.Exists(Path.Combine(elsewhere, "data", "chatadvisor.db")), host.Output);
        Assert.False(Directory.Exists(Path.Combine(app, "data")));
        Assert.DoesNotContain("fail:", host.Output, StringComparison.Ordinal);
    }
}
