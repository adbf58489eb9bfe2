using Microsoft.Playwright;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium, launched once per test class through Playwright. Browsers are never downloaded: when
/// <see cref="ExecutablePath"/> is missing the tests that use this fixture fail and say how to install it.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] s_arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been launched.");

    /// <summary>Where the tests put their screenshots: <c>screenshots/</c> in the test output folder.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ExecutablePath}. The browser tests need Debian's chromium package: "
                + "run 'apt-get update && apt-get install -y chromium' (test.sh does this). Never run 'playwright install'.");
        }
        // Expectations wait for Web Chat to connect and the bot to answer; the 5 s default is tight on a busy CI machine.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = s_arguments,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
