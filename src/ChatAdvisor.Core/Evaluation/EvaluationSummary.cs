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
        md.AppendLine().AppendLine("## Held-out set by kind").AppendLine();
        HeldOut.AppendKinds(md);
        md.AppendLine().AppendLine("## Dev set by kind").AppendLine();
        Dev.AppendKinds(md);
        md.AppendLine().AppendLine("## Dev items judged wrong").AppendLine();
        Dev.AppendFailures(md);
        return md.ToString();
    }
}
