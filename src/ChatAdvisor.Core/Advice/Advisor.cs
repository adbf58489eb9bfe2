using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ChatAdvisor.Generation;
using System.Text;
using ChatAdvisor.Knowledge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Advice;

/// <summary>
/// Answers questions about the roles from the guides alone: retrieve sections, decide whether they answer the
/// question, quote what answers it and cite where it came from. Declines rather than guesses.
/// </summary>
public sealed partial class Advisor(
    KnowledgeBase knowledge,
    IOptions<AdviceOptions> options,
    ILogger<Advisor> logger,
    SemanticScorer? semantic = null,
    GenerativeAnswerer? generative = null)
{
    public const string ExtractiveMode = "extractive";
    public const string GenerativeMode = "generative";

    /// <summary>
    /// Answers from the guides. Retrieval, confidence and declining are always decided here; when a language model
    /// is configured it only rewords the chosen passages, and its answer is used only if every citation and figure
    /// checks out against them (otherwise the quoted answer stands).
    /// </summary>
    public async Task<Answer> AnswerAsync(string question, AdviceContext context, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var index = knowledge.Current;
        var scores = semantic is { IsEnabled: true } ? await semantic.ScoreAsync(index, question, cancellationToken) : null;
        var answer = Trace(index, question, context, options.Value.MinConfidence, scores).Answer;
        if (answer.Kind == AnswerKind.Answered && generative is { IsEnabled: true })
        {
            answer = await RewordAsync(index, question, answer, cancellationToken) ?? answer;
        }
        AdviceLog.Answered(logger, answer.Kind, answer.Confidence, answer.Citations.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return answer;
    }

    internal Answer Answer(string question, AdviceContext context) => Trace(question, context, options.Value.MinConfidence).Answer;

    /// <summary>The answer together with the ranked sections behind it, for evaluation.</summary>
    internal AdviceTrace Trace(string question, AdviceContext context, double minConfidence) =>
        Trace(knowledge.Current, question, context, minConfidence, null);

    private AdviceTrace Trace(KnowledgeIndex index, string question, AdviceContext context, double minConfidence, IReadOnlyList<double>? semanticScores)
    {
        var query = QueryAnalyzer.Analyze(question, index, context);
        if (query.OffTopic is not null || query.MentionsOtherProfession)
        {
            return new(Abstain(index, query, context, 0), []);
        }
        var ranked = Rank(index, query, context, semanticScores);
        var keys = ranked.Select(r => r.Hit.Chunk.Key).ToList();
        return new(Compose(index, query, context, ranked, minConfidence), keys);
    }

    private Answer Compose(KnowledgeIndex index, QueryAnalysis query, AdviceContext context, List<Ranked> ranked, double minConfidence)
    {
        if (ranked.Count == 0)
        {
            return Abstain(index, query, context, 0);
        }
        var picks = query.IsComparison && query.GuideIds.Count > 1
            ? query.GuideIds.Select(g => ranked.FirstOrDefault(r => r.Hit.Chunk.GuideId == g)).OfType<Ranked>().ToList()
            : [ranked[0]];
        var confidence = picks.Min(p => p.Coverage);
        if (confidence < minConfidence)
        {
            return Abstain(index, query, context, confidence);
        }
        var text = new StringBuilder();
        var citations = new List<Citation>();
        foreach (var pick in picks)
        {
            var chunk = pick.Hit.Chunk;
            var units = ExtractiveAnswerer.Select(chunk, query, index, options.Value.MaxSentences);
            var position = citations.Count + 1;
            citations.Add(new Citation(position, chunk.GuideId, chunk.SectionId, chunk.GuideTitle, chunk.Heading, chunk.Text));
            if (picks.Count > 1)
            {
                text.Append("**").Append(chunk.Role).Append("**\n\n");
            }
            AppendUnits(text, units, position);
        }
        var guides = picks.Select(p => p.Hit.Chunk.GuideId).Distinct().ToList();
        return new Answer(AnswerKind.Answered, text.ToString().TrimEnd(), citations, Math.Round(confidence, 3),
            Suggestions.For(index, picks[0].Hit.Chunk, options.Value.SuggestionCount), ExtractiveMode,
            new AdviceContext(guides, picks[0].Hit.Chunk.Key));
    }

    private static void AppendUnits(StringBuilder text, IReadOnlyList<string> units, int position)
    {
        for (var i = 0; i < units.Count; i++)
        {
            var isLast = i == units.Count - 1;
            var next = isLast ? null : units[i + 1];
            text.Append(units[i]);
            if (isLast)
            {
                text.Append(" [").Append(position).Append(']');
            }
            var bulletBoundary = units[i].StartsWith("- ", StringComparison.Ordinal) != (next?.StartsWith("- ", StringComparison.Ordinal) ?? false);
            text.Append(isLast || bulletBoundary || units[i].StartsWith("- ", StringComparison.Ordinal) ? "\n" : " ");
            if (isLast || bulletBoundary)
            {
                text.Append('\n');
            }
        }
    }

    private static List<Ranked> Rank(KnowledgeIndex index, QueryAnalysis query, AdviceContext context, IReadOnlyList<double>? semanticScores)
    {
        if (query.TopicTerms.Count == 0)
        {
            return [.. query.GuideIds.Distinct().Select(g => Carried(index, g, context)).OfType<Ranked>()];
        }
        var hits = index.Search(query.TopicTerms, query.GuideIds.Count > 0 ? query.GuideIds : null, 25);
        if (hits.Count == 0)
        {
            return [];
        }
        var unknownWeight = index.Idf("\u0000");
        var topicWeight = query.TopicTerms.Sum(t => index.Contains(t) ? index.Idf(t) : unknownWeight);
        var maxScore = hits.Max(h => h.Score);
        return [.. hits.Select(h =>
            {
                var coverage = query.TopicTerms.Where(index.ChunkTerms[h.Ordinal].Contains).Sum(index.Idf) / topicWeight;
                var sameTopic = query.IsFollowUp && h.Chunk.Key == context.LastSectionKey ? 0.1 : 0;
                // Hybrid ranking when embeddings are configured: meaning breaks ties that words cannot.
                var meaning = semanticScores is null ? 0 : 0.3 * Math.Max(0, semanticScores[h.Ordinal]);
                return new Ranked(h, coverage, (0.7 * coverage) + (0.3 * h.Score / maxScore) + sameTopic + meaning);
            })
            .OrderByDescending(r => r.Rank)];
    }

    /// <summary>
    /// A question that names a role but no topic: "and an ML engineer?" keeps the topic of the previous answer;
    /// "tell me about MLOps engineers" gets the guide's opening section.
    /// </summary>
    private static Ranked? Carried(KnowledgeIndex index, string guideId, AdviceContext context)
    {
        var previousSection = context.LastSectionKey?[(context.LastSectionKey.IndexOf('#', StringComparison.Ordinal) + 1)..];
        var sections = index.Chunks.Select((chunk, ordinal) => (chunk, ordinal)).Where(x => x.chunk.GuideId == guideId).ToList();
        if (sections.Count == 0)
        {
            return null;
        }
        var pick = sections.FirstOrDefault(x => x.chunk.SectionId == previousSection);
        var (chunk, ordinal) = pick.chunk is null ? sections[0] : pick;
        return new Ranked(new SearchHit(chunk, 1, ordinal), 1.0, 1.0);
    }

    private async Task<Answer?> RewordAsync(KnowledgeIndex index, string question, Answer extractive, CancellationToken cancellationToken)
    {
        var passages = extractive.Citations.Select(c => index.Chunks.First(x => x.Key == c.Key)).ToList();
        var generated = await generative!.AnswerAsync(question, passages, cancellationToken);
        if (generated is null)
        {
            return null;
        }
        // Renumber the model's markers in order of first use, so citations read [1], [2]…
        var positions = generated.CitedPassages.Select((passage, i) => (passage, position: i + 1)).ToDictionary(x => x.passage, x => x.position);
        var text = CitationMarker().Replace(generated.Text, m => $"[{positions[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]}]");
        var citations = generated.CitedPassages.Select(p => extractive.Citations[p - 1] with { Position = positions[p] }).ToList();
        return extractive with { Text = text, Citations = citations, Mode = GenerativeMode };
    }

    private static Answer Abstain(KnowledgeIndex index, QueryAnalysis query, AdviceContext context, double confidence)
    {
        var reason = query.OffTopic switch
        {
            OffTopicReason.Instructions => "I can only answer from the agency's role guides, and I can't change how I work.",
            OffTopicReason.Coding => "I can't help with programming tasks: I only answer questions about the roles in the agency's guides.",
            _ when query.MentionsOtherProfession => "The agency's guides don't cover that role, so I won't guess.",
            _ => "The agency's guides don't cover that, so I won't guess.",
        };
        var roles = string.Join(" and ", index.Documents.Select(d => d.Role));
        var text = $"{reason} I can tell you about the {roles} roles: what they do, responsibilities, skills, "
            + "qualifications, salaries in Europe and common questions. I can also put you in touch with a recruiter or take your CV.";
        return new Answer(AnswerKind.Abstained, text, [], Math.Round(confidence, 3),
            Suggestions.Starters(index, 2), ExtractiveMode, context);
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex CitationMarker();

    private sealed record Ranked(SearchHit Hit, double Coverage, double Rank);
}

internal sealed record AdviceTrace(Answer Answer, IReadOnlyList<string> RankedSections)
{
}
