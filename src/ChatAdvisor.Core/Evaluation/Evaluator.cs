using System.Diagnostics;
using System.Text.RegularExpressions;
using ChatAdvisor.Advice;
using ChatAdvisor.Generation;
using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Evaluation;

/// <summary>What a system under evaluation did with one turn: an answer, or a hand-off intent instead.</summary>
public sealed record EvaluatedTurn(Answer? Answer, IReadOnlyList<string> RankedSections, string? Intent);

/// <summary>Answers one turn for evaluation; the advisor normally, a deliberately broken one in the gate tests.</summary>
public delegate Task<EvaluatedTurn> TurnAnswerer(string question, AdviceContext context, CancellationToken cancellationToken);

/// <summary>
/// Runs a set through an answerer and scores it. Citations and figures are checked against the guides as loaded from
/// <c>knowledge/</c>, independently of what the answerer says it quoted: a citation is valid when its section exists
/// and (for quoted answers) every quoted sentence is in that section; a figure is faithful when a cited section
/// contains it; a fact counts when it matches the answer and, for the held-out set, a cited section too.
/// </summary>
public sealed partial class Evaluator(Advisor advisor, Intents intents, KnowledgeBase knowledge, Languages.LanguageDetector languages)
{
    /// <summary>
    /// The advisor as the bot uses it: hand-off intents first, then an answer. With a chat model configured (and no
    /// other threshold asked for) that is the whole pipeline, model included, and retrieval ranks are not reported.
    /// </summary>
    public TurnAnswerer Advisor(Advice.Thresholds? thresholds = null) => async (question, context, cancellationToken) =>
    {
        if (await intents.RecognizeAsync(question, context.Language, cancellationToken) is { } intent)
        {
            return new EvaluatedTurn(null, [], intent);
        }
        if (advisor.IsGenerative && thresholds is null)
        {
            return new EvaluatedTurn(await advisor.AnswerAsync(question, context, cancellationToken), [], null);
        }
        var trace = await advisor.TraceAsync(question, context, thresholds ?? advisor.Thresholds, cancellationToken);
        return new EvaluatedTurn(trace.Answer, trace.RankedSections, null);
    };

    /// <summary>The thresholds the advisor is configured with.</summary>
    public Advice.Thresholds Thresholds => advisor.Thresholds;

    /// <summary>Whether the knowledge has vectors, so that confidence is semantic rather than word coverage alone.</summary>
    public bool Semantic => knowledge.Current.Semantic is not null;

    /// <summary>What is being measured: with or without a model, with or without embeddings.</summary>
    public string Mode => $"{(advisor.IsGenerative ? "generative" : "extractive")}, {(knowledge.Current.Semantic is null ? "keywords only" : "keywords and embeddings")}";

    public async Task<EvaluationReport> RunAsync(IReadOnlyList<GoldItem> items, TurnAnswerer answerer, CancellationToken cancellationToken)
    {
        var results = new List<EvaluationResult>(items.Count);
        foreach (var item in items)
        {
            // As the bot does: each message decides the language (the item's language stands in for the client's
            // locale); a message that only asks for another language is not answered.
            var context = AdviceContext.Empty with { Language = item.Language ?? "en" };
            foreach (var turn in item.Turns.Take(item.Turns.Count - 1))
            {
                var decision = languages.Detect(turn, item.Language, context.Language);
                context = context with { Language = decision.Language };
                if (!decision.Requested)
                {
                    context = (await answerer(turn, context, cancellationToken)).Answer?.Context ?? context;
                }
            }
            context = context with { Language = languages.Detect(item.Turns[^1], item.Language, context.Language).Language };
            var started = Stopwatch.GetTimestamp();
            var judged = await answerer(item.Turns[^1], context, cancellationToken);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var sections = knowledge.For(context.Language).Chunks.ToDictionary(c => c.Key, StringComparer.Ordinal);
            var result = Score(item, judged, sections, latency);
            if (result.ValidCitations < result.Citations && context.Language != "en")
            {
                // An answer may come from the English guides (a language without a translation): judge it by those.
                var english = Score(item, judged, knowledge.Current.Chunks.ToDictionary(c => c.Key, StringComparer.Ordinal), latency);
                result = english.ValidCitations > result.ValidCitations ? english : result;
            }
            // A switch item is right only in the language asked for.
            results.Add(item.LanguageExpected is { } expected && context.Language != expected ? result with { Correct = false } : result);
        }
        return new EvaluationReport(results);
    }

    private static EvaluationResult Score(GoldItem item, EvaluatedTurn turn, Dictionary<string, Chunk> sections, double latency)
    {
        var answer = turn.Answer;
        var answered = answer?.Kind == AnswerKind.Answered;
        var text = answer?.Text ?? "";
        var citations = answer?.Citations ?? [];
        var cited = citations.Select(c => c.Key).ToList();
        var citedText = string.Join("\n", cited.Select(k => sections.TryGetValue(k, out var s) ? $"{s.Heading}\n{s.Text}" : ""));
        var rank = turn.RankedSections.Select((key, i) => (key, i)).FirstOrDefault(x => item.Sections.Contains(x.key));
        // Held-out items name no sections: there a fact must also be in what the answer cites.
        var missing = item.FactPatterns.Where(f => !f.IsMatch(text) || (item.Sections.Count == 0 && !f.IsMatch(citedText))).Select(f => f.ToString()).ToList();
        var rightSection = item.Sections.Count == 0 || cited.Intersect(item.Sections).Any();
        var correct = item.ShouldAnswer && answered && turn.Intent is null && rightSection && missing.Count == 0;
        var figures = AnswerVerifier.Figures(Prose(text)).ToList();
        var allowed = AnswerVerifier.Figures(citedText).ToHashSet(StringComparer.Ordinal);
        var valid = citations.Count(c => sections.TryGetValue(c.Key, out var section)
            && (answer!.Kind != AnswerKind.Answered || answer.Mode != Advice.Advisor.ExtractiveMode || QuotesAreIn(text, c.Position, section)));
        var factsCited = item.FactPatterns.All(f => f.IsMatch(citedText));
        return new EvaluationResult(item, answered, turn.Intent, correct, rank.key is null ? null : rank.i + 1, cited, missing,
            figures.Count, figures.Count(allowed.Contains), citations.Count, valid, answer?.Confidence ?? 0, latency, text, factsCited);
    }

    /// <summary>Every sentence or bullet the answer attributes to citation <paramref name="position"/> is in the section.</summary>
    private static bool QuotesAreIn(string text, int position, Chunk section)
    {
        var marker = $"[{position}]";
        var blocks = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(b => b.Contains(marker, StringComparison.Ordinal));
        var quoted = blocks.SelectMany(b => SectionUnits.Split(Prose(b))).Where(u => !RoleLabel().IsMatch(u.Text));
        var body = Whitespace().Replace(section.Text, " ");
        return quoted.All(u => body.Contains(Whitespace().Replace(u.Text, " ").Trim(), StringComparison.Ordinal));
    }

    private static string Prose(string text) => Marker().Replace(text, "").Replace(" \n", "\n", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"\s*\[\d+\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\*\*[^*]+\*\*$")]
    private static partial Regex RoleLabel();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
