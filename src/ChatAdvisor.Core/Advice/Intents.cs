using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Advice;

/// <summary>
/// Recognises the two hand-offs that are not questions for the guides: wanting to apply (send a CV) and asking for
/// job openings (which the agency's guides do not list). Clear wording is matched by pattern; other phrasings by
/// closeness to the examples in <c>knowledge/intents.yaml</c>, but only when the message is closer to an example
/// than to anything the guides say, so "which industries hire MLOps engineers?" stays a question.
/// </summary>
public sealed partial class Intents(KnowledgeBase knowledge)
{
    public const string Apply = "apply";
    public const string JobSearch = "jobsearch";

    /// <summary>Cosine an example must reach before a message counts as that intent.</summary>
    public const float MinSimilarity = 0.6f;

    /// <summary><see cref="Apply"/>, <see cref="JobSearch"/> or null for a question (or anything else).</summary>
    public async Task<string?> RecognizeAsync(string text, CancellationToken cancellationToken)
    {
        var normalized = text.Trim().ToLowerInvariant().Replace('’', '\'');
        if (normalized.Length == 0 || normalized.Length > 300)
        {
            return null;
        }
        // Sending a CV wins over the jobs it is for ("where do I send my CV for MLOps jobs?").
        if (ApplyPattern().IsMatch(normalized) && !QuestionAboutApplyingPattern().IsMatch(normalized))
        {
            return Apply;
        }
        if (JobSearchPattern().IsMatch(normalized) && !AboutTheGuidesPattern().IsMatch(normalized))
        {
            return JobSearch;
        }
        var index = knowledge.Current;
        if (index.Semantic is null || knowledge.Embedder is null || index.Semantic.Intents.Count == 0)
        {
            return null;
        }
        var vector = await knowledge.Embedder.EmbedQuestionAsync(text, cancellationToken);
        if (vector is null)
        {
            return null;
        }
        var (intent, similarity) = index.Semantic.Intents
            .Select(e => (e.Intent, Similarity: TensorPrimitives.CosineSimilarity(e.Vector, vector)))
            .MaxBy(e => e.Similarity);
        var guides = index.Semantic.Score(vector).Max(s => s.Best);
        return similarity >= MinSimilarity && similarity > guides + 0.05f ? intent : null;
    }

    [GeneratedRegex(@"\b(find|get|land|search|show|send|give|list|recommend|point)\b.{0,30}\b(jobs?|openings?|vacanc(y|ies)|positions?|listings?|postings?|adverts?|ads)\b|\b(any|are there|got any|have you got|do you have)\b.{0,40}\b(jobs?|openings?|vacanc(y|ies)|positions?|roles?|listings?|postings?)\b( (open|available|going))?|\b(job board|job links?|links? to (jobs|openings|vacancies))\b|\b(which|what) (companies|employers|firms)\b.{0,30}\b(hiring|recruiting)\b|\b(jobs?|openings?|positions?|vacanc(y|ies))\b.{0,15}\b(are|is) (open|available)\b")]
    private static partial Regex JobSearchPattern();

    // Questions the guides answer even though they mention hiring: which sectors or industries recruit the role.
    // Also questions about what the agency does in general ("do you help engineers find jobs?").
    [GeneratedRegex(@"\bdo you (help|support|place)\b|\b(industr(y|ies)|sectors?|fields?|kinds? of (companies|organi[sz]ations)|types? of (companies|organi[sz]ations))\b")]
    private static partial Regex AboutTheGuidesPattern();

    // Wanting to apply, not asking about "applications" of machine learning: apply as a verb the visitor does, a CV to
    // hand over, or a plain "sign me up".
    [GeneratedRegex(@"^\W*(yes\W+)?(please\W+)?apply\b|\b(i'?d|i would|i want|i wish|i'?m keen|i'?m ready|i am ready|can i|could i|may i|how (do|can|should) i|where (do|can) i|let me|want to|wanna|ready to|going to|help me)\b.{0,25}\bapply\b|\b(start|submit|send|make|begin)\b.{0,10}\b(an|my|the)\s+application\b|\b(send|submit|upload|share|attach|hand in|give you|forward|pass on)\b.{0,25}\b(cv|c\.v\.|resume|résumé)\b|\b(cv|resume|résumé)\b.{0,20}\b(upload|send|submit)\b|\b(sign me up|put me forward|count me in)\b")]
    private static partial Regex ApplyPattern();

    // "What qualifications do I need to apply?" asks about the role, not to apply.
    [GeneratedRegex(@"\b(need|require[sd]?|qualif\w*|degree|skills?|experience)\b.{0,30}\bto apply\b|\bshould i apply\b.{0,40}\b(degree|skills?|experience)\b")]
    private static partial Regex QuestionAboutApplyingPattern();
}
