using System.Diagnostics;
using System.Text.Json;
using ChatAdvisor.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChatAdvisor.Web.Tests.NodeClient;

/// <summary>
/// Runs tests/clients/directline-client.mjs — the npm botframework-directlinejs client that Web Chat is built on —
/// against the host on a loopback port, over the WebSocket stream and by polling.
/// </summary>
public sealed class DirectLineJsClientTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task TheNpmDirectLineClientConversesOverWebSocketAndPollingAndRefreshesItsToken()
    {
        var root = ChatAdvisorApp.RepositoryRoot;
        var script = Path.Combine(root, "tests", "clients", "directline-client.mjs");
        Assert.True(File.Exists(script), $"{script} is missing.");
        foreach (var package in new[] { "botframework-directlinejs", "ws", "xhr2" })
        {
            Assert.True(File.Exists(Path.Combine(root, "node_modules", package, "package.json")),
                $"node_modules/{package} is missing: run 'npm ci' in {root} (test.sh does this).");
        }

        using var app = new ChatAdvisorApp();
        var baseUrl = app.Listen().ToString().TrimEnd('/');
        var (exitCode, stdout, stderr) = await RunNodeAsync(root, script, baseUrl);
        output.WriteLine($"node exited with {exitCode}\n--- stdout\n{stdout}\n--- stderr\n{stderr}");

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length > 0, $"The client printed no summary. stderr:\n{stderr}");
        using var summary = JsonDocument.Parse(lines[^1]);
        var top = summary.RootElement;
        Assert.True(exitCode == 0 && top.GetProperty("ok").GetBoolean(),
            $"The client failed (exit {exitCode}): {top.GetProperty("error")}\nstderr:\n{stderr}");
        Assert.Equal(JsonValueKind.Null, top.GetProperty("error").ValueKind);

        var modes = top.GetProperty("modes").EnumerateArray().ToList();
        Assert.Equal(["websocket", "polling"], modes.Select(m => m.GetProperty("mode").GetString()));
        foreach (var mode in modes)
        {
            var name = mode.GetProperty("mode").GetString();
            Assert.True(mode.GetProperty("ok").GetBoolean(), $"{name} did not pass.");
            Assert.True(mode.GetProperty("welcome").GetBoolean(), $"{name}: no welcome.");
            Assert.True(mode.GetProperty("refreshed").GetBoolean(), $"{name}: the token was not refreshed.");
            foreach (var turn in new[] { "first", "second" })
            {
                var exchange = mode.GetProperty(turn);
                var id = exchange.GetProperty("id").GetString()!;
                Assert.Contains('|', id);
                Assert.NotEqual(id, exchange.GetProperty("replyId").GetString());
                Assert.StartsWith("node-", exchange.GetProperty("clientActivityID").GetString(), StringComparison.Ordinal);
                Assert.StartsWith("MLOps Engineer role guide", exchange.GetProperty("citation").GetString(), StringComparison.Ordinal);
                Assert.Equal(exchange.GetProperty("citation").GetString(), exchange.GetProperty("claim").GetString());
            }
            // Uninitialized → Connecting → Online, and Ended when the client closes; never ExpiredToken or FailedToConnect.
            Assert.Equal([0, 1, 2, 5], mode.GetProperty("statuses").EnumerateArray().Select(s => s.GetInt32()));
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(string root, string script, string baseUrl)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(baseUrl);

        var result = await ExternalProcess.RunAsync(start, s_timeout, "install Node.js 20 or later to run the npm client test.");
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}
