using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Prompts;

public sealed class PromptOptions
{
    public const string SectionName = "Prompts";

    /// <summary>Folder of <c>*.yaml</c> prompt files; a relative path starts at the content root. Default <c>prompts</c>.</summary>
    [Required]
    public string Path { get; set; } = "prompts";
}
