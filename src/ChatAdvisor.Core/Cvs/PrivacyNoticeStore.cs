using ChatAdvisor.Knowledge;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Reads the versioned privacy notice (<c>notices/privacy-notice.md</c> in the knowledge folder): front matter with
/// <c>version</c>, then a <c>## Summary</c> shown in chat and a <c>## Full notice</c> published at <c>/privacy</c>.
/// Read on use, so an edited notice applies to the next application without a restart. A translation is
/// <c>&lt;code&gt;/notices/privacy-notice.md</c> with its own version; a language without one is shown the English notice.
/// </summary>
public sealed class PrivacyNoticeStore(IOptions<KnowledgeOptions> options, IHostEnvironment environment)
{
    public const string PublicPath = "/privacy";

    private readonly string _root = Knowledge.ContentPaths.Resolve(options.Value.Path, environment);

    public string FilePath => Path.Combine(_root, "notices", "privacy-notice.md");

    /// <summary>
    /// The notice in <paramref name="language"/> (or English when it has none), or an exception naming the file
    /// when it is missing or malformed: no CV is taken without one.
    /// </summary>
    public PrivacyNotice Load(string? language = null) => LoadWithFullText(language).Notice;

    /// <summary>The notice as <see cref="Load"/> gives it, with its full text (Markdown) from the same read of the file.</summary>
    public (PrivacyNotice Notice, string Full) LoadWithFullText(string? language = null)
    {
        if (language is { Length: 2 } code && code != "en" && code.All(char.IsAsciiLetterLower) && File.Exists(TranslationPath(code)))
        {
            var (notice, full) = Parse(File.ReadAllText(TranslationPath(code)), TranslationPath(code));
            return (notice with { Language = code, Url = PublicPath + "?lang=" + code }, full);
        }
        return Parse(File.ReadAllText(FilePath), FilePath);
    }

    private string TranslationPath(string code) => Path.Combine(_root, code, "notices", "privacy-notice.md");

    private static (PrivacyNotice Notice, string Full) Parse(string text, string file)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var end = lines.Length > 0 && lines[0].Trim() == "---" ? Array.FindIndex(lines, 1, l => l.Trim() == "---") : -1;
        var version = end < 0 ? null : lines[1..end].Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim() == "version").Select(p => p[1].Trim()).FirstOrDefault();
        var summaryAt = Array.FindIndex(lines, l => l.Trim() == "## Summary");
        var fullAt = Array.FindIndex(lines, l => l.Trim() == "## Full notice");
        if (string.IsNullOrEmpty(version) || summaryAt < 0 || fullAt < summaryAt)
        {
            throw new KnowledgeFormatException(file, 1, "the privacy notice needs front matter with 'version', then '## Summary' and '## Full notice'");
        }
        var summary = string.Join('\n', lines[(summaryAt + 1)..fullAt]).Trim();
        var full = string.Join('\n', lines[(fullAt + 1)..]).Trim();
        return (new PrivacyNotice(version, summary, PublicPath), full);
    }
}
