using System.Text.RegularExpressions;
using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Advice;

/// <summary>Chooses the sentences or bullets of a section that answer the question, quoting them unchanged.</summary>
internal static partial class ExtractiveAnswerer
{
    public static IReadOnlyList<string> Select(Chunk chunk, QueryAnalysis query, KnowledgeIndex index, int max)
    {
        var units = Units(chunk.Text);
        var topic = query.TopicTerms.Where(index.Contains).ToHashSet(StringComparer.Ordinal);
        var scores = units.Select(u => Score(u, topic, index)).ToList();
        var best = scores.Count == 0 ? 0 : scores.Max();
        var bullets = units.Count(u => u.IsBullet);

        // A list question ("which skills…") or a question that picks out nothing in particular gets the section.
        var wantsWhole = best <= 0 || (bullets >= 3 && scores.Count(s => s >= best * 0.99) > 1)
            || (bullets >= 3 && HeadingMatches(chunk, topic, index));
        var chosen = wantsWhole
            ? Enumerable.Range(0, units.Count).Take(max).ToList()
            : Enumerable.Range(0, units.Count)
                .Where(i => scores[i] >= best * 0.75)
                .OrderByDescending(i => scores[i]).Take(Math.Min(max, 3)).Order().ToList();
        if (!wantsWhole && chosen.Count > 0 && units[chosen[0]].IsBullet && chosen[0] > 0 && !units[chosen[0] - 1].IsBullet
            && units[chosen[0] - 1].Text.EndsWith(':'))
        {
            chosen.Insert(0, chosen[0] - 1);
        }
        return [.. chosen.Select(i => units[i].IsBullet ? "- " + units[i].Text : units[i].Text)];
    }

    private static bool HeadingMatches(Chunk chunk, HashSet<string> topic, KnowledgeIndex index) =>
        TextAnalyzer.Terms(chunk.Heading + " " + string.Join(' ', chunk.AlternateQuestions), index.Synonyms).Any(topic.Contains);

    private static double Score(Unit unit, HashSet<string> topic, KnowledgeIndex index) =>
        TextAnalyzer.Terms(unit.Text, index.Synonyms).Distinct(StringComparer.Ordinal)
            .Where(topic.Contains).Sum(index.Idf);

    internal static List<Unit> Units(string text)
    {
        var units = new List<Unit>();
        var paragraph = new List<string>();
        void FlushParagraph()
        {
            var joined = string.Join(' ', paragraph);
            units.AddRange(SentenceBreak().Split(joined).Where(s => s.Length > 0).Select(s => new Unit(s.Trim(), false)));
            paragraph.Clear();
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                FlushParagraph();
                units.Add(new Unit(line[2..].Trim(), true));
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

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z€0-9""“(])")]
    private static partial Regex SentenceBreak();

    internal sealed record Unit(string Text, bool IsBullet);
}
