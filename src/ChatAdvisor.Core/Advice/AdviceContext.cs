namespace ChatAdvisor.Advice;

/// <summary>What earlier turns were about, so that "and in Germany?" can be understood.</summary>
public sealed record AdviceContext(IReadOnlyList<string> GuideIds, string? LastSectionKey)
{
    public static AdviceContext Empty { get; } = new([], null);
}
