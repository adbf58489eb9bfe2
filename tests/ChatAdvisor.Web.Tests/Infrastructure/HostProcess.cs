using System.Diagnostics;
using System.Text;

namespace ChatAdvisor.Web.Tests.Infrastructure;

/// <summary>
/// The real host as its own process, from the build output, in Production, on a loopback port, with its data in a
/// folder the test owns, so that it can be killed and started again on the same data.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, string baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public string BaseAddress { get; }

    /// <summary>What the host printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(BaseAddress), Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<HostProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string> settings)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataFolder,
        };
        start.ArgumentList.Add(HostAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(dataFolder);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Site__PrivacyContact"] = "privacy@example.com";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(dataFolder, "chatadvisor.db")}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        var host = new HostProcess(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as a crash or an OOM kill would end it.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        Assert.Fail($"The host did not become healthy (exited: {_process.HasExited}).\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>The host's own build output next to this test's (same configuration).</summary>
    private static string HostAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ChatAdvisor.sln")))
        {
            root = root.Parent;
        }
        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("ChatAdvisor.sln not found above the test output."),
            "src", "ChatAdvisor.Web", "bin", configuration, framework, "ChatAdvisor.Web.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"Build the solution first: {path} is missing.");
    }
}
