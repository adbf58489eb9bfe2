namespace ChatAdvisor.Advice;

/// <summary>
/// What earlier turns were about, so that "and in Germany?" can be understood, and the language the visitor is
/// answered in (ISO 639-1; the guides of <c>knowledge/&lt;code&gt;/</c>, English when there are none).
/// </summary>
public sealed record AdviceContext(IReadOnlyList<string> GuideIds, string? LastSectionKey, string Language = "en")
{
    public static AdviceContext Empty { get; } = new([], null);
}
