using System.Diagnostics;
using System.Text.RegularExpressions;
using ChatAdvisor.Advice;
using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Evaluation;

/// <summary>Runs a gold set through the advisor and scores retrieval, answers, abstention and faithfulness.</summary>
public sealed partial class Evaluator(Advisor advisor, KnowledgeBase knowledge)
{
    public EvaluationReport Run(IReadOnlyList<GoldItem> items, double threshold)
    {
        var chunks = knowledge.Current.Chunks.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var results = new List<EvaluationResult>(items.Count);
        foreach (var item in items)
        {
            var context = AdviceContext.Empty;
            foreach (var turn in item.Turns.Take(item.Turns.Count - 1))
            {
                context = advisor.Trace(turn, context, threshold).Answer.Context;
            }
            var started = Stopwatch.GetTimestamp();
            var trace = advisor.Trace(item.Turns[^1], context, threshold);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            results.Add(Score(item, trace, chunks, latency));
        }
        return new EvaluationReport(results, threshold);
    }

    private static EvaluationResult Score(GoldItem item, AdviceTrace trace, Dictionary<string, Chunk> chunks, double latency)
    {
        var answer = trace.Answer;
        var answered = answer.Kind == AnswerKind.Answered;
        var cited = answer.Citations.Select(c => c.Key).ToList();
        var rankIndex = trace.RankedSections.Select((key, i) => (key, i)).FirstOrDefault(x => item.Sections.Contains(x.key));
        int? goldRank = rankIndex.key is null ? null : rankIndex.i + 1;
        var text = Normalize(answer.Text);
        var missing = item.Facts.Where(f => !text.Contains(Normalize(f), StringComparison.OrdinalIgnoreCase)).ToList();
        var citedText = Numberless(string.Join(' ', answer.Citations.Select(c => c.Excerpt)));
        var numbers = NumberPattern().Matches(MarkerPattern().Replace(answer.Text, "")).Select(m => Numberless(m.Value)).ToList();
        var valid = answer.Citations.Count(c => chunks.TryGetValue(c.Key, out var chunk) && chunk.Text == c.Excerpt);
        var correct = item.ShouldAnswer && answered && cited.Intersect(item.Sections).Any() && missing.Count == 0;
        return new EvaluationResult(item, answered, correct, goldRank, cited, missing, numbers.Count,
            numbers.Count(n => citedText.Contains(n, StringComparison.Ordinal)), answer.Citations.Count, valid,
            answer.Confidence, latency, answer.Text);
    }

    private static string Normalize(string text) => WhitespacePattern().Replace(text, " ");

    private static string Numberless(string text) => text.Replace(",", "", StringComparison.Ordinal);

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
