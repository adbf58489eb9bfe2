using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Knowledge;

internal static partial class KnowledgeLog
{
    [LoggerMessage(1101, LogLevel.Information, "Knowledge loaded: {Guides} guides, {Sections} sections, {Problems} problems")]
    public static partial void Loaded(ILogger logger, int guides, int sections, int problems);

    [LoggerMessage(1102, LogLevel.Error, "Knowledge file {File}:{Line} was not loaded: {Reason}")]
    public static partial void BadKnowledgeFile(ILogger logger, string file, int line, string reason);

    [LoggerMessage(1103, LogLevel.Error, "Reloading knowledge failed")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);
}
