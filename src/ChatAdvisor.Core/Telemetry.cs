using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatAdvisor;

/// <summary>
/// The project's own traces and metrics (OpenTelemetry reads them by the name <see cref="Name"/>). Tags carry
/// channels, modes and outcomes only: never a visitor's words, ids or files.
/// </summary>
public static class Telemetry
{
    public const string Name = "ChatAdvisor";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>(
        "chatadvisor.turn.duration", "ms", "Time from the start of a turn to its end, replies sent");

    public static readonly Counter<long> Answers = Meter.CreateCounter<long>(
        "chatadvisor.answers", "{answer}", "Answers given, by kind (answered, declined) and mode (extractive, generative)");

    public static readonly Counter<long> AnswerCacheHits = Meter.CreateCounter<long>(
        "chatadvisor.answers.cache_hits", "{answer}", "Extractive answers taken from the answer cache instead of worked out again");

    public static readonly Counter<long> QuestionEmbeddings = Meter.CreateCounter<long>(
        "chatadvisor.embeddings.questions", "{question}", "Questions embedded for retrieval, by whether the vector came from the cache");
}
