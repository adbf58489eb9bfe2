using ChatAdvisor.Knowledge;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Reads the versioned privacy notice (<c>notices/privacy-notice.md</c> in the knowledge folder): front matter with
/// <c>version</c>, then a <c>## Summary</c> shown in chat and a <c>## Full notice</c> published at <c>/privacy</c>.
/// Read on use, so an edited notice applies to the next application without a restart.
/// </summary>
public sealed class PrivacyNoticeStore(IOptions<KnowledgeOptions> options, IHostEnvironment environment)
{
    public const string PublicPath = "/privacy";

    public string FilePath { get; } = Path.Combine(Knowledge.ContentPaths.Resolve(options.Value.Path, environment), "notices", "privacy-notice.md");

    /// <summary>The notice, or an exception naming the file when it is missing or malformed: no CV is taken without one.</summary>
    public PrivacyNotice Load() => Parse(File.ReadAllText(FilePath)).Notice;

    public string FullText() => Parse(File.ReadAllText(FilePath)).Full;

    private (PrivacyNotice Notice, string Full) Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var end = lines.Length > 0 && lines[0].Trim() == "---" ? Array.FindIndex(lines, 1, l => l.Trim() == "---") : -1;
        var version = end < 0 ? null : lines[1..end].Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim() == "version").Select(p => p[1].Trim()).FirstOrDefault();
        var summaryAt = Array.FindIndex(lines, l => l.Trim() == "## Summary");
        var fullAt = Array.FindIndex(lines, l => l.Trim() == "## Full notice");
        if (string.IsNullOrEmpty(version) || summaryAt < 0 || fullAt < summaryAt)
        {
            throw new KnowledgeFormatException(FilePath, 1, "the privacy notice needs front matter with 'version', then '## Summary' and '## Full notice'");
        }
        var summary = string.Join('\n', lines[(summaryAt + 1)..fullAt]).Trim();
        var full = string.Join('\n', lines[(fullAt + 1)..]).Trim();
        return (new PrivacyNotice(version, summary, PublicPath), full);
    }
}
