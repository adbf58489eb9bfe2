using ChatAdvisor.Core.Tests.Infrastructure;

namespace ChatAdvisor.Core.Tests.Knowledge;

/// <summary>
/// A test that reads the agency's two role pages from <c>&lt;repo&gt;/../shared/seeds</c>. Without that folder the
/// test is skipped with the path it looked in, except when <c>CI=true</c>: there it runs and fails, so a CI run
/// can never pass without having compared the guides with the pages.
/// </summary>
public sealed class SeedPagesFactAttribute : FactAttribute
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(TestKnowledge.RepositoryRoot, "..", "shared", "seeds"));

    public SeedPagesFactAttribute()
    {
        if (!Directory.Exists(Folder)
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Seed pages folder not found: {Folder} (the repository's ../shared/seeds). CI keeps it beside the "
                + "repository; with CI=true this test fails instead of skipping.";
        }
    }
}
