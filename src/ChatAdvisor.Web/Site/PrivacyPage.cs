using ChatAdvisor.Cvs;
using ChatAdvisor.Knowledge;
using Markdig;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Site;

/// <summary>The full privacy notice, published where the chat's short notice links to.</summary>
internal static class PrivacyPage
{
    private static readonly MarkdownPipeline s_markdown = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>The notice in the language asked for (<c>?lang=de</c>), or in English when it has no translation.</summary>
    public static RazorComponentResult<PrivacyView> Render(string? lang, PrivacyNoticeStore notices, KnowledgeBase knowledge, IOptions<SiteOptions> site)
    {
        var (notice, full) = notices.LoadWithFullText(lang);
        return new(new Dictionary<string, object?>
        {
            [nameof(PrivacyView.Version)] = notice.Version,
            [nameof(PrivacyView.Words)] = knowledge.Messages(notice.Language),
            [nameof(PrivacyView.Site)] = site.Value,
            [nameof(PrivacyView.NoticeHtml)] = new MarkupString(Markdown.ToHtml(full, s_markdown)),
        });
    }
}
