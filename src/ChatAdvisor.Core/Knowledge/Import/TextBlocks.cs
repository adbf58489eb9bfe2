using System.Globalization;
using System.Text;

namespace ChatAdvisor.Knowledge.Import;

/// <summary>Small text helpers shared by the readers: whitespace, bullets, slugs and Markdown output.</summary>
internal static class TextBlocks
{
    // Glyph bullets may touch their text ("•Item"); ASCII markers need a space so "-5%" or "*note*" stay text.
    private const string GlyphBullets = "•·◦▪‣●○■";
    private const string AsciiBullets = "-*";
    private const int MaxSlugLength = 80;

    /// <summary>Runs of any white space (including no-break spaces) become one space; zero-width characters go.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Whether a collapsed line starts with a bullet marker; if so, the text after it.</summary>
    public static bool TryBullet(string line, out string text)
    {
        text = "";
        if (line.Length < 2)
        {
            return false;
        }
        var glyph = GlyphBullets.Contains(line[0], StringComparison.Ordinal);
        if (!glyph && !(AsciiBullets.Contains(line[0], StringComparison.Ordinal) && line[1] == ' '))
        {
            return false;
        }
        text = line[1..].Trim();
        return text.Length > 0;
    }

    /// <summary>Lower-case kebab-case: "What does an MLOps Engineer do?" gives "what-does-an-mlops-engineer-do".</summary>
    public static string Slug(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxSlugLength)
        {
            var cut = slug.LastIndexOf('-', MaxSlugLength);
            slug = slug[..(cut > 0 ? cut : MaxSlugLength)].TrimEnd('-');
        }
        return slug;
    }

    /// <summary>Section text as the Markdown guides write it: paragraphs apart by a blank line, bullets as "- " lines.</summary>
    public static string ToMarkdown(IReadOnlyList<TextBlock> blocks)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(blocks[i].IsBullet && blocks[i - 1].IsBullet ? "\n" : "\n\n");
            }
            builder.Append(blocks[i].IsBullet ? "- " : "").Append(blocks[i].Text);
        }
        return builder.ToString();
    }
}
