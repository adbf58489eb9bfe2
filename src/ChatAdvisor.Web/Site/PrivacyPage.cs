using System.Net;
using ChatAdvisor.Cvs;
using Markdig;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Site;

/// <summary>The full privacy notice, published where the chat's short notice links to.</summary>
internal static class PrivacyPage
{
    private static readonly MarkdownPipeline s_markdown = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static IResult Render(PrivacyNoticeStore notices, IOptions<SiteOptions> site)
    {
        var notice = notices.Load();
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Privacy notice — ChatAdvisor</title>
              <link rel="icon" href="/favicon.svg" type="image/svg+xml">
              <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
              <header class="site-header"><div class="brand"><span class="brand-mark" aria-hidden="true">◆</span>
                <a class="brand-name" href="/">ChatAdvisor</a></div></header>
              <main class="notice">
                <h1>Privacy notice for applications</h1>
                <p class="notice-version">Version {WebUtility.HtmlEncode(notice.Version)}</p>
                <p id="privacy-contact" class="notice-contact"><strong>Privacy contact:</strong> {PrivacyContact.Html(site.Value)}</p>
                {Markdown.ToHtml(notices.FullText(), s_markdown)}
              </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
