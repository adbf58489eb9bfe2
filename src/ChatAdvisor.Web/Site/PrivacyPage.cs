using ChatAdvisor.Cvs;
using Markdig;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Site;

/// <summary>The full privacy notice, published where the chat's short notice links to.</summary>
internal static class PrivacyPage
{
    private static readonly MarkdownPipeline s_markdown = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static RazorComponentResult<PrivacyView> Render(PrivacyNoticeStore notices, IOptions<SiteOptions> site) =>
        new(new Dictionary<string, object?>
        {
            [nameof(PrivacyView.Version)] = notices.Load().Version,
            [nameof(PrivacyView.Site)] = site.Value,
            [nameof(PrivacyView.NoticeHtml)] = new MarkupString(Markdown.ToHtml(notices.FullText(), s_markdown)),
        });
}
