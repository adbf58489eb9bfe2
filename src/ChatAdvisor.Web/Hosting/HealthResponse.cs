using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatAdvisor.Web.Hosting;

/// <summary>Writes health as JSON with each check's status and description, so operators see why it is degraded.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), context.RequestAborted);
    }
}
