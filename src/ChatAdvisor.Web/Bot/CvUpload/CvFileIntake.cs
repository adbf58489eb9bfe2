using System.Security.Cryptography;
using ChatAdvisor.Cvs;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Bot.CvUpload;

/// <summary>
/// Takes a file from the chat into the CV store: read (size-limited), inspect by content, scan for malware
/// (failing closed), store. A file that fails any step is never kept.
/// </summary>
public sealed partial class CvFileIntake(
    CvAttachmentReader reader,
    CvFileInspector inspector,
    ClamAvScanner scanner,
    ICvFileStore files,
    ILogger<CvFileIntake> logger)
{
    public async Task<CvDialogInput> ReceiveAsync(Attachment attachment, string conversationId, CvDialogInput input, CancellationToken cancellationToken)
    {
        var (content, name, problem) = await reader.ReadAsync(attachment, conversationId, cancellationToken);
        return content is null ? input with { RejectedFileProblem = problem } : await TakeAsync(content, name, input, cancellationToken);
    }

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
                return input with { RejectedFileProblem = scan.Verdict == MalwareVerdict.Infected ? CvMessages.Infected : CvMessages.ScanUnavailable };
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
                return input with { RejectedFileProblem = CvMessages.StoreUnavailable };
            }
            return input with { File = new CvFileRef(key, name, inspection.Type, content.Length, sha256) };
        }
    }

    [LoggerMessage(3101, LogLevel.Information, "A CV file was refused by inspection (detected type {Type})")]
    private static partial void FileRefused(ILogger logger, string type);

    [LoggerMessage(3102, LogLevel.Warning, "A CV file was not stored: scan verdict {Verdict} {Signature}")]
    private static partial void FileNotScannedClean(ILogger logger, string verdict, string? signature);
}
