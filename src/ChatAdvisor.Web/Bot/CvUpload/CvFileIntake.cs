using System.Security.Cryptography;
using ChatAdvisor.Cvs;
using ChatAdvisor.Web.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Bot.CvUpload;

/// <summary>
/// Takes a file from the chat into the CV store: read (size-limited), inspect by content, scan for malware
/// (failing closed), store. A file that fails any step is never kept. Refusals are in English; the dialog
/// says them in the visitor's language (<see cref="CvText.Translate"/>).
/// </summary>
public sealed partial class CvFileIntake(
    CvFileInspector inspector,
    ClamAvScanner scanner,
    ICvFileStore files,
    IOptions<CvOptions> options,
    ILogger<CvFileIntake> logger)
{
    /// <summary>Reads a file the visitor attached through the turn's channel, then takes it as <see cref="TakeAsync"/> does.</summary>
    public async Task<CvDialogInput> ReceiveAsync(TurnContext turn, Attachment attachment, CvDialogInput input, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFileBytes;
        var file = await turn.Channel.Files.Read(attachment, limit, cancellationToken);
        return file.Content is null
            ? input with { RejectedFileProblem = Problem(file.Problem ?? FileProblem.NotFetchable, limit) }
            : await TakeAsync(file.Content, file.Name, input, cancellationToken);
    }

    /// <summary>Reads an upload (such as from the upload page) into memory; null when it is over the size limit.</summary>
    public async Task<MemoryStream?> ReadAsync(Stream upload, CancellationToken cancellationToken)
    {
        try
        {
            return await TurnFiles.ReadLimitedAsync(upload, options.Value.MaxFileBytes, cancellationToken);
        }
        catch (FileTooLargeException)
        {
            return null;
        }
    }

    private static string Problem(FileProblem problem, long limit) => problem switch
    {
        FileProblem.Gone => CvText.English["cv-file-gone"],
        FileProblem.DownloadFailed => CvText.English["cv-download-failed"],
        FileProblem.StoreUnavailable => CvText.English["cv-store-unavailable"],
        FileProblem.TooLarge => CvProblems.TooLarge(limit),
        _ => CvText.English["cv-untrusted-link"],
    };

    /// <summary>Inspects, scans and stores content already read (and size-limited) into memory; disposes it.</summary>
    public async Task<CvDialogInput> TakeAsync(MemoryStream content, string name, CvDialogInput input, CancellationToken cancellationToken)
    {
        await using (content)
        {
            var inspection = await inspector.InspectAsync(content, name, cancellationToken);
            if (!inspection.IsAccepted)
            {
                FileRefused(logger, inspection.Type.ToString());
                return input with { RejectedFileProblem = inspection.Problem };
            }
            content.Position = 0;
            var scan = await scanner.ScanAsync(content, cancellationToken);
            if (scan.Verdict != MalwareVerdict.Clean)
            {
                FileNotScannedClean(logger, scan.Verdict.ToString(), scan.Signature);
                return input with { RejectedFileProblem = scan.Verdict == MalwareVerdict.Infected ? CvText.English["cv-infected"] : CvText.English["cv-scan-unavailable"] };
            }
            content.Position = 0;
            var sha256 = Convert.ToHexString(await SHA256.HashDataAsync(content, cancellationToken)).ToLowerInvariant();
            content.Position = 0;
            string key;
            try
            {
                key = await files.SaveAsync(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(), content, cancellationToken);
            }
            catch (CvStorageException)
            {
                // Logged by the store; the visitor may attach the file again.
                return input with { RejectedFileProblem = CvText.English["cv-store-unavailable"] };
            }
            return input with { File = new CvFileRef(key, name, inspection.Type, content.Length, sha256) };
        }
    }

    [LoggerMessage(3101, LogLevel.Information, "A CV file was refused by inspection (detected type {Type})")]
    private static partial void FileRefused(ILogger logger, string type);

    [LoggerMessage(3102, LogLevel.Warning, "A CV file was not stored: scan verdict {Verdict} {Signature}")]
    private static partial void FileNotScannedClean(ILogger logger, string verdict, string? signature);
}
