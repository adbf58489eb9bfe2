using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Scaleout;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Scaleout;

/// <summary>With Redis configured but not reachable the chat keeps answering, and /health says what is missing.</summary>
public sealed class RedisAwayTests
{
    [Fact]
    public async Task AHostWhoseRedisIsAwayStillAnswersAndReportsItselfDegraded()
    {
        using var app = new ChatAdvisorApp(new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = $"127.0.0.1:{LoopbackPort.Free()},connectTimeout=500",
        });
        Assert.IsType<RedisJobLease>(app.Services.GetRequiredService<IJobLease>());
        var visitor = await DirectLineClient.StartAsync(app.CreateClient());
        var reply = await visitor.AskAsync("What does an MLOps engineer do?");
        Assert.Contains("[1]", DirectLineClient.Text(reply), StringComparison.Ordinal);

        using var http = app.CreateClient();
        var health = await http.GetFromJsonAsync<JsonObject>("/health");
        var redis = health!["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "redis")!;
        Assert.Equal("Degraded", redis["status"]!.GetValue<string>());
        // Without Redis nobody can say which instance sweeps, so none does.
        Assert.False(await app.Services.GetRequiredService<IJobLease>().TryTakeAsync("retention", TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public void AConnectionStringThatNamesNoServerStopsTheStart()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var app = new ChatAdvisorApp(new Dictionary<string, string?> { ["Redis:ConnectionString"] = "password=secret" });
            _ = app.Services;
        });
        Assert.Contains("Redis:ConnectionString", error.ToString(), StringComparison.Ordinal);
    }
}
