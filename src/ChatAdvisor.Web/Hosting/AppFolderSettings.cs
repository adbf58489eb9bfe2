using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace ChatAdvisor.Web.Hosting;

/// <summary>
/// The settings files that ship next to the application apply whatever the content root, so a host started from
/// its build or publish folder with another working directory (or <c>--contentRoot</c> pointing at a data folder)
/// still gets its logging levels and defaults, and serves the static files that ship with it. Files in the content
/// root, the environment and the command line still override the settings.
/// </summary>
internal static class AppFolderSettings
{
    public static void AddAppFolderSettings(this WebApplicationBuilder builder)
    {
        var appFolder = AppContext.BaseDirectory;
        if (Path.GetFullPath(builder.Environment.ContentRootPath).TrimEnd(Path.DirectorySeparatorChar) == Path.GetFullPath(appFolder).TrimEnd(Path.DirectorySeparatorChar))
        {
            return;
        }
        UseAppFolderWebRoot(builder.Environment, appFolder);
        var files = new PhysicalFileProvider(appFolder);
        var sources = builder.Configuration.Sources;
        sources.Insert(0, new JsonConfigurationSource { FileProvider = files, Path = "appsettings.json", Optional = true });
        sources.Insert(1, new JsonConfigurationSource { FileProvider = files, Path = $"appsettings.{builder.Environment.EnvironmentName}.json", Optional = true });
    }

    /// <summary>
    /// The site's static files (Web Chat, scripts, styles) ship in the application's <c>wwwroot</c>; the working folder
    /// holds only <c>data/</c>. Development keeps the project's own <c>wwwroot</c>, served through static web assets.
    /// </summary>
    private static void UseAppFolderWebRoot(IWebHostEnvironment environment, string appFolder)
    {
        var shipped = Path.Combine(appFolder, "wwwroot");
        if (environment.IsDevelopment() || Directory.Exists(environment.WebRootPath) || !Directory.Exists(shipped))
        {
            return;
        }
        environment.WebRootPath = shipped;
        environment.WebRootFileProvider = new PhysicalFileProvider(shipped);
    }
}
