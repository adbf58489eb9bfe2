using System.Diagnostics;
using System.Net;
using ChatAdvisor.Web.Tests.Browser;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Teams;

/// <summary>
/// The Microsoft 365 Agents Playground (npm) plays Teams against /api/messages on loopback, with its own mock
/// Bot Connector; a question typed in its Teams-like UI in Chromium must come back as the grounded answer.
/// </summary>
public sealed class AgentsPlaygroundTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime, IDisposable
{
    /// <summary>The tenant the playground's mock Teams sends; the allow-list must name it.</summary>
    private const string PlaygroundTenant = "00000000-0000-0000-0000-0000000000001";

    private readonly ChatAdvisorApp _app = new(new Dictionary<string, string?> { ["Teams:AllowedTenants:0"] = PlaygroundTenant });
    private readonly string _shims = Directory.CreateTempSubdirectory("chatadvisor-playground-").FullName;
    private Process? _playground;
    private BrowserPage? _browser;
    private int _port;

    public async Task InitializeAsync()
    {
        var bot = _app.Listen();
        var cli = Path.Combine(ChatAdvisorApp.RepositoryRoot, "node_modules", ".bin", "agentsplayground");
        Assert.True(File.Exists(cli), $"{cli} is missing: run 'npm ci' in the repository root.");
        // The playground opens a browser with xdg-open at start and exits when there is none; a no-op is enough.
        var xdgOpen = Path.Combine(_shims, "xdg-open");
        await File.WriteAllTextAsync(xdgOpen, "#!/bin/sh\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(xdgOpen, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        _port = LoopbackPort.Free();
        var start = new ProcessStartInfo(cli)
        {
            ArgumentList = { "start", "-e", new Uri(bot, "api/messages").ToString(), "-c", "msteams", "-p", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dt" },
            WorkingDirectory = _shims,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = $"{_shims}:{Environment.GetEnvironmentVariable("PATH")}";
        _playground = Process.Start(start)!;
        _playground.BeginOutputReadLine();
        _playground.BeginErrorReadLine();
        await WaitUntilListeningAsync();
        _browser = await BrowserPage.OpenAsync(chromium, new Uri($"http://127.0.0.1:{_port}/"));
    }

    [Fact]
    public async Task AQuestionTypedInThePlaygroundsTeamsChatGetsTheGroundedAnswer()
    {
        var page = _browser!.Page;
        await page.GotoAsync("/");
        // The welcome arrives first, marked as AI-generated the Teams way.
        await Expect(page.GetByText("ChatAdvisor, an AI assistant", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "AI generated" }).First).ToBeVisibleAsync();
        var box = page.GetByRole(AriaRole.Textbox);
        await box.ClickAsync();
        await page.Keyboard.TypeAsync("What does an MLOps engineer do?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send Message" }).ClickAsync();

        // The opening sentence of knowledge/guides/mlops-engineer.md#what-they-do, quoted unchanged.
        await Expect(page.GetByText("links machine learning with operations", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Directory.CreateDirectory(ChromiumFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.ScreenshotFolder, "agents-playground-answer.png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        if (_playground is { HasExited: false })
        {
            _playground.Kill(entireProcessTree: true);
            await _playground.WaitForExitAsync();
        }
        _playground?.Dispose();
        Directory.Delete(_shims, recursive: true);
    }

    /// <summary>Runs after <see cref="DisposeAsync"/>, once the playground no longer calls the bot.</summary>
    public void Dispose() => _app.Dispose();

    private async Task WaitUntilListeningAsync()
    {
        using var http = new HttpClient();
        await Eventually.HoldsAsync(async () =>
        {
            Assert.False(_playground!.HasExited, "The Agents Playground exited during start-up.");
            try
            {
                return (await http.GetAsync(new Uri($"http://127.0.0.1:{_port}/"))).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false; // Not listening yet.
            }
        }, () => "The Agents Playground did not start listening within 30 s.", interval: TimeSpan.FromMilliseconds(250));
    }
}
