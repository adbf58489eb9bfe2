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
    /// <summary>The held-out set of each other language (<c>tests/eval/heldout/languages/&lt;code&gt;.jsonl</c>).</summary>
    public IReadOnlyList<(string Language, EvaluationReport Report)> Languages { get; init; } = [];

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
            md.AppendLine().AppendLine("## Held-out sets in other languages").AppendLine();
            md.AppendLine("Written from the seed pages in each language by a writer who saw neither the translated guides nor the bot "
                + "(`tests/eval/heldout/languages/`); gated like the English held-out set.").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"| Metric | {string.Join(" | ", Languages.Select(l => $"{l.Language} ({l.Report.Results.Count})"))} | Gate |");
            md.AppendLine(CultureInfo.InvariantCulture, $"|---|{string.Concat(Languages.Select(_ => "---|"))}---|");
            var metrics = Languages.Select(l => l.Report.Metrics().ToList()).ToList();
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
        return md.ToString();
    }
}
