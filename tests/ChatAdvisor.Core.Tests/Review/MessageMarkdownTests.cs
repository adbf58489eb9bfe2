using ChatAdvisor.Review;

namespace ChatAdvisor.Core.Tests.Review;

public sealed class MessageMarkdownTests
{
    /// <summary>An answer as the bot sends it to Web Chat: Markdown, citation markers and their reference lines.</summary>
    public const string Answer =
        "An **MLOps engineer** earns 70,000 to 90,000 euros [1], more in Munich [2].\n\n"
        + "- Kubernetes\n- CI/CD\n\n"
        + "[Read the full privacy notice](/privacy)\n\n"
        + "[1]: cite:1 \"MLOps Engineer role guide, Salary in Europe\"\n"
        + "[2]: cite:2 \"MLOps Engineer role guide, Where the jobs are\"";

    [Fact]
    public void CitationsBecomeNumberedSourcesWithTheirGuideAndSection()
    {
        var rendered = MessageMarkdown.ToHtml(Answer, "m7-");

        Assert.Equal(
            [new MessageCitation(1, "MLOps Engineer role guide, Salary in Europe"), new MessageCitation(2, "MLOps Engineer role guide, Where the jobs are")],
            rendered.Citations);
        Assert.Contains("<sup class=\"cite\"><a href=\"#m7-1\" title=\"MLOps Engineer role guide, Salary in Europe\">[1]</a></sup>", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("cite:", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>MLOps engineer</strong>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("<li>Kubernetes</li>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/privacy\">Read the full privacy notice</a>", rendered.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hello <img src=x onerror=alert(1)> there")]
    [InlineData("<div onclick=\"alert(1)\">click</div>")]
    public void RawHtmlStaysText(string markdown)
    {
        var html = MessageMarkdown.ToHtml(markdown, "m-").Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](data:text/html,hi)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("[click](//evil.test/x)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![click](https://tracker.test/pixel.png)")]
    public void UnsafeLinksAndImagesKeepOnlyTheirText(string markdown)
    {
        var html = MessageMarkdown.ToHtml(markdown, "m-").Html;

        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.Contains(markdown.StartsWith('<') ? "javascript:alert(1)" : "click", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/jobs", true)]
    [InlineData("mailto:jobs@example.com", true)]
    [InlineData("/privacy", true)]
    [InlineData("#top", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("//evil.test", false)]
    [InlineData("cite:1", false)]
    [InlineData("", false)]
    public void OnlyWebMailAndSameSiteLinksAreSafe(string url, bool safe) =>
        Assert.Equal(safe, MessageMarkdown.IsSafeUrl(url));

    [Fact]
    public void PlainTextHasNoMarkdownAndSpellsOutTheSources()
    {
        var text = MessageMarkdown.ToPlainText(Answer);

        Assert.Equal(
            "An MLOps engineer earns 70,000 to 90,000 euros [1], more in Munich [2].\n\n"
            + "• Kubernetes\n• CI/CD\n\n"
            + "Read the full privacy notice\n\n"
            + "Sources:\n[1] MLOps Engineer role guide, Salary in Europe\n[2] MLOps Engineer role guide, Where the jobs are",
            text);
    }

    [Fact]
    public void PlainTextKeepsAnAbsoluteLinksAddressAndOrdinaryText()
    {
        Assert.Equal("See our jobs (https://example.com/jobs).", MessageMarkdown.ToPlainText("See [our jobs](https://example.com/jobs)."));
        Assert.Equal("Line one, \"quoted\"\nline two", MessageMarkdown.ToPlainText("Line one, \"quoted\"\nline two"));
        Assert.Equal("1. first\n2. second", MessageMarkdown.ToPlainText("1. first\n2. second"));
    }
}
