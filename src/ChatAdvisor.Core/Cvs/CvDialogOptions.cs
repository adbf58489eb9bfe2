using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Cvs;

/// <summary>How the CV dialog behaves and how long applications are kept. Section <c>Cvs:Dialog</c>.</summary>
public sealed class CvDialogOptions
{
    public const string SectionName = "Cvs:Dialog";

    /// <summary>An unfinished dialog idle this long is discarded with its file. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a single-use upload link works. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan UploadLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Hosts that Teams file download links may point to (exact host or <c>*.suffix</c>). Files are fetched only
    /// from these. Default: SharePoint and OneDrive.
    /// </summary>
    [MinLength(1)]
    public List<string> TrustedDownloadHosts { get; set; } = ["*.sharepoint.com", "*.sharepoint.de", "*.sharepoint.cn", "*.sharepoint-df.com", "*.files.1drv.com"];

    /// <summary>Applications are deleted this long after submission. Default 365 days (see the privacy notice).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan ApplicationRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Applications that joined the talent pool are deleted this long after submission. Default 730 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan TalentPoolRetention { get; set; } = TimeSpan.FromDays(730);
}
