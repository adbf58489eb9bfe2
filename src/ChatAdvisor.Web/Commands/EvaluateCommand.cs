using System.Globalization;
using ChatAdvisor.Evaluation;

namespace ChatAdvisor.Web.Commands;

/// <summary>
/// <c>eval [--report FILE] [--sweep] [--dev]</c>: scores the advisor on the dev set and the held-out set, writes the Markdown
/// report, optionally prints the dev set's metrics at other confidence thresholds (tuning is done on the dev set only),
/// and exits 1 when a quality gate fails.
/// </summary>
internal static class EvaluateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var reportPath = Option(args, "--report") is { } given ? Path.GetFullPath(given, root) : null;
        // --dev shows the dev sets alone: what one looks at while tuning.
        var devOnly = args.Contains("--dev");
        if (reportPath is not null && devOnly)
        {
            Console.Error.WriteLine("--dev hides the held-out sets; the report shows them, so the two cannot be combined.");
            return 2;
        }
        List<GoldItem> dev, heldOut;
        List<(string Language, List<GoldItem>? Dev, List<GoldItem> HeldOut)> languages;
        try
        {
            dev = GoldItem.Load(Path.Combine(root, "tests", "eval", "gold-set.jsonl"));
            heldOut = GoldItem.Load(Path.Combine(root, "tests", "eval", "heldout", "questions.jsonl"), factsAreRegex: true);
            var folder = Path.Combine(root, "tests", "eval", "heldout", "languages");
            var devFolder = Path.Combine(root, "tests", "eval", "languages");
            languages = Directory.Exists(folder)
                ? [.. Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).Select(f => Path.GetFileNameWithoutExtension(f)).Select(language => (language,
                    File.Exists(Path.Combine(devFolder, $"{language}.jsonl")) ? GoldItem.Load(Path.Combine(devFolder, $"{language}.jsonl")) : null,
                    GoldItem.Load(Path.Combine(folder, $"{language}.jsonl"), factsAreRegex: true)))]
                : [];
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"Cannot read an evaluation set: {ex.Message}");
            return 2;
        }
        var evaluator = services.GetRequiredService<Evaluator>();
        var perLanguage = new List<LanguageReports>();
        foreach (var (language, languageDev, languageHeldOut) in languages)
        {
            perLanguage.Add(new(language, languageDev is null ? null : await evaluator.RunAsync(languageDev, evaluator.Advisor(), cancellationToken),
                await evaluator.RunAsync(languageHeldOut, evaluator.Advisor(), cancellationToken)));
        }
        var summary = new EvaluationSummary(evaluator.Mode,
            await evaluator.RunAsync(dev, evaluator.Advisor(), cancellationToken),
            await evaluator.RunAsync(heldOut, evaluator.Advisor(), cancellationToken)) { Languages = perLanguage };
        var columns = new List<(string Name, EvaluationReport Report)> { ("dev", summary.Dev) };
        if (!devOnly)
        {
            columns.Add(("held-out", summary.HeldOut));
        }
        foreach (var language in perLanguage)
        {
            if (language.Dev is { } languageDev)
            {
                columns.Add(($"{language.Language}-dev", languageDev));
            }
            if (!devOnly)
            {
                columns.Add((language.Language, language.HeldOut));
            }
        }
        Console.WriteLine($"{"metric",-40}{string.Concat(columns.Select(c => $"{c.Name,9}"))}");
        var values = columns.Select(c => c.Report.Metrics().ToList()).ToList();
        for (var m = 0; m < values[0].Count; m++)
        {
            Console.WriteLine($"{values[0][m].Name,-40}{string.Concat(values.Select(v => $"{v[m].Value,9}"))}");
        }
        if (reportPath is not null)
        {
            await File.WriteAllTextAsync(reportPath, summary.ToMarkdown(), cancellationToken);
            Console.WriteLine($"Report written to {reportPath}");
        }
        if (args.Contains("--failures"))
        {
            var md = new System.Text.StringBuilder();
            summary.Dev.AppendFailures(md, withAnswers: args.Contains("--answers"));
            foreach (var language in perLanguage.Where(l => l.Dev is not null))
            {
                md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{language.Language} dev:");
                language.Dev!.AppendFailures(md, withAnswers: args.Contains("--answers"));
            }
            Console.WriteLine(md);
        }
        if (Option(args, "--kinds") is { } kindsOf && perLanguage.FirstOrDefault(l => l.Language == kindsOf) is { HeldOut: { } report })
        {
            // Counts per kind only: the held-out questions themselves are not shown.
            var md = new System.Text.StringBuilder();
            report.AppendKinds(md);
            Console.WriteLine(md);
        }
        if (args.Contains("--sweep"))
        {
            var configured = evaluator.Thresholds;
            Console.WriteLine();
            Console.WriteLine("dev set: threshold  accuracy  coverage  false-abstention  abstain-recall");
            for (var t = 0.30; t <= 0.801; t += 0.025)
            {
                var r = await evaluator.RunAsync(dev, evaluator.Advisor(configured with { MinConfidence = t }), cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{t,17:0.000}  {r.AnsweredAccuracy,8:0.000}  {r.Coverage,8:0.000}  {r.FalseAbstentionRate,16:0.000}  {r.AbstentionRecall,14:0.000}"));
            }
            var languageDev = languages.Where(l => l.Dev is not null).SelectMany(l => l.Dev!).ToList();
            if (languageDev.Count > 0)
            {
                // The other languages' dev sets together, at other thresholds: the semantic one with embeddings on,
                // word coverage without them.
                var semantic = evaluator.Semantic;
                Console.WriteLine();
                Console.WriteLine($"other languages' dev sets: {(semantic ? "confidence" : "word coverage"),13}  accuracy  coverage  false-abstention  abstain-recall  hand-off");
                for (var t = 0.30; t <= 0.801; t += 0.025)
                {
                    var thresholds = semantic ? configured with { MinConfidenceOtherLanguages = t } : configured with { MinWordCoverage = t };
                    var r = await evaluator.RunAsync(languageDev, evaluator.Advisor(thresholds), cancellationToken);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{t,39:0.000}  {r.AnsweredAccuracy,8:0.000}  {r.Coverage,8:0.000}  {r.FalseAbstentionRate,16:0.000}  {r.AbstentionRecall,14:0.000}  {r.IntentAccuracy,8:0.000}"));
                }
            }
        }
        var failures = QualityGates.Failures(summary.Dev, QualityGates.Dev).Select(f => $"dev: {f}")
            .Concat(devOnly ? [] : QualityGates.Failures(summary.HeldOut, QualityGates.HeldOut).Select(f => $"held-out: {f}"))
            .Concat(devOnly ? [] : perLanguage.SelectMany(l => QualityGates.Failures(l.HeldOut, QualityGates.HeldOut).Select(f => $"held-out {l.Language}: {f}"))).ToList();
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
