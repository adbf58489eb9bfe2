using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Review;

/// <summary>One visitor question whose answer fell short, and how.</summary>
internal sealed record GapQuestion(string ConversationId, string Text, bool Declined, bool LowConfidence, bool NotHelpful, string? FeedbackReason, DateTimeOffset Seen)
{
    /// <summary>The language of the conversation it was asked in.</summary>
    public string Language { get; init; } = "en";
}

/// <summary>
/// Groups questions by the Jaccard similarity of their term sets (<see cref="TextAnalyzer.Terms"/>, no synonyms).
/// Greedy and leader-based: distinct wordings, most frequent first, each join the group whose founding wording
/// they are most alike (at least the threshold) or found a new one. Comparing with the founder, not with a growing
/// union, keeps a chain of near neighbours from drifting into one big group. Questions asked in different languages
/// never share a group, even in the same words.
/// </summary>
internal static class QuestionClusterer
{
    public const int MaxExamples = 5;
    public const int MaxReasons = 10;
    public const int MaxConversations = 10;

    public static List<GapGroup> Cluster(IEnumerable<GapQuestion> questions, double threshold)
    {
        var wordings = questions
            .Select(q => (Question: q, Key: string.Join(' ', TextAnalyzer.Words(q.Text))))
            .GroupBy(q => (q.Question.Language, q.Key))
            .Select(g => new Wording([.. g.Select(q => q.Question)], [.. TextAnalyzer.Terms(g.Key.Key, SynonymSet.Empty).Distinct(StringComparer.Ordinal)]))
            .Where(w => w.Terms.Count > 0)
            .OrderByDescending(w => w.Questions.Count).ThenBy(w => w.Text.Length).ThenBy(w => w.Text, StringComparer.Ordinal)
            .ToList();
        var groups = new List<List<Wording>>();
        foreach (var wording in wordings)
        {
            var best = groups
                .Where(g => g[0].Language == wording.Language)
                .Select(g => (Group: g, Score: Jaccard(g[0].Terms, wording.Terms)))
                .Where(s => s.Score >= threshold)
                .OrderByDescending(s => s.Score)
                .Select(s => s.Group)
                .FirstOrDefault();
            if (best is null)
            {
                groups.Add([wording]);
            }
            else
            {
                best.Add(wording);
            }
        }
        return [.. groups.Select(Summarise)
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastSeen).ThenBy(g => g.Representative, StringComparer.Ordinal)];
    }

    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static GapGroup Summarise(List<Wording> group)
    {
        var questions = group.SelectMany(w => w.Questions).ToList();
        var reasons = questions
            .Where(q => q.NotHelpful && !string.IsNullOrWhiteSpace(q.FeedbackReason))
            .GroupBy(q => q.FeedbackReason!.Trim(), StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .Take(MaxReasons);
        return new GapGroup(
            group[0].Text,
            questions.Count,
            [.. group.Take(MaxExamples).Select(w => w.Text)],
            questions.Count(q => q.Declined),
            questions.Count(q => q.LowConfidence),
            questions.Count(q => q.NotHelpful),
            [.. reasons],
            questions.Max(q => q.Seen),
            [.. group[0].Terms.Order(StringComparer.Ordinal)],
            [.. questions.OrderByDescending(q => q.Seen).Select(q => q.ConversationId).Distinct(StringComparer.Ordinal).Take(MaxConversations)])
        {
            Language = group[0].Language,
        };
    }

    /// <summary>One wording (same words once lower-cased and without punctuation) and every time it was asked.</summary>
    private sealed record Wording(List<GapQuestion> Questions, HashSet<string> Terms)
    {
        /// <summary>The wording as first asked, trimmed.</summary>
        public string Text { get; } = Questions[0].Text.Trim();

        public string Language => Questions[0].Language;
    }
}
