using System.Text.RegularExpressions;
using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Advice;

/// <summary>Chooses the sentences or bullets of a section that answer the question, quoting them unchanged.</summary>
internal static partial class ExtractiveAnswerer
{
    /// <summary>Most sentences or bullets quoted when the question is about the section as a whole.</summary>
    public const int MaxWholeSection = 12;

    public static IReadOnlyList<string> Select(Chunk chunk, QueryAnalysis query, KnowledgeIndex index, int max)
    {
        var units = Units(chunk.Text);
        // Terms that pick out particular sentences: in the question and in this section's text, but not what the
        // section as a whole is about (its heading and its main question). "Salary in Germany" picks the German
        // figure; "salary" alone gets the whole salary section.
        var sectionTerms = TextAnalyzer.Terms($"{chunk.Heading} {(chunk.AlternateQuestions.Count > 0 ? chunk.AlternateQuestions[0] : "")}", index.Synonyms).ToHashSet(StringComparer.Ordinal);
        var specific = query.TopicTerms.Where(t => index.Contains(t) && !sectionTerms.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var scores = units.Select(u => Score(u, specific, index)).ToList();
        var best = scores.Count == 0 ? 0 : scores.Max();
        List<int> chosen;
        var asksForTheList = units.Count(u => u.IsBullet) >= 3 && query.TopicTerms.Any(sectionTerms.Contains);
        if (best <= 0 || asksForTheList || scores.Count(s => s >= best * 0.99) > units.Count / 2)
        {
            chosen = [.. Enumerable.Range(0, units.Count).Take(MaxWholeSection)];
        }
        else
        {
            chosen = [.. Enumerable.Range(0, units.Count).Where(i => scores[i] >= best * 0.75)
                .OrderByDescending(i => scores[i]).Take(max).Order()];
            // A bullet reads better after the sentence that introduces the list.
            if (units[chosen[0]].IsBullet && chosen[0] > 0 && !units[chosen[0] - 1].IsBullet && units[chosen[0] - 1].Text.EndsWith(':'))
            {
                chosen.Insert(0, chosen[0] - 1);
            }
        }
        return [.. chosen.Select(i => units[i].IsBullet ? "- " + units[i].Text : units[i].Text)];
    }

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
