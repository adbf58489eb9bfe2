using System.ComponentModel;
using System.Diagnostics;

namespace ChatAdvisor.Web.Tests.Infrastructure;

/// <summary>Runs a program (node, bash) for a test: output captured, bounded in time, clear failure when it is missing.</summary>
public static class ExternalProcess
{
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo start, TimeSpan timeout, string whenMissing)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"'{start.FileName}' was not found on PATH ({ex.Message}); {whenMissing}");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not exit within {timeout.TotalSeconds} s.\nstdout:\n{await stdout}\nstderr:\n{await stderr}");
            }
            return new ProcessResult(process.ExitCode, await stdout, await stderr);
        }
    }
}

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
