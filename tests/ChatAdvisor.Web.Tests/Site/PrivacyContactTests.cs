using System.Net;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Tests.Site;

/// <summary>Site:PrivacyContact: shown on the chat page and the notice, and required before the site goes live.</summary>
public sealed class PrivacyContactTests
{
    [Fact]
    public async Task APageAddressIsLinkedOnTheChatPageAndTheNotice()
    {
        using var app = new ChatAdvisorApp(new Dictionary<string, string?> { ["Site:PrivacyContact"] = "https://agency.example/privacy-contact" });
        using var http = app.CreateClient();

        foreach (var path in new[] { "/", "/privacy" })
        {
            var html = await http.GetStringAsync(path);
            Assert.Contains("""<a class="privacy-contact" href="https://agency.example/privacy-contact">https://agency.example/privacy-contact</a>""", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InDevelopmentAMissingContactIsShownAsNotConfigured()
    {
        using var app = new ChatAdvisorApp();
        using var http = app.CreateClient();

        var home = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Privacy contact: <span class=\"privacy-contact\">not configured yet", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("not configured yet", await http.GetStringAsync("/privacy"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", null, "Site:PrivacyContact must be set")]
    [InlineData("Development", "call our office", "Site:PrivacyContact must be an email address or an absolute http(s) URL")]
    [InlineData("Development", "javascript:alert(1)", "Site:PrivacyContact must be an email address or an absolute http(s) URL")]
    public void TheSiteDoesNotStartWithoutAUsableContactWhereOneIsRequired(string environment, string? contact, string message)
    {
        using var app = new ChatAdvisorApp(new Dictionary<string, string?>
        {
            ["Site:PrivacyContact"] = contact,
            ["Prompts:Path"] = Path.Combine(ChatAdvisorApp.RepositoryRoot, "prompts"),
        });
        using var host = app.WithWebHostBuilder(builder => builder.UseEnvironment(environment));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
