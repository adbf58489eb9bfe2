namespace ChatAdvisor.Cvs;

/// <summary>
/// Finds the offered option a typed reply means, the way Bot Framework's choice recognizers do (their packages and
/// Microsoft.Recognizers.Text do not restore here): the option's own words, its number or position, yes, no or skip
/// for options that mean that, the option's words inside a sentence, small typos. A reply that fits two options
/// equally, or says yes and no at once, picks neither. Pure: no state, no I/O.
/// </summary>
public static class ChoiceRecognizer
{
    // More words than this that belong to no option make a reply something else, such as a free-text answer.
    private const int MaxOtherWords = 2;

    /// <summary>The option the reply picks, or null when it picks none or could mean several.</summary>
    public static Choice? Recognize(IReadOnlyList<Choice> choices, string? text) => Candidates(choices, text) is [var only] ? only : null;

    /// <summary>The options the reply could mean: none, one, or several when it is ambiguous.</summary>
    public static IReadOnlyList<Choice> Candidates(IReadOnlyList<Choice> choices, string? text)
    {
        var trimmed = text?.Trim() ?? "";
        var normalized = ChoiceReply.Normalize(trimmed);
        if (normalized.Length == 0 || trimmed.EndsWith('?'))
        {
            // A question asks something; it never picks an option.
            return [];
        }
        var exact = choices.Where(c => IsOwnPhrase(c, normalized)).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }
        var bareNumbers = !choices.Any(c => c.Title.Any(char.IsDigit));
        if (!bareNumbers && normalized.All(char.IsDigit))
        {
            // Among "1 month" and "3 months", "3" is "3 months" and "2" is nothing.
            return [.. choices.Where(c => Words(c.Title).Contains(normalized))];
        }
        if (ChoiceReply.Position(normalized, choices.Count, bareNumbers) is { } position)
        {
            return [choices[position]];
        }
        var reply = new Reply(normalized.Split(' '), ChoiceReply.MeaningOf(normalized));
        var byMeaning = choices.Where(c => Means(c, reply.Meaning, normalized, choices)).ToList();
        var byPhrase = Best(choices, reply, PhraseScore);
        if (byPhrase.Count > 0)
        {
            // "Yes, just this application" says yes and no: ask again rather than guess.
            var contradicts = reply.Meaning == ChoiceMeaning.Yes && byPhrase.Any(c => c.Meaning is ChoiceMeaning.No or ChoiceMeaning.Skip);
            return contradicts ? [.. byPhrase, .. choices.Where(c => c.Meaning == ChoiceMeaning.Yes)] : byPhrase;
        }
        return byMeaning.Count > 0 ? byMeaning : Best(choices, reply, DistinctWordScore);
    }

    /// <summary>The normalised reply is one of the option's own phrases: its title, value or a synonym.</summary>
    internal static bool IsOwnPhrase(Choice choice, string normalized) => Phrases(choice).Any(p => ChoiceReply.Normalize(p) == normalized);

    private static bool Means(Choice choice, ChoiceMeaning meaning, string normalized, IReadOnlyList<Choice> choices) => choice.Meaning switch
    {
        ChoiceMeaning.Yes => choice.Explicit ? ChoiceReply.IsClearYes(normalized) : meaning == ChoiceMeaning.Yes,
        // "I'd rather not" declines where nothing can be skipped; "no" skips where nothing can be declined.
        ChoiceMeaning.No => meaning == ChoiceMeaning.No || (meaning == ChoiceMeaning.Skip && !choices.Any(c => c.Meaning == ChoiceMeaning.Skip)),
        ChoiceMeaning.Skip => meaning == ChoiceMeaning.Skip || (meaning == ChoiceMeaning.No && !choices.Any(c => c.Meaning == ChoiceMeaning.No)),
        _ => false,
    };

    /// <summary>The options with the highest score, among those the reply's other words leave plausible.</summary>
    private static List<Choice> Best(IReadOnlyList<Choice> choices, Reply reply, Func<Choice, IReadOnlyList<Choice>, Reply, int> score)
    {
        var scored = choices
            .Where(c => !c.Explicit && !(c.Meaning == ChoiceMeaning.Yes && reply.Words.Any(ChoiceReply.IsNegation)))
            .Select(c => (Choice: c, Score: score(c, choices, reply)))
            .Where(s => s.Score > 0 && Fits(s.Choice, choices, reply))
            .ToList();
        var top = scored.Count == 0 ? 0 : scored.Max(s => s.Score);
        return [.. scored.Where(s => s.Score == top).Select(s => s.Choice)];
    }

    /// <summary>Every word of one of the option's phrases is in the reply: 2 points a word, 1 if misspelt.</summary>
    private static int PhraseScore(Choice choice, IReadOnlyList<Choice> choices, Reply reply)
    {
        var best = 0;
        foreach (var phrase in Phrases(choice))
        {
            var used = new bool[reply.Words.Length];
            var score = 0;
            foreach (var word in Significant(Words(phrase)))
            {
                var at = Find(reply, word, used, choice);
                if (at < 0)
                {
                    score = 0;
                    break;
                }
                used[at] = true;
                score += reply.Words[at] == word ? 2 : 1;
            }
            best = Math.Max(best, score);
        }
        return best;
    }

    /// <summary>The reply has words that only this option has ("mlops", "something"): 2 points a word, 1 if misspelt.</summary>
    private static int DistinctWordScore(Choice choice, IReadOnlyList<Choice> choices, Reply reply)
    {
        var others = choices.Where(c => c != choice).SelectMany(Vocabulary).ToList();
        var distinct = Vocabulary(choice).Where(w => !ChoiceReply.IsFiller(w) && !ChoiceReply.IsAnswer(w) && !ChoiceReply.IsNegation(w)
            && !w.Any(char.IsDigit) && !others.Any(o => Similar(w, o) || Similar(o, w)));
        var used = new bool[reply.Words.Length];
        var score = 0;
        foreach (var word in distinct.Distinct())
        {
            if (Find(reply, word, used, choice) is var at and >= 0)
            {
                used[at] = true;
                score += reply.Words[at] == word ? 2 : 1;
            }
        }
        return score;
    }

    /// <summary>At most a couple of words belong to no option, and no number the option lacks ("2 months" is not "1 month").</summary>
    private static bool Fits(Choice choice, IReadOnlyList<Choice> choices, Reply reply)
    {
        var vocabulary = choices.SelectMany(Vocabulary).ToList();
        var stray = reply.Words.Count(w => !ChoiceReply.IsFiller(w) && !ChoiceReply.IsAnswer(w) && !ChoiceReply.IsNegation(w) && !vocabulary.Any(v => Similar(w, v)));
        var numbers = Vocabulary(choice).Where(w => w.Any(char.IsDigit)).ToList();
        return stray <= MaxOtherWords && reply.Words.All(w => !w.Any(char.IsDigit) || numbers.Contains(w));
    }

    /// <summary>The first unused reply word that is, or is a small typo of, <paramref name="word"/>; exact first.</summary>
    private static int Find(Reply reply, string word, bool[] used, Choice choice)
    {
        var candidates = Enumerable.Range(0, reply.Words.Length).Where(i => !used[i] && !Negated(reply, i, choice)).ToList();
        var exact = candidates.FirstOrDefault(i => reply.Words[i] == word, -1);
        return exact >= 0 ? exact : candidates.FirstOrDefault(i => !ChoiceReply.IsFiller(reply.Words[i]) && Similar(reply.Words[i], word), -1);
    }

    /// <summary>"not now" does not pick "Available now": a word right after "not", "don't" or "never" is denied.</summary>
    private static bool Negated(Reply reply, int index, Choice choice) =>
        choice.Meaning is ChoiceMeaning.None
        && reply.Words.Take(index).TakeLast(2).Any(w => w is "not" or "dont" or "never" or "without");

    /// <summary>Equal, or one typo away for words of 4 or more letters, two for 8 or more; numbers must be equal.</summary>
    internal static bool Similar(string typed, string word)
    {
        if (typed == word)
        {
            return true;
        }
        var allowed = word.Length >= 8 ? 2 : word.Length >= 4 ? 1 : 0;
        return allowed > 0 && !typed.Any(char.IsDigit) && !word.Any(char.IsDigit) && Math.Abs(typed.Length - word.Length) <= allowed
            && Distance(typed, word) <= allowed;
    }

    /// <summary>Optimal string alignment distance: insert, delete, replace, or swap two neighbours, each one typo.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    private static IEnumerable<string> Phrases(Choice choice) => [choice.Title, choice.Value, .. choice.Synonyms];

    private static IEnumerable<string> Vocabulary(Choice choice) => Phrases(choice).SelectMany(Words);

    private static string[] Words(string phrase) => ChoiceReply.Normalize(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The words that make a phrase itself: "Yes, keep me in mind" is "keep mind". "No, thanks" has none: it picks
    /// its option only as the whole reply or through its meaning, so "I have no idea" is not "no".
    /// </summary>
    private static string[] Significant(string[] words) => [.. words.Where(w => !ChoiceReply.IsFiller(w) && !ChoiceReply.IsAnswer(w))];

    private sealed record Reply(string[] Words, ChoiceMeaning Meaning);
}
