namespace ChatAdvisor.Knowledge;

/// <summary>One headed section of a guide: the unit that is indexed, retrieved and cited.</summary>
public sealed record Chunk(
    string GuideId,
    string SectionId,
    string GuideTitle,
    string Role,
    string Heading,
    string Text,
    IReadOnlyList<string> AlternateQuestions)
{
    /// <summary>Stable citation key, <c>guideId#sectionId</c>.</summary>
    public string Key => $"{GuideId}#{SectionId}";
}
