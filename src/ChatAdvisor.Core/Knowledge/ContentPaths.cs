using Microsoft.Extensions.Hosting;

namespace ChatAdvisor.Knowledge;

/// <summary>
/// Where the content folders (<c>knowledge/</c>, <c>prompts/</c>) are. A relative path means the copy that ships beside
/// the application (the build and publish output hold one), whatever the working directory; only in Development is it
/// taken from the project folder, so that editing the repository's own files reloads them.
/// </summary>
public static class ContentPaths
{
    public static string Resolve(string path, IHostEnvironment environment) =>
        Path.GetFullPath(path, environment.IsDevelopment() ? environment.ContentRootPath : AppContext.BaseDirectory);
}
