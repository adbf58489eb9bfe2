using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatAdvisor.Advice;
using ChatAdvisor.Evaluation;
using ChatAdvisor.Knowledge;
using ChatAdvisor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

// Answer latency with today's knowledge and with 10,000 synthetic sections added.
// Usage: dotnet run -c Release --project tests/ChatAdvisor.Benchmarks [-- --write]
var root = FindRoot();
var questions = GoldItem.Load(Path.Combine(root, "tests", "eval", "gold-set.jsonl"));
var results = new List<string>
{
    Measure("Today's knowledge", Path.Combine(root, "knowledge"), questions),
    Measure("Today's knowledge, every question new (question cache off)", Path.Combine(root, "knowledge"), questions, questionCache: false),
    Measure("Today's knowledge, repeated questions from the answer cache", Path.Combine(root, "knowledge"), questions, answerCache: true),
};
var synthetic = Directory.CreateTempSubdirectory("chatadvisor-bench-").FullName;
try
{
    if (!args.Contains("--small"))
    {
        SyntheticKnowledge.Write(Path.Combine(root, "knowledge"), synthetic, guides: 500, sectionsPerGuide: 20);
        results.Add(Measure("With 10,000 synthetic sections", synthetic, questions));
    }
}
finally
{
    Directory.Delete(synthetic, recursive: true);
}

var table = new StringBuilder()
    .AppendLine("| Scenario | Sections | Index build, cold cache (ms) | warm cache (ms) | Answers | p50 (ms) | p95 (ms) | max (ms) |")
    .AppendLine("|---|---|---|---|---|---|---|---|");
results.ForEach(r => table.AppendLine(r));
Console.Write(table);
if (args.Contains("--write"))
{
    var path = Path.Combine(root, "tests", "ChatAdvisor.Benchmarks", "RESULTS.md");
    var text = File.ReadAllText(path);
    var marker = "<!-- results -->";
    var stamp = string.Create(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, Release build.");
    File.WriteAllText(path, text[..(text.IndexOf(marker, StringComparison.Ordinal) + marker.Length)] + "\n\n" + stamp + "\n\n" + table);
    Console.WriteLine($"Written to {path}");
}

// The answer cache is off unless named: the other scenarios measure working an answer out.
static string Measure(string name, string folder, List<GoldItem> questions, bool questionCache = true, bool answerCache = false)
{
    // A cold build embeds every sentence into an empty vector cache; the warm one reads them back from it.
    var cache = Directory.CreateTempSubdirectory("chatadvisor-bench-cache-").FullName;
    try
    {
        var cold = Build(folder, cache, questionCache, answerCache, out var coldMs);
        cold.Dispose();
        using var services = Build(folder, cache, questionCache, answerCache, out var warmMs);
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        var advisor = services.GetRequiredService<Advisor>();
        var timings = new List<double>();
        for (var round = 0; round < 6; round++)
        {
            foreach (var item in questions)
            {
                var context = AdviceContext.Empty;
                foreach (var turn in item.Turns)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    context = advisor.AnswerAsync(turn, context, CancellationToken.None).GetAwaiter().GetResult().Context;
                    if (round > 0)
                    {
                        timings.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    }
                }
            }
        }
        timings.Sort();
        double P(double p) => timings[Math.Clamp((int)Math.Ceiling(p * timings.Count) - 1, 0, timings.Count - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {knowledge.Current.Chunks.Count} | {coldMs:0} | {warmMs:0} | {timings.Count} | {P(0.5):0.00} | {P(0.95):0.00} | {timings[^1]:0.00} |");
    }
    finally
    {
        Directory.Delete(cache, recursive: true);
    }
}

static ServiceProvider Build(string folder, string cache, bool questionCache, bool answerCache, out double buildMs)
{
    var started = Stopwatch.GetTimestamp();
    var services = new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = folder,
            ["Prompts:Path"] = Path.Combine(FindRoot(), "prompts"),
            ["Embeddings:CachePath"] = cache,
            ["Embeddings:QuestionCacheSize"] = questionCache ? "10000" : "0",
            ["Advice:AnswerCacheSize"] = answerCache ? "10000" : "0",
        }).Build())
        .AddSingleton<IHostEnvironment>(new BenchEnvironment())
        .AddLogging()
        .AddChatAdvisorAdvice()
        .BuildServiceProvider();
    _ = services.GetRequiredService<KnowledgeBase>().Current;
    buildMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    return services;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ChatAdvisor.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("ChatAdvisor.sln not found.");
}

internal sealed class BenchEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Benchmark";

    public string ApplicationName { get; set; } = "ChatAdvisor.Benchmarks";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
