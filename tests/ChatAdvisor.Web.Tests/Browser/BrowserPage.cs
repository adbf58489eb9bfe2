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

    public static async Task<BrowserPage> OpenAsync(ChromiumFixture chromium, Uri baseAddress)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return new BrowserPage(context, await context.NewPageAsync());
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
