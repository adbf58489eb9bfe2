using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace ChatAdvisor.Web.Hosting;

/// <summary>
/// The settings files that ship next to the application apply whatever the content root, so a host started from
/// its build or publish folder with another working directory (or <c>--contentRoot</c> pointing at a data folder)
/// still gets its logging levels and defaults. Files in the content root, the environment and the command line
/// still override them.
/// </summary>
internal static class AppFolderSettings
{
    public static void AddAppFolderSettings(this IHostApplicationBuilder builder)
    {
        var appFolder = AppContext.BaseDirectory;
        if (Path.GetFullPath(builder.Environment.ContentRootPath).TrimEnd(Path.DirectorySeparatorChar) == Path.GetFullPath(appFolder).TrimEnd(Path.DirectorySeparatorChar))
        {
            return;
        }
        var files = new PhysicalFileProvider(appFolder);
        var sources = builder.Configuration.Sources;
        sources.Insert(0, new JsonConfigurationSource { FileProvider = files, Path = "appsettings.json", Optional = true });
        sources.Insert(1, new JsonConfigurationSource { FileProvider = files, Path = $"appsettings.{builder.Environment.EnvironmentName}.json", Optional = true });
    }
}
