using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Cvs;

/// <summary>Logging for CV files. Types, verdicts and opaque keys only: never file names, personal data or contents.</summary>
internal static partial class CvsLog
{
    [LoggerMessage(2003, LogLevel.Debug, "CV file accepted as {Type} after {ElapsedMs} ms of inspection")]
    public static partial void FileAccepted(ILogger logger, CvFileType type, long elapsedMs);

    [LoggerMessage(2004, LogLevel.Information, "CV file refused (detected type {Type}) after {ElapsedMs} ms: {Problem}")]
    public static partial void FileRejected(ILogger logger, CvFileType type, string? problem, long elapsedMs);

    [LoggerMessage(2005, LogLevel.Warning, "clamd found {Signature} in a CV file")]
    public static partial void MalwareFound(ILogger logger, string signature);

    [LoggerMessage(2006, LogLevel.Warning, "clamd at {Host}:{Port} did not answer within {Timeout}")]
    public static partial void ScanTimedOut(ILogger logger, string host, int port, TimeSpan timeout);

    [LoggerMessage(2007, LogLevel.Warning, "clamd at {Host}:{Port} could not be reached")]
    public static partial void ScanUnreachable(ILogger logger, string host, int port, Exception exception);

    [LoggerMessage(2008, LogLevel.Warning, "clamd at {Host}:{Port} gave an unexpected reply: {Reply}")]
    public static partial void ScanFailed(ILogger logger, string host, int port, string reply);

    [LoggerMessage(2009, LogLevel.Debug, "CV file stored as {Key} for submission {SubmissionId} ({Bytes} bytes)")]
    public static partial void FileStored(ILogger logger, string key, string submissionId, long bytes);

    [LoggerMessage(2010, LogLevel.Debug, "CV file {Key} deleted")]
    public static partial void FileDeleted(ILogger logger, string key);

    // The finding is one of our own labels (ActiveContent), never anything read from the file.
    [LoggerMessage(2011, LogLevel.Warning, "CV file refused for active content {Finding} (detected type {Type})")]
    public static partial void ActiveContentRefused(ILogger logger, ActiveContent finding, CvFileType type);

    [LoggerMessage(2012, LogLevel.Information, "Blob container {Container} created for CV files")]
    public static partial void ContainerCreated(ILogger logger, string container);

    // Status and error code only: the service's message and the blob's address stay out of the logs.
    [LoggerMessage(2013, LogLevel.Error, "The file store failed to {Operation}: status {Status}, error code {ErrorCode}")]
    public static partial void StorageFailed(ILogger logger, string operation, int status, string? errorCode);

    // References only: names, emails and file contents never reach the logs.
    [LoggerMessage(2001, LogLevel.Information, "CV application {Reference} submitted on {Channel}")]
    public static partial void Submitted(ILogger logger, string reference, string channel);

    [LoggerMessage(2002, LogLevel.Information, "CV application {Reference} erased at the candidate's request")]
    public static partial void Erased(ILogger logger, string reference);
}
