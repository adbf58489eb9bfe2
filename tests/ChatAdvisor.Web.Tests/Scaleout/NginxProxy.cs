using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.Scaleout;

/// <summary>
/// nginx as the load balancer in front of several hosts, on a loopback port: round robin per request, WebSockets
/// passed through, and a request whose host cannot be reached sent to the next one. Its access log names the host
/// that served each request.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NginxProxy(string folder, int port, Process process)
    {
        _folder = folder;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public string BaseAddress => $"http://127.0.0.1:{Port}";

    public static async Task<NginxProxy> StartAsync(IEnumerable<int> upstreams)
    {
        var folder = Directory.CreateTempSubdirectory("chatadvisor-nginx-").FullName;
        var port = LoopbackPort.Free();
        await File.WriteAllTextAsync(ConfigPath(folder), Config(folder, port, upstreams));
        var start = new ProcessStartInfo(TestScaleout.Nginx) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in Arguments(folder))
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var proxy = new NginxProxy(folder, port, process);
        process.ErrorDataReceived += (_, e) => proxy.Append(e.Data);
        process.OutputDataReceived += (_, e) => proxy.Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await proxy.WaitUntilListeningAsync();
        return proxy;
    }

    /// <summary>Points the proxy at other hosts (one was restarted on a new port) without dropping it.</summary>
    public async Task ReloadAsync(IEnumerable<int> upstreams)
    {
        await File.WriteAllTextAsync(ConfigPath(_folder), Config(_folder, Port, upstreams));
        var start = new ProcessStartInfo(TestScaleout.Nginx);
        foreach (var argument in (string[])[.. Arguments(_folder), "-s", "reload"])
        {
            start.ArgumentList.Add(argument);
        }
        var reloaded = await ExternalProcess.RunAsync(start, TimeSpan.FromSeconds(30), "nginx is needed (test.sh installs it).");
        Assert.True(reloaded.ExitCode == 0, $"nginx -s reload: {reloaded}");
        await Task.Delay(500); // the new workers take over
    }

    /// <summary>Each request so far as (method, path, status, host port that served it; 0 when none did).</summary>
    public async Task<List<(string Method, string Path, int Status, int Upstream)>> RequestsAsync()
    {
        var path = Path.Combine(_folder, "access.log");
        if (!File.Exists(path))
        {
            return [];
        }
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var requests = new List<(string, string, int, int)>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            // With a retry nginx lists every host it tried: "a:1, b:2"; the last one answered.
            var last = parts[3..].LastOrDefault(p => p.Contains(':', StringComparison.Ordinal))?.TrimEnd(',');
            var upstream = last is null ? 0 : int.Parse(last[(last.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
            requests.Add((parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), upstream));
        }
        return requests;
    }

    public string Output
    {
        get
        {
            var log = Path.Combine(_folder, "error.log");
            lock (_output)
            {
                return _output + (File.Exists(log) ? File.ReadAllText(log) : "");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string ConfigPath(string folder) => Path.Combine(folder, "nginx.conf");

    private static string[] Arguments(string folder) => ["-p", folder, "-c", ConfigPath(folder), "-e", Path.Combine(folder, "error.log")];

    private static string Config(string folder, int port, IEnumerable<int> upstreams)
    {
        var servers = string.Concat(upstreams.Select(p => $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=60s;\n"));
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        return $$"""
            {{user}}daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            events { worker_connections 512; }
            http {
              log_format upstreams '$request_method $uri $status $upstream_addr';
              access_log {{folder}}/access.log upstreams;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              client_max_body_size 20m;
              map $http_upgrade $connection_upgrade { default upgrade; '' close; }
              upstream chatadvisor {
            {{servers}}  }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://chatadvisor;
                  proxy_http_version 1.1;
                  proxy_set_header Upgrade $http_upgrade;
                  proxy_set_header Connection $connection_upgrade;
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $remote_addr;
                  proxy_read_timeout 300s;
                  proxy_next_upstream error timeout;
                }
              }
            }
            """;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (_process.HasExited)
            {
                break;
            }
            try
            {
                await http.GetAsync($"{BaseAddress}/health");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }
        throw new InvalidOperationException($"nginx did not start listening on {Port}:\n{Output}");
    }
}
