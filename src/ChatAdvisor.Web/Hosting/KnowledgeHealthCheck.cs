using ChatAdvisor.Knowledge;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatAdvisor.Web.Hosting;

/// <summary>Degraded while a knowledge file could not be loaded (the rest is still served); unhealthy with no guides at all.</summary>
internal sealed class KnowledgeHealthCheck(KnowledgeBase knowledge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var index = knowledge.Current;
        var problems = knowledge.Problems;
        var summary = $"{index.Documents.Count} guides, {index.Chunks.Count} sections";
        var result = index.Chunks.Count == 0
            ? HealthCheckResult.Unhealthy($"No knowledge is loaded. {string.Join(" ", problems.Select(Describe))}")
            : problems.Count > 0
                ? HealthCheckResult.Degraded($"{summary}; not loaded: {string.Join("; ", problems.Select(Describe))}")
                : HealthCheckResult.Healthy(summary);
        return Task.FromResult(result);
    }

    private static string Describe(KnowledgeProblem problem) => $"{problem.File}:{problem.Line}: {problem.Message}";
}
