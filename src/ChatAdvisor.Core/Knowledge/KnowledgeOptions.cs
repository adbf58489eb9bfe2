using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Knowledge;

public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>Folder of guides and <c>synonyms.yaml</c>; relative paths start at the content root. Default <c>knowledge</c>.</summary>
    [Required]
    public string Path { get; set; } = "knowledge";

    /// <summary>Reload the index when a file in <see cref="Path"/> changes. Default true.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>Quiet time after the last file change before reloading. Default 300 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(300);
}
