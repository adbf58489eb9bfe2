using System.Text.RegularExpressions;
using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Advice;

/// <summary>
/// Chooses the sentences or bullets of a section that answer the question, quoting them unchanged: the closest one
/// first, then others that are nearly as close, within a word budget (about 60 words; a list question gets more
/// room). A figure question prefers sentences with figures; a question about the whole list gets the list.
/// </summary>
internal static partial class AnswerComposer
{
    public static IReadOnlyList<SectionUnit> Select(KnowledgeIndex index, RankedSection section, QueryAnalysis query, AdviceOptions options)
    {
        var units = index.Units[section.Ordinal];
        if (units.Count <= 1)
        {
            return units;
        }
        var asksForFigure = FigureQuestion().IsMatch(query.Question);
        var lexical = SpecificWords(index, section, query, units);
        var scores = Scores(section, units, lexical, asksForFigure);
        // A question about the section as a whole (closer to its heading or questions than to any one sentence) gets
        // the section's opening, or its list; a specific one ("Germany", which only some sentences name) gets the
        // sentences closest to it.
        var naming = lexical.Count(w => w > 0);
        var specific = naming > 0 && naming < units.Count;
        var general = !specific
            && (section.Similarity is { } s ? Math.Max(s.Heading, s.Question) >= s.Unit - 0.02 : scores.Max() <= 0);
        var bullets = units.Count(u => u.IsBullet);
        var asksForList = bullets >= 3 && (ListQuestion().IsMatch(query.Question) || general);
        // "What do they earn?" wants every level's figure; "what do seniors earn in Germany?" the closest one first.
        var figures = asksForFigure && !specific ? Enumerable.Range(0, units.Count).Where(i => units[i].Text.Any(char.IsAsciiDigit)).ToList() : [];
        var budget = asksForList || figures.Count > 1 ? options.ListAnswerWords : options.AnswerWords;
        List<int> chosen = figures.Count > 0 ? figures
            : asksForList ? [.. Enumerable.Range(0, units.Count).Where(i => units[i].IsBullet)]
            : general ? [.. Enumerable.Range(0, units.Count).Where(i => !units[i].IsBullet)]
            : [.. Enumerable.Range(0, units.Count).OrderByDescending(i => scores[i])];
        var margin = general || asksForList ? double.MaxValue : 0.08;
        var picked = new List<int>();
        var words = 0;
        foreach (var i in chosen)
        {
            if (picked.Count > 0 && (scores[i] < scores[chosen[0]] - margin || words + units[i].WordCount > budget))
            {
                continue;
            }
            picked.Add(i);
            words += units[i].WordCount;
        }
        picked.Sort();
        Introduce(units, picked, ref words, budget + 20);
        return [.. picked.Select(i => units[i])];
    }

    /// <summary>
    /// A bullet reads better after the sentence that introduces its list, and a sentence that says "they" after the
    /// one that names the role: add that sentence when there is room.
    /// </summary>
    private static void Introduce(IReadOnlyList<SectionUnit> units, List<int> picked, ref int words, int budget)
    {
        var first = picked[0];
        if (first == 0)
        {
            return;
        }
        var lead = units[first].IsBullet
            ? Enumerable.Range(0, first).Reverse().FirstOrDefault(i => !units[i].IsBullet && units[i].Text.EndsWith(':'), -1)
            : Pronoun().IsMatch(units[first].Text) ? 0 : -1;
        if (lead >= 0 && words + units[lead].WordCount <= budget)
        {
            picked.Insert(0, lead);
            words += units[lead].WordCount;
            if (lead > 0 && Pronoun().IsMatch(units[lead].Text) && words + units[0].WordCount <= budget)
            {
                picked.Insert(0, 0);
                words += units[0].WordCount;
            }
        }
    }

    /// <summary>
    /// For each sentence, the IDF weight of the question's words it contains that the section as a whole (its heading)
    /// is not about: "salary in Germany" weighs the sentence naming Germany, not every salary sentence.
    /// </summary>
    private static double[] SpecificWords(KnowledgeIndex index, RankedSection section, QueryAnalysis query, IReadOnlyList<SectionUnit> units)
    {
        var sectionTerms = index.Analyzer.Terms(section.Chunk.Heading, index.Synonyms).ToHashSet(StringComparer.Ordinal);
        var specific = query.TopicTerms.Where(t => index.Contains(t) && !sectionTerms.Contains(t)).ToHashSet(StringComparer.Ordinal);
        return [.. units.Select(u => index.Analyzer.Terms(u.Text, index.Synonyms).Distinct(StringComparer.Ordinal).Where(specific.Contains).Sum(index.Idf))];
    }

    private static double[] Scores(RankedSection section, IReadOnlyList<SectionUnit> units, double[] lexical, bool asksForFigure)
    {
        var maxLexical = lexical.Max();
        var scores = new double[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            var meaning = section.Similarity is { } s && i < s.Units.Length ? s.Units[i] : 0;
            var words = maxLexical > 0 ? lexical[i] / maxLexical : 0;
            var figure = asksForFigure && units[i].Text.Any(char.IsAsciiDigit) ? 0.15 : 0;
            // A sentence that only introduces a list answers nothing by itself.
            var introduction = units[i].Text.EndsWith(':') ? -0.1 : 0;
            scores[i] = meaning + (0.25 * words) + figure + introduction - (0.002 * i);
        }
        return scores;
    }

    [GeneratedRegex(@"^(They|Their|These|Those|This|It|Its|The role|Such)\b")]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"\b(how much|salar(y|ies)|earn\w*|pay|pays|paying|paid|wages?|income|compensation|money|euros?|€|\d+k?)\b|€", RegexOptions.IgnoreCase)]
    private static partial Regex FigureQuestion();

    [GeneratedRegex(@"\b(list|all|main|key|which|what are|what|types?|kinds?)\b.*\b(skills|tools|responsibilities|duties|tasks|industries|sectors|languages|frameworks|qualifications|degrees|subjects|differences|challenges|requirements|areas|applications)\b|\b(responsibilities|duties|skills|differences)\b\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ListQuestion();
}
