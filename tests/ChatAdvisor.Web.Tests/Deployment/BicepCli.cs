using System.Reflection;

namespace ChatAdvisor.Web.Tests.Deployment;

/// <summary>
/// The Bicep CLI binary (linux-x64, like the machines the tests run on) that the test project downloads from NuGet; its folder is recorded at build time in the
/// assembly's BicepCliFolder metadata (from NuGetPackageRoot), so no path is written anywhere in the repository.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<string> s_path = new(Locate);

    public static string Path => s_path.Value;

    private static string Locate()
    {
        var folder = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepCliFolder")?.Value;
        Assert.False(string.IsNullOrEmpty(folder), "The test assembly has no BicepCliFolder metadata: build it with the SDK so that NuGetPackageRoot is known.");
        var path = System.IO.Path.Combine(folder, "tools", "bicep");
        Assert.True(File.Exists(path), $"The Bicep CLI is not at {path}: restore the test project (it downloads Azure.Bicep.CommandLine.linux-x64).");
        // Package extraction does not always keep the executable bit.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        return path;
    }
}
