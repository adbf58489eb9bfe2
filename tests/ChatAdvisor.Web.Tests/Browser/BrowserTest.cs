using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>
/// A browser test against a real host on a loopback port: one host and one fresh browser context per test. The
/// context closes before the host stops (xunit calls DisposeAsync before Dispose).
/// </summary>
public abstract class BrowserTest(ChromiumFixture chromium, ChatAdvisorApp app, string locale = "en-GB") : IAsyncLifetime, IDisposable
{
    protected ChatAdvisorApp App { get; } = app;

    protected BrowserPage Browser { get; private set; } = null!;

    protected IPage Page => Browser.Page;

    /// <summary>The host's loopback address.</summary>
    protected Uri Address { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Address = App.Listen();
        Browser = await BrowserPage.OpenAsync(chromium, Address, locale: locale);
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
    }

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}
