namespace ChatAdvisor.Advice;

/// <summary>A numbered reference from an answer to the guide section it was taken from.</summary>
public sealed record Citation(int Position, string GuideId, string SectionId, string GuideTitle, string Heading, string Excerpt)
{
    public string Key => $"{GuideId}#{SectionId}";

    /// <summary>How people read it: "MLOps Engineer role guide, Salary in Europe".</summary>
    public string Label => $"{GuideTitle}, {Heading}";

    /// <summary>A citation of a whole section; the excerpt is the section's text, so the visitor can read it all.</summary>
    public static Citation Of(int position, Knowledge.Chunk chunk) =>
        new(position, chunk.GuideId, chunk.SectionId, chunk.GuideTitle, chunk.Heading, chunk.Text);
}
