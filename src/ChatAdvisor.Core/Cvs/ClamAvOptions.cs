using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Cvs;

/// <summary>Where to find clamd, the ClamAV daemon that scans uploaded CVs. Section <c>Cvs:ClamAv</c>.</summary>
public sealed class ClamAvOptions
{
    /// <summary>Scan uploads with clamd. When false, <see cref="ClamAvScanner.ScanAsync"/> reports every file clean. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>clamd's TCP host. Default <c>127.0.0.1</c>.</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>clamd's TCP port (<c>TCPSocket</c> in clamd.conf). Default 3310.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 3310;

    /// <summary>Longest a scan or ping may take, connecting included; past it the file counts as unscanned. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
