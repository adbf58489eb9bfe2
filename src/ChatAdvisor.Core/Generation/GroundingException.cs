namespace ChatAdvisor.Generation;

/// <summary>A generated answer, or the prompt for one, failed a grounding check; the extractive answer stands.</summary>
public sealed class GroundingException(string outcome) : Exception($"Generated answer rejected: {outcome}")
{
    /// <summary>Which check failed, in kebab case (e.g. <c>unsupported-figure</c>); recorded with the answer.</summary>
    public string Outcome { get; } = outcome;
}
