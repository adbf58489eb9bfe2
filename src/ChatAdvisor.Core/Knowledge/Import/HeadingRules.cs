namespace ChatAdvisor.Knowledge.Import;

/// <summary>
/// Decides whether a line of page text reads as a heading. The caller adds the last rule: a heading must be
/// followed by more text.
/// </summary>
internal static class HeadingRules
{
    private const int MaxLength = 100;
    private const int MaxWords = 14;
    private const int MaxLabelWords = 4;

    // Words that Title Case leaves in lower case.
    private static readonly HashSet<string> s_minorWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "nor", "but", "of", "for", "to", "in", "on", "at", "by", "with", "about",
        "from", "into", "over", "per", "via", "vs", "vs.", "as", "is", "are", "do", "does", "than", "within",
    };

    /// <summary>
    /// A heading is short (up to 14 words, 100 characters), starts with a capital letter or digit, does not end
    /// like a sentence or a lead-in ('.', ':', ';', ',', '!'), and is a question, in Title Case, or a label of at
    /// most four words ("Key facts").
    /// </summary>
    public static bool LooksLikeHeading(string line)
    {
        if (line.Length is 0 or > MaxLength || !(char.IsUpper(line[0]) || char.IsDigit(line[0])))
        {
            return false;
        }
        if (line[^1] is '.' or ':' or ';' or ',' or '!' or '…')
        {
            return false;
        }
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxWords)
        {
            return false;
        }
        return line[^1] == '?' || words.Length <= MaxLabelWords || IsTitleCase(words);
    }

    private static bool IsTitleCase(string[] words)
    {
        var significant = words
            .Select(w => w.TrimStart('(', '"', '\'', '“', '‘'))
            .Where(w => w.Length > 0 && char.IsLetter(w[0]) && !s_minorWords.Contains(w))
            .ToList();
        return significant.Count > 0 && significant.All(w => char.IsUpper(w[0]));
    }
}
