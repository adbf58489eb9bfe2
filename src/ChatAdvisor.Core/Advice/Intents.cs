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
    public Task<string?> RecognizeAsync(string text, CancellationToken cancellationToken) => RecognizeAsync(text, "en", cancellationToken);

    /// <summary>
    /// As <see cref="RecognizeAsync(string, CancellationToken)"/> for a message in <paramref name="language"/>: the
    /// English patterns still apply (visitors write "CV" everywhere), then the phrases of that language's
    /// <c>request-apply-words</c> and <c>request-jobs-words</c>, then the examples of
    /// <c>knowledge/&lt;code&gt;/intents.yaml</c>, compared by their words in that language.
    /// </summary>
    public async Task<string?> RecognizeAsync(string text, string language, CancellationToken cancellationToken)
    {
        if (language != "en" && knowledge.Translated(language) is { } translated)
        {
            if (string.Equals(text.Trim(), knowledge.Messages(language).Get(Languages.MessageKeys.SendCv), StringComparison.OrdinalIgnoreCase))
            {
                return Apply;
            }
            var words = Cvs.CvText.For(knowledge.Messages(language));
            return Pattern(text)
                ?? (words.AsksToApply(text) ? Apply : words.AsksForJobs(text) ? JobSearch : null)
                ?? ByExampleWords(translated, text);
        }
        if (text.Trim().Length is 0 or > 300)
        {
            return null;
        }
        if (Pattern(text) is { } clear)
        {
            return clear;
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

    private static string? Pattern(string text)
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
        return JobSearchPattern().IsMatch(normalized) && !AboutTheGuidesPattern().IsMatch(normalized) ? JobSearch : null;
    }

    /// <summary>
    /// The intent whose example shares most of its words with the message (F1 of the two word sets at least
    /// <see cref="MinWordOverlap"/>, two words or more in common), and only when no guide section covers the message
    /// better: "Welche Branchen stellen MLOps Engineers ein?" stays a question.
    /// </summary>
    private static string? ByExampleWords(KnowledgeIndex index, string text)
    {
        var words = index.Analyzer.Terms(text, index.Synonyms, index.Normalize).ToHashSet(StringComparer.Ordinal);
        if (words.Count == 0 || index.Intents.Examples.Count == 0)
        {
            return null;
        }
        var best = index.Intents.Examples
            .Select(e => (e.Intent, Score: Overlap(words, index.Analyzer.Terms(e.Text, index.Synonyms).ToHashSet(StringComparer.Ordinal))))
            .MaxBy(e => e.Score.F1);
        if (best.Score.F1 >= 1)
        {
            // The message says what an example says, word for word ("Ich möchte mich bewerben" is one word that counts).
            return best.Intent;
        }
        if (best.Score.F1 < MinWordOverlap || best.Score.Shared < 2)
        {
            return null;
        }
        var guides = index.ChunkTerms.Max(t => Overlap(words, t).Recall);
        return best.Score.Recall > guides ? best.Intent : null;
    }

    /// <summary>Word overlap of a message with a text: shared words, their share of the message (recall) and F1.</summary>
    private static (int Shared, double Recall, double F1) Overlap(HashSet<string> message, HashSet<string> other)
    {
        if (other.Count == 0)
        {
            return (0, 0, 0);
        }
        var shared = message.Count(other.Contains);
        var recall = (double)shared / message.Count;
        var precision = (double)shared / other.Count;
        return (shared, recall, shared == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    /// <summary>How much of a translated example a message must share (see <see cref="ByExampleWords"/>).</summary>
    public const double MinWordOverlap = 0.5;

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
