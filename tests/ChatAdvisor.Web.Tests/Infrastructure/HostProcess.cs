using System.Diagnostics;
using System.Text;

namespace ChatAdvisor.Web.Tests.Infrastructure;

/// <summary>
/// The real host as its own process, from the build output (or a published copy of it), in Production, on a loopback port, with its data in a
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

    public static Task<HostProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string> settings)
    {
        var settingsWithData = new Dictionary<string, string>(settings)
        {
            ["Database__ConnectionString"] = settings.GetValueOrDefault("Database__ConnectionString") ?? $"Data Source={Path.Combine(dataFolder, "chatadvisor.db")}",
        };
        return StartAsync(HostAssembly(), dataFolder, ["--contentRoot", dataFolder], settingsWithData);
    }

    /// <summary>
    /// The published output as an operator runs it: <c>dotnet ChatAdvisor.Web.dll</c> from another working folder, no
    /// content root given, Production, and only what <paramref name="settings"/> adds.
    /// </summary>
    public static Task<HostProcess> StartPublishedAsync(string publishFolder, string workingFolder, IReadOnlyDictionary<string, string> settings) =>
        StartAsync(Path.Combine(publishFolder, "ChatAdvisor.Web.dll"), workingFolder, [], settings);

    /// <summary>
    /// Publishes the host from this test run's build (same configuration, no rebuild) into <paramref name="folder"/>,
    /// the layout an operator deploys: content files, wwwroot and appsettings next to the assembly.
    /// </summary>
    public static async Task PublishAsync(string folder)
    {
        var (root, configuration, _) = BuildOutput();
        var start = new ProcessStartInfo("dotnet");
        foreach (var argument in (string[])["publish", Path.Combine(root, "src", "ChatAdvisor.Web", "ChatAdvisor.Web.csproj"), "--no-build", "-c", configuration, "-o", folder, "-nologo", "-v:q"])
        {
            start.ArgumentList.Add(argument);
        }
        var published = await ExternalProcess.RunAsync(start, TimeSpan.FromMinutes(5), "the .NET SDK is needed to publish the host.");
        Assert.True(published.ExitCode == 0, $"dotnet publish: {published}");
    }

    private static async Task<HostProcess> StartAsync(string assembly, string workingFolder, string[] arguments, IReadOnlyDictionary<string, string> settings)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingFolder,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        AsOperator(start, arguments, settings);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        var host = new HostProcess(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <summary>Runs one of the host's commands (such as <c>add-recruiter</c>) as an operator would, with these settings.</summary>
    public static async Task<ProcessResult> RunCommandAsync(string workingFolder, IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingFolder };
        start.ArgumentList.Add(HostAssembly());
        AsOperator(start, arguments, settings);
        return await ExternalProcess.RunAsync(start, TimeSpan.FromMinutes(2), "the .NET SDK is needed to run the host.");
    }

    /// <summary>The arguments, Production, a privacy contact, and the settings as environment variables.</summary>
    private static void AsOperator(ProcessStartInfo start, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> settings)
    {
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Site__PrivacyContact"] = "privacy@example.com";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
    }

    /// <summary>The loopback port the host listens on.</summary>
    public int Port => new Uri(BaseAddress).Port;

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
        await Eventually.HoldsAsync(async () =>
        {
            Assert.False(_process.HasExited, $"The host exited before it became healthy.\n{Output}");
            try
            {
                return (await http.GetAsync("/health")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false; // Not listening yet.
            }
        }, () => $"The host did not become healthy.\n{Output}", timeout: TimeSpan.FromSeconds(90), interval: TimeSpan.FromMilliseconds(200));
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
        var (root, configuration, framework) = BuildOutput();
        var path = Path.Combine(root, "src", "ChatAdvisor.Web", "bin", configuration, framework, "ChatAdvisor.Web.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"Build the solution first: {path} is missing.");
    }

    /// <summary>The repository root, and the configuration and framework this test assembly was built for.</summary>
    private static (string Root, string Configuration, string Framework) BuildOutput()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ChatAdvisor.sln")))
        {
            root = root.Parent;
        }
        return (root?.FullName ?? throw new InvalidOperationException("ChatAdvisor.sln not found above the test output."), testOutput.Parent!.Name, testOutput.Name);
    }
}
