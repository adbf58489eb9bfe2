using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Data;

internal static partial class DataLog
{
    [LoggerMessage(1401, LogLevel.Information, "Applied schema script {Version} ({Name})")]
    public static partial void SchemaScriptApplied(ILogger logger, int version, string name);
}
