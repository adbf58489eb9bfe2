using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Prompts;

internal static partial class PromptLog
{
    [LoggerMessage(1201, LogLevel.Information, "Prompts loaded: {Count} from {Folder}")]
    public static partial void Loaded(ILogger logger, int count, string folder);
}
