using System.Globalization;
using System.Text;

namespace ChatAdvisor.Evaluation;

/// <summary>
/// The dev set (which may be tuned on) and the held-out set (which never is) side by side. Only the dev set's
/// wrong items are listed with their questions; the held-out set reports counts per kind, so that reading the
/// report cannot turn into tuning on it.
/// </summary>
public sealed record EvaluationSummary(string Mode, EvaluationReport Dev, EvaluationReport HeldOut)
{
    /// <summary>
    /// Each other language: its dev set (<c>tests/eval/languages/&lt;code&gt;.jsonl</c>, written from the translated
    /// guides, tuned on) when there is one, and its held-out set (<c>tests/eval/heldout/languages/&lt;code&gt;.jsonl</c>).
    /// </summary>
    public IReadOnlyList<LanguageReports> Languages { get; init; } = [];

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Evaluation report ({Mode})").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Dev set `tests/eval/gold-set.jsonl`: {Dev.Results.Count} items ({Dev.Count(GoldItem.Answer)} to answer, {Dev.Count(GoldItem.Abstain)} to decline). ");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Held-out set `tests/eval/heldout/questions.jsonl`: {HeldOut.Results.Count} items ({HeldOut.Count(GoldItem.Answer)} to answer, {HeldOut.Count(GoldItem.Abstain)} to decline, {HeldOut.Count(GoldItem.Apply) + HeldOut.Count(GoldItem.JobSearch)} hand-offs).").AppendLine();
        md.AppendLine("| Metric | Dev | Held-out | Held-out gate |").AppendLine("|---|---|---|---|");
        var gates = QualityGates.HeldOut.ToDictionary(g => g.Name, g => g.Describe(), StringComparer.Ordinal);
        foreach (var ((name, dev), (_, heldOut)) in Dev.Metrics().Zip(HeldOut.Metrics()))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {dev} | {heldOut} | {gates.GetValueOrDefault(name, "")} |");
        }
        if (Languages.Count > 0)
        {
            md.AppendLine().AppendLine("## Other languages").AppendLine();
            md.AppendLine("Dev: written from the translated guides (`tests/eval/languages/`), tuned on. Held-out: written from the seed "
                + "pages in each language by a writer who saw neither the translated guides nor the bot (`tests/eval/heldout/languages/`), "
                + "gated like the English held-out set.").AppendLine();
            var columns = new List<(string Name, EvaluationReport Report)>();
            foreach (var language in Languages)
            {
                if (language.Dev is { } dev)
                {
                    columns.Add(($"{language.Language} dev", dev));
                }
                columns.Add(($"{language.Language} held-out", language.HeldOut));
            }
            md.AppendLine(CultureInfo.InvariantCulture, $"| Metric | {string.Join(" | ", columns.Select(c => $"{c.Name} ({c.Report.Results.Count})"))} | Held-out gate |");
            md.AppendLine(CultureInfo.InvariantCulture, $"|---|{string.Concat(columns.Select(_ => "---|"))}---|");
            var metrics = columns.Select(c => c.Report.Metrics().ToList()).ToList();
            for (var m = 0; m < metrics[0].Count; m++)
            {
                var name = metrics[0][m].Name;
                md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {string.Join(" | ", metrics.Select(l => l[m].Value))} | {gates.GetValueOrDefault(name, "")} |");
            }
        }
        md.AppendLine().AppendLine("## Why items were wrong").AppendLine();
        md.AppendLine("| Class | Dev | Held-out |").AppendLine("|---|---|---|");
        var devWhy = Dev.Failures.CountBy(r => r.Why!).ToDictionary();
        var heldOutWhy = HeldOut.Failures.CountBy(r => r.Why!).ToDictionary();
        foreach (var why in devWhy.Keys.Union(heldOutWhy.Keys).OrderByDescending(heldOutWhy.GetValueOrDefault).ThenBy(w => w, StringComparer.Ordinal))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {why} | {devWhy.GetValueOrDefault(why)} | {heldOutWhy.GetValueOrDefault(why)} |");
        }
        md.AppendLine().AppendLine("## Held-out set by kind").AppendLine();
        HeldOut.AppendKinds(md);
        md.AppendLine().AppendLine("## Dev set by kind").AppendLine();
        Dev.AppendKinds(md);
        md.AppendLine().AppendLine("## Dev items judged wrong").AppendLine();
        Dev.AppendFailures(md);
        foreach (var language in Languages.Where(l => l.Dev is not null))
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Dev items judged wrong ({language.Language})").AppendLine();
            language.Dev!.AppendFailures(md);
        }
        return md.ToString();
    }
}

/// <summary>One other language's dev report (absent when it has no dev set) and held-out report.</summary>
public sealed record LanguageReports(string Language, EvaluationReport? Dev, EvaluationReport HeldOut);
