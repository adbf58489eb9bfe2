using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>A page in a fresh browser context that records every console error, page error and failed request.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly IBrowserContext _context;

    private BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Enqueue($"console error: {message.Text} ({message.Location})");
            }
        };
        Page.PageError += (_, error) => _problems.Enqueue($"page error: {error}");
        Page.RequestFailed += (_, request) => _problems.Enqueue($"request failed: {request.Method} {request.Url} {request.Failure}");
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _problems.Enqueue($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Everything that went wrong in the page so far; tests expect none.</summary>
    public IReadOnlyCollection<string> Problems => _problems;

    public static async Task<BrowserPage> OpenAsync(ChromiumFixture chromium, Uri baseAddress, ViewportSize? viewport = null, string locale = "en-GB")
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        // A Content-Security-Policy violation becomes a console error, so every browser test that expects no problems
        // also proves that the page works under the policy.
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
            """);
        return new BrowserPage(context, await context.NewPageAsync());
    }

    /// <summary>
    /// Saves a screenshot in <see cref="ChromiumFixture.ScreenshotFolder"/>; with <c>CHATADVISOR_DOCS_SCREENSHOTS=1</c> set,
    /// also in the repository's <c>docs/screenshots/</c> when <paramref name="forDocs"/>. Returns the path in the test output.
    /// </summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true, bool forDocs = false)
    {
        Directory.CreateDirectory(ChromiumFixture.ScreenshotFolder);
        var path = Path.Combine(ChromiumFixture.ScreenshotFolder, name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        if (forDocs && Environment.GetEnvironmentVariable("CHATADVISOR_DOCS_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(Infrastructure.ChatAdvisorApp.RepositoryRoot, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, name), overwrite: true);
        }
        return path;
    }

    /// <summary>True when <paramref name="later"/> comes after <paramref name="earlier"/> in the document.</summary>
    public static async Task<bool> IsAfterAsync(ILocator later, ILocator earlier)
    {
        var earlierElement = await earlier.ElementHandleAsync();
        return await later.EvaluateAsync<bool>(
            "(later, earlier) => !!(earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING)", earlierElement);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
