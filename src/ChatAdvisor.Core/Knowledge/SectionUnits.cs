using System.Text.RegularExpressions;

namespace ChatAdvisor.Knowledge;

/// <summary>A sentence or a bullet of a section: the smallest piece an answer quotes.</summary>
public sealed record SectionUnit(string Text, bool IsBullet)
{
    /// <summary>How it is written in an answer: bullets keep their dash.</summary>
    public string Markdown => IsBullet ? "- " + Text : Text;

    public int WordCount => Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}

/// <summary>Splits a section's Markdown body into sentences and bullets.</summary>
public static partial class SectionUnits
{
    public static IReadOnlyList<SectionUnit> Split(string text)
    {
        var units = new List<SectionUnit>();
        var paragraph = new List<string>();
        void FlushParagraph()
        {
            var joined = string.Join(' ', paragraph);
            units.AddRange(SentenceBreak().Split(joined).Where(s => s.Trim().Length > 0).Select(s => new SectionUnit(s.Trim(), false)));
            paragraph.Clear();
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                FlushParagraph();
                units.Add(new SectionUnit(line[2..].Trim(), true));
            }
            else if (line.Length == 0)
            {
                FlushParagraph();
            }
            else
            {
                paragraph.Add(line);
            }
        }
        FlushParagraph();
        return units;
    }

    // A sentence ends at . ! or ? followed by a capital, a figure or a quote; "e.g. AWS" does not end one.
    [GeneratedRegex(@"(?<![Ee]\.g\.|[Ii]\.e\.|etc\.)(?<=[.!?])\s+(?=[A-Z€0-9""“(])")]
    private static partial Regex SentenceBreak();
}
