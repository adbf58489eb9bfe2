using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ChatAdvisor.Generation;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Languages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ChatAdvisor.Advice;

/// <summary>
/// Answers questions about the roles from the guides alone: retrieve sections, decide whether they answer the
/// question, quote the sentences that do and cite where they came from. Declines rather than guesses, and when it
/// declines says what the guides do have nearby.
/// </summary>
public sealed partial class Advisor(
    KnowledgeBase knowledge,
    Kernel kernel,
    IOptions<AdviceOptions> options,
    ILogger<Advisor> logger,
    AnswerGeneration? generation = null) : IDisposable
{
    /// <summary>
    /// Extractive answers already worked out, keyed by everything they depend on: the question as typed (case and
    /// spacing aside), the conversation's context, the threshold and the knowledge version (a reload starts afresh).
    /// </summary>
    private readonly MemoryCache? _answers = options.Value.AnswerCacheSize > 0
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.AnswerCacheSize })
        : null;

    public const string ExtractiveMode = "extractive";
    public const string GenerativeMode = "generative";

    /// <summary>What a visitor clicks to see the whole section behind the last answer.</summary>
    public const string TellMeMore = "Tell me more";

    /// <summary>True when a chat model rewords (or translates) the extractive answers.</summary>
    public bool IsGenerative => generation is { IsEnabled: true };

    /// <summary>The configured confidence below which questions are declined.</summary>
    public Thresholds Thresholds => new(options.Value.MinConfidence, options.Value.MinWordCoverage, options.Value.MinConfidenceOtherLanguages);

    /// <summary>
    /// Answers from the guides. Retrieval, confidence and declining are always decided here; when a language model
    /// is configured it only rewords the chosen passages, and its answer is used only if every citation and figure
    /// checks out against them (otherwise the quoted answer stands).
    /// </summary>
    /// <remarks>With a model, <paramref name="stream"/> (if given) receives the checked text so far as it grows.</remarks>
    public async Task<Answer> AnswerAsync(
        string question, AdviceContext context, CancellationToken cancellationToken, Func<string, CancellationToken, Task>? stream = null)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Telemetry.Source.StartActivity("answer");
        Answer answer;
        if (context.Language != "en" && generation is { IsEnabled: true } && knowledge.Translated(context.Language) is null
            && LanguageCatalog.Find(context.Language) is { } language)
        {
            answer = await TranslatedAsync(question, context, language, generation, stream, cancellationToken);
        }
        else
        {
            AdviceTrace trace;
            using (Telemetry.Source.StartActivity("retrieve"))
            {
                trace = await TraceAsync(question, context, Thresholds, cancellationToken);
            }
            answer = trace.Answer;
            if (answer.Kind == AnswerKind.Answered && generation is { IsEnabled: true } && !trace.WholeSection)
            {
                using (Telemetry.Source.StartActivity("generate"))
                {
                    answer = await generation.RewordAsync(question, answer, stream, cancellationToken) ?? answer;
                }
            }
        }
        var kind = answer.Kind == AnswerKind.Answered ? "answered" : "declined";
        var mode = answer.Mode.Split(' ')[0];
        span?.SetTag("chatadvisor.answer.kind", kind);
        span?.SetTag("chatadvisor.answer.mode", mode);
        span?.SetTag("chatadvisor.answer.citations", answer.Citations.Count);
        Telemetry.Answers.Add(1, new("kind", kind), new("mode", mode));
        AdviceLog.Answered(logger, answer.Kind, answer.Confidence, answer.Citations.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return answer;
    }

    /// <summary>
    /// A visitor whose language has no translated guides, with a model configured: the question is put into English,
    /// answered from the English guides as any other, and the model writes that answer in the visitor's language
    /// under the same citation and figure checks, marked as a translation. When the model cannot, the English answer
    /// stands, introduced in the visitor's language.
    /// </summary>
    private async Task<Answer> TranslatedAsync(
        string question, AdviceContext context, LanguageProfile language, AnswerGeneration generation,
        Func<string, CancellationToken, Task>? stream, CancellationToken cancellationToken)
    {
        var messages = knowledge.Messages(context.Language);
        var languageName = language.Culture.EnglishName;
        string? english;
        using (Telemetry.Source.StartActivity("translate"))
        {
            english = await generation.TranslateQuestionAsync(question, languageName, cancellationToken);
        }
        AdviceTrace trace;
        using (Telemetry.Source.StartActivity("retrieve"))
        {
            trace = await TraceAsync(english ?? question, context, Thresholds, cancellationToken);
        }
        var answer = trace.Answer;
        if (answer.Kind != AnswerKind.Answered)
        {
            return answer;
        }
        if (english is not null && !trace.WholeSection)
        {
            using (Telemetry.Source.StartActivity("generate"))
            {
                var written = await generation.RewordAsync(question, answer, stream, cancellationToken, languageName);
                if (written is { Mode: GenerativeMode })
                {
                    return written with { Text = $"{written.Text}\n\n_{messages.Get(MessageKeys.AnswerTranslated)}_", TranslatedFrom = "en" };
                }
                answer = written ?? answer;
            }
        }
        return answer with { Text = $"{messages.Get(MessageKeys.AnswerEnglishOnly)}\n\n{answer.Text}" };
    }

    /// <summary>The extractive answer together with the ranked sections behind it, for evaluation.</summary>
    internal async Task<AdviceTrace> TraceAsync(string question, AdviceContext context, Thresholds thresholds, CancellationToken cancellationToken)
    {
        if (_answers is null)
        {
            return await ComputeTraceAsync(question, context, thresholds, cancellationToken);
        }
        _ = knowledge.Current; // loads the guides on first use, which sets the version
        var key = new AnswerKey(knowledge.Version, context.Language, Normalized(question), context.LastSectionKey,
            string.Join(',', context.GuideIds), thresholds);
        if (_answers.TryGetValue(key, out AdviceTrace? known) && known is not null)
        {
            Telemetry.AnswerCacheHits.Add(1);
            return known;
        }
        var trace = await ComputeTraceAsync(question, context, thresholds, cancellationToken);
        _answers.Set(key, trace, new MemoryCacheEntryOptions { Size = 1 });
        return trace;
    }

    public void Dispose() => _answers?.Dispose();

    private static string Normalized(string question) =>
        string.Join(' ', question.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private async Task<AdviceTrace> ComputeTraceAsync(string question, AdviceContext context, Thresholds thresholds, CancellationToken cancellationToken)
    {
        var index = knowledge.For(context.Language);
        if ((TellMeMorePattern().IsMatch(question) || string.Equals(question.Trim(), knowledge.Messages(context.Language).Get(MessageKeys.TellMeMore), StringComparison.OrdinalIgnoreCase)) && context.LastSectionKey is { } last
            && index.OrdinalOf(last) is >= 0 and var previous)
        {
            var section = new RankedSection(index.Chunks[previous], previous, 1, 1, 1, 1, 1, null);
            return new(Compose(index, [section], index.Units[previous], 1, context, wholeSection: true), [last], true);
        }
        var retrieval = await kernel.InvokeAsync<Retrieval>(KnowledgePlugin.Name, KnowledgePlugin.Search,
            new KernelArguments { ["question"] = question, ["context"] = context }, cancellationToken)
            ?? throw new InvalidOperationException("The knowledge search returned nothing.");
        return new(Decide(index, retrieval, context, thresholds), [.. retrieval.Sections.Select(s => s.Chunk.Key)], false);
    }

    private Answer Decide(KnowledgeIndex index, Retrieval retrieval, AdviceContext context, Thresholds thresholds)
    {
        var query = retrieval.Query;
        if (query.OffTopic is not null || query.MentionsOtherProfession || retrieval.Best is not { } best)
        {
            return Declines.Answer(index, knowledge.Messages(context.Language), retrieval, context, DeclineReason.Of(query), null, options.Value);
        }
        var comparison = query.IsComparison && query.GuideIds.Count > 1;
        // "What's the difference between an MLOps engineer and an ML engineer?" names the roles and nothing else:
        // what each guide says a role is answers it.
        var comparesRoles = comparison && query.TopicTerms.Count == 0;
        List<RankedSection> picks = comparison
            ? [.. query.GuideIds.Select(g => comparesRoles ? Overview(index, retrieval, g) : retrieval.Sections.FirstOrDefault(r => r.Chunk.GuideId == g)).OfType<RankedSection>()]
            : [best];
        var confidence = comparesRoles ? 1 : picks.Min(p => p.Confidence);
        var missingPlace = picks.Select(p => Declines.MissingPlace(index, p.Chunk, query)).FirstOrDefault(p => p is not null);
        if (missingPlace is not null && best.Meaning >= options.Value.NearbyMeaning)
        {
            return Declines.Answer(index, knowledge.Messages(context.Language), retrieval, context, DeclineReason.Place(missingPlace), picks[0], options.Value) with { Confidence = Math.Round(confidence, 3) };
        }
        var unanswerable = picks.Any(p => !AnswerKinds.CanAnswer(query.Question, p.Chunk.Text, knowledge.Messages(index.Language.Code)));
        if (confidence < thresholds.For(index.Language, retrieval.Semantic) || missingPlace is not null || unanswerable)
        {
            var nearby = best.Meaning >= options.Value.NearbyMeaning ? best : null;
            return Declines.Answer(index, knowledge.Messages(context.Language), retrieval, context, DeclineReason.NotCovered, nearby, options.Value) with { Confidence = Math.Round(confidence, 3) };
        }
        var units = picks.Select(p => AnswerComposer.Select(index, p, query, options.Value)).ToList();
        if (picks.Count == 1)
        {
            return Compose(index, picks, units[0], confidence, context, wholeSection: units[0].Count == index.Units[picks[0].Ordinal].Count);
        }
        return ComposeComparison(index, picks, units, confidence, context);
    }

    /// <summary>A guide's opening section, which says what the role is, as retrieval ranked it (or unranked).</summary>
    private static RankedSection? Overview(KnowledgeIndex index, Retrieval retrieval, string guideId)
    {
        if (index.Documents.FirstOrDefault(d => d.Id == guideId) is not { Chunks.Count: > 0 } guide)
        {
            return null;
        }
        var ordinal = index.OrdinalOf(guide.Chunks[0].Key);
        return retrieval.Sections.FirstOrDefault(r => r.Ordinal == ordinal) ?? new RankedSection(index.Chunks[ordinal], ordinal, 0, 0, 0, 0, 1, null);
    }

    private Answer Compose(KnowledgeIndex index, List<RankedSection> picks, IReadOnlyList<SectionUnit> units, double confidence, AdviceContext context, bool wholeSection)
    {
        var chunk = picks[0].Chunk;
        var text = new StringBuilder();
        AnswerText.AppendUnits(text, units, 1);
        var suggestions = Suggestions.For(index, chunk, options.Value.SuggestionCount);
        if (!wholeSection)
        {
            suggestions = [knowledge.Messages(context.Language).Get(MessageKeys.TellMeMore), .. suggestions.Take(options.Value.SuggestionCount - 1)];
        }
        return new Answer(AnswerKind.Answered, text.ToString().TrimEnd(), [Citation.Of(1, chunk)], Math.Round(confidence, 3),
            suggestions, ExtractiveMode, new AdviceContext([chunk.GuideId], chunk.Key, context.Language));
    }

    private Answer ComposeComparison(KnowledgeIndex index, List<RankedSection> picks, List<IReadOnlyList<SectionUnit>> units, double confidence, AdviceContext context)
    {
        var text = new StringBuilder();
        var citations = new List<Citation>();
        for (var i = 0; i < picks.Count; i++)
        {
            citations.Add(Citation.Of(i + 1, picks[i].Chunk));
            text.Append("**").Append(picks[i].Chunk.Role).Append("**\n\n");
            AnswerText.AppendUnits(text, units[i], i + 1);
        }
        return new Answer(AnswerKind.Answered, text.ToString().TrimEnd(), citations, Math.Round(confidence, 3),
            Suggestions.For(index, picks[0].Chunk, options.Value.SuggestionCount), ExtractiveMode,
            new AdviceContext([.. picks.Select(p => p.Chunk.GuideId).Distinct()], picks[0].Chunk.Key, context.Language));
    }

    [GeneratedRegex(@"^\s*(tell me more|more( details| info(rmation)?)?( please)?|go on|(show|read)( me)? (the )?(full|whole) (section|text|guide)|read more)\s*[.!?]*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TellMeMorePattern();
}

internal sealed record AdviceTrace(Answer Answer, IReadOnlyList<string> RankedSections, bool WholeSection);

internal readonly record struct AnswerKey(int Version, string Language, string Question, string? LastSectionKey, string GuideIds, Thresholds Thresholds);

/// <summary>The confidence an answer needs: with the semantic match, and from word coverage alone.</summary>
public readonly record struct Thresholds(double MinConfidence, double MinWordCoverage, double MinConfidenceOtherLanguages)
{
    /// <summary>The lowest confidence answered from an index in <paramref name="language"/>, with or without embeddings.</summary>
    public double For(Languages.LanguageProfile language, bool semantic) =>
        !semantic ? MinWordCoverage : language.IsEnglish ? MinConfidence : MinConfidenceOtherLanguages;
}
