using System.Text.RegularExpressions;
using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Advice;

/// <summary>Analyses a question against the current index: typo repair, role detection, follow-ups, guards.</summary>
internal static partial class QueryAnalyzer
{
    private static readonly HashSet<string> s_professions = new(StringComparer.Ordinal)
    {
        "engineer", "scientist", "developer", "analyst", "nurse", "doctor", "lawyer", "manager", "designer",
        "teacher", "architect", "accountant", "pharmacist", "consultant", "administrator", "technician",
        "programmer", "physician", "chemist", "biologist", "tester", "researcher", "statistician", "officer",
        "specialist", "recruiter", "assistant", "director", "clerk", "driver", "electrician", "plumber",
    };

    public static QueryAnalysis Analyze(string question, KnowledgeIndex index, AdviceContext context)
    {
        var terms = TextAnalyzer.Terms(question, index.Synonyms).Select(t => Correct(t, index)).ToList();
        var roleTerms = new HashSet<string>(StringComparer.Ordinal);
        var guides = new List<string>();
        foreach (var document in index.Documents)
        {
            foreach (var alias in document.Aliases.Append(document.Role))
            {
                var aliasTerms = TextAnalyzer.Terms(alias, index.Synonyms);
                if (aliasTerms.Count > 0 && ContainsSequence(terms, aliasTerms))
                {
                    roleTerms.UnionWith(aliasTerms);
                    if (!guides.Contains(document.Id))
                    {
                        guides.Add(document.Id);
                    }
                }
            }
        }
        var topic = terms.Where(t => !roleTerms.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        var unknown = topic.Where(t => !index.Contains(t)).ToList();
        var namesRole = guides.Count > 0;
        var isFollowUp = !namesRole && context.GuideIds.Count > 0 && !IsGreeting(question);
        if (isFollowUp)
        {
            guides.AddRange(context.GuideIds);
        }
        var professions = topic.Where(s_professions.Contains).ToList();
        return new QueryAnalysis(
            question,
            terms,
            topic,
            unknown,
            guides,
            namesRole,
            isFollowUp,
            guides.Count > 1 || ComparisonPattern().IsMatch(question),
            professions.Count > 0 && !namesRole,
            InstructionPattern().IsMatch(question) ? OffTopicReason.Instructions
                : CodingPattern().IsMatch(question) ? OffTopicReason.Coding : null);
    }

    private static bool IsGreeting(string question) => GreetingPattern().IsMatch(question);

    private static bool ContainsSequence(List<string> terms, List<string> sequence)
    {
        for (var i = 0; i + sequence.Count <= terms.Count; i++)
        {
            if (terms.Skip(i).Take(sequence.Count).SequenceEqual(sequence, StringComparer.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Replaces an unknown term by the closest known one, when it is close enough to be a typo.</summary>
    private static string Correct(string term, KnowledgeIndex index)
    {
        if (index.Contains(term) || term.Length < 4 || char.IsDigit(term[0]))
        {
            return term;
        }
        var allowed = term.Length >= 7 ? 2 : 1;
        string? best = null;
        var bestDistance = allowed + 1;
        foreach (var candidate in index.Vocabulary)
        {
            if (Math.Abs(candidate.Length - term.Length) > allowed)
            {
                continue;
            }
            var distance = EditDistance.Compute(term, candidate, allowed);
            if (distance < bestDistance || (distance == bestDistance && best is not null && index.Idf(candidate) < index.Idf(best)))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best ?? term;
    }

    [GeneratedRegex(@"\b(compare|comparison|compared|versus|vs\.?|difference|differ|different from|better paid)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ComparisonPattern();

    [GeneratedRegex(@"\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instruction|rule|prompt|guideline|above|previous)|\b(system prompt|jailbreak|pretend (you are|to be)|act as|you are now|developer mode|reveal your)", RegexOptions.IgnoreCase)]
    private static partial Regex InstructionPattern();

    [GeneratedRegex(@"\b(write|fix|debug|generate|give me)\b.{0,40}\b(code|script|function|program|sql|query|regex|class)\b|\b(stack trace|compile error|syntax error)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CodingPattern();

    [GeneratedRegex(@"^\s*(hi|hello|hey|good (morning|afternoon|evening)|thanks?( you)?|cheers)\b[\s!.?]*$", RegexOptions.IgnoreCase)]
    private static partial Regex GreetingPattern();
}
