using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Cvs;

internal static partial class CvLog
{
    // References only: names, emails and file contents never reach the logs.
    [LoggerMessage(101, LogLevel.Information, "CV application {Reference} submitted on {Channel}")]
    public static partial void Submitted(ILogger logger, string reference, string channel);

    [LoggerMessage(102, LogLevel.Information, "CV application {Reference} erased at the candidate's request")]
    public static partial void Erased(ILogger logger, string reference);
}
