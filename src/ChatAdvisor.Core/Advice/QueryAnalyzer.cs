using System.Text.RegularExpressions;
using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Advice;

/// <summary>Analyses a question against the current index: typo repair, role detection, follow-ups, guards.</summary>
internal static partial class QueryAnalyzer
{
    // Occupations the guides do not cover; a question about one of them (and no role of ours) is declined.
    private static readonly HashSet<string> s_professions = new(
        """
        engineer scientist developer analyst nurse doctor lawyer manager designer teacher architect accountant
        pharmacist consultant administrator technician programmer physician chemist biologist tester researcher
        statistician officer specialist recruiter assistant director clerk driver electrician plumber dentist
        bioinformatician surgeon therapist pilot chef cook cashier salesperson sales marketer marketing journalist
        writer editor actor musician artist lecturer professor tutor economist mechanic carpenter vet veterinarian
        psychologist psychiatrist radiologist paramedic midwife pharmacologist toxicologist epidemiologist
        data_engineer data_scientist software_engineer
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(TextAnalyzer.Stem),
        StringComparer.Ordinal);

    /// <param name="question">The visitor's message.</param>
    /// <param name="index">The guides of the visitor's language.</param>
    /// <param name="context">What earlier turns were about.</param>
    /// <param name="comparisonWords">Words of the index's language that ask for a comparison ("Unterschied"),
    /// which say nothing about the topic once two roles are named; the English ones always count.</param>
    public static QueryAnalysis Analyze(string question, KnowledgeIndex index, AdviceContext context, string? comparisonWords = null)
    {
        var terms = index.Analyzer.Terms(question, index.Synonyms, index.Normalize);
        var roleTerms = new HashSet<string>(StringComparer.Ordinal);
        var guides = new List<string>();
        foreach (var alias in index.RoleAliases)
        {
            if (ContainsSequence(terms, alias.Terms))
            {
                roleTerms.UnionWith(alias.Terms);
                if (!guides.Contains(alias.GuideId))
                {
                    guides.Add(alias.GuideId);
                }
            }
        }
        // In the order the question names them: "MLOps engineer vs ML engineer" shows MLOps first.
        guides = [.. guides.OrderBy(g => index.RoleAliases.Where(a => a.GuideId == g).Select(a => FirstPosition(terms, a.Terms)).Where(p => p >= 0).DefaultIfEmpty(int.MaxValue).Min())];
        var namesRole = guides.Count > 0;
        var asksToCompare = ComparisonPattern().IsMatch(question);
        if (namesRole && asksToCompare && context.GuideIds.Except(guides).Any())
        {
            // "How does that compare with ML engineers?" after an MLOps answer compares the two roles.
            guides.InsertRange(0, context.GuideIds.Except(guides));
        }
        var isComparison = guides.Count > 1 || asksToCompare;
        var comparisonTerms = guides.Count > 1
            ? index.Analyzer.Terms($"difference compare versus {comparisonWords}", index.Synonyms).ToHashSet(StringComparer.Ordinal)
            : [];
        // Everyday words the guides do not use say nothing about the topic; unknown topic words still count.
        var topic = terms.Where(t => !roleTerms.Contains(t) && !comparisonTerms.Contains(t) && !CommonWords.Contains(t))
            .Distinct(StringComparer.Ordinal).ToList();
        var unknown = topic.Where(t => !index.Contains(t)).ToList();
        var isFollowUp = !namesRole && context.GuideIds.Count > 0 && !IsGreeting(question);
        if (isFollowUp)
        {
            guides.AddRange(context.GuideIds);
        }
        // In a follow-up, "engineers" on its own means the role already being discussed, and another occupation
        // set against it ("how's that different from a data scientist?") is a comparison the guide may answer.
        var comparingInFollowUp = isFollowUp && (asksToCompare || context.LastSectionKey?.Contains("-vs-", StringComparison.Ordinal) == true);
        var otherProfession = !namesRole && !comparingInFollowUp && index.Analyzer.Keys(question).Concat(topic)
            .Any(t => s_professions.Contains(t) && !(isFollowUp && t == "engineer"));
        return new QueryAnalysis(
            question,
            terms,
            topic,
            unknown,
            guides,
            namesRole,
            isFollowUp,
            isComparison,
            otherProfession,
            InstructionPattern().IsMatch(question) ? OffTopicReason.Instructions
                : CodingPattern().IsMatch(question) ? OffTopicReason.Coding : null);
    }

    private static bool IsGreeting(string question) => GreetingPattern().IsMatch(question);

    private static bool ContainsSequence(List<string> terms, IReadOnlyList<string> sequence) => FirstPosition(terms, sequence) >= 0;

    private static int FirstPosition(List<string> terms, IReadOnlyList<string> sequence)
    {
        for (var i = 0; i + sequence.Count <= terms.Count; i++)
        {
            if (terms.Skip(i).Take(sequence.Count).SequenceEqual(sequence, StringComparer.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    [GeneratedRegex(@"\b(compare|comparison|compared|versus|vs\.?|difference|differ|different from|better paid)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ComparisonPattern();

    [GeneratedRegex(@"\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instruction|rule|prompt|guideline|guide|above|previous)|\b(system prompt|jailbreak|pretend (you are|to be)|act as|you are now|developer mode|reveal your)", RegexOptions.IgnoreCase)]
    private static partial Regex InstructionPattern();

    [GeneratedRegex(@"\b(write|fix|debug|generate|give me)\b.{0,40}\b(code|script|function|program|sql|query|regex|class)\b|\b(stack trace|compile error|syntax error)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CodingPattern();

    [GeneratedRegex(@"^\s*(hi|hello|hey|good (morning|afternoon|evening)|thanks?( you)?|cheers)\b[\s!.?]*$", RegexOptions.IgnoreCase)]
    private static partial Regex GreetingPattern();
}
