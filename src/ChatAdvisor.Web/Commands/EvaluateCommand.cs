using System.Globalization;
using ChatAdvisor.Advice;
using ChatAdvisor.Evaluation;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Commands;

/// <summary>
/// <c>eval [--gold FILE] [--report FILE] [--sweep]</c>: scores the advisor on the gold set, writes the Markdown
/// report, optionally prints the metrics at other confidence thresholds, and exits 1 when a quality gate fails.
/// </summary>
internal static class EvaluateCommand
{
    public static int Run(IServiceProvider services, string[] args)
    {
        var root = RepositoryRoot();
        var gold = Path.GetFullPath(Option(args, "--gold") ?? Path.Combine("tests", "eval", "gold-set.jsonl"), root);
        var reportPath = Option(args, "--report") is { } given ? Path.GetFullPath(given, root) : null;
        List<GoldItem> items;
        try
        {
            items = GoldItem.Load(gold);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"Cannot read the gold set: {ex.Message}");
            return 2;
        }
        var evaluator = services.GetRequiredService<Evaluator>();
        var threshold = services.GetRequiredService<IOptions<AdviceOptions>>().Value.MinConfidence;
        var report = evaluator.Run(items, threshold);
        foreach (var (name, value) in report.Metrics())
        {
            Console.WriteLine($"{name,-24}{value}");
        }
        if (reportPath is not null)
        {
            File.WriteAllText(reportPath, report.ToMarkdown());
            Console.WriteLine($"Report written to {reportPath}");
        }
        if (args.Contains("--sweep"))
        {
            Console.WriteLine();
            Console.WriteLine("threshold  accuracy  coverage  abstain-precision  abstain-recall");
            for (var t = 0.20; t <= 0.901; t += 0.05)
            {
                var r = evaluator.Run(items, t);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{t,9:0.00}  {r.AnsweredAccuracy,8:0.000}  {r.Coverage,8:0.000}  {r.AbstentionPrecision,17:0.000}  {r.AbstentionRecall,14:0.000}"));
            }
        }
        var failures = QualityGates.Failures(report);
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"Gate failed: {failure}");
        }
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Relative paths are taken from the repository root (the folder with ChatAdvisor.sln), else the current folder.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatAdvisor.sln")))
            {
                return dir.FullName;
            }
        }
        return Environment.CurrentDirectory;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
