using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.Knowledge;

/// <summary>A content owner saves a file in the knowledge folder of a running host.</summary>
public sealed class KnowledgeReloadTests : IDisposable
{
    private const string Question = "Do MLOps engineers use Kubernetes?";
    private readonly string _folder = Directory.CreateTempSubdirectory("chatadvisor-knowledge-").FullName;
    private readonly ChatAdvisorApp _app;

    public KnowledgeReloadTests()
    {
        CopyFolder(Path.Combine(ChatAdvisorApp.RepositoryRoot, "knowledge"), _folder);
        _app = new ChatAdvisorApp(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = _folder,
            ["Knowledge:ReloadDelay"] = "00:00:00.100",
        });
    }

    [Fact]
    public async Task SavedGuideIsAnsweredWithoutRestartAndABadFileIsReportedWhileTheRestKeepsWorking()
    {
        var http = _app.CreateClient();
        var client = await DirectLineClient.StartAsync(http);
        var before = DirectLineClient.Text(await client.AskAsync(Question));
        Assert.Contains("don't cover", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Kubernetes clusters", before, StringComparison.Ordinal);

        var guide = Path.Combine(_folder, "guides", "mlops-engineer.md");
        await File.AppendAllTextAsync(guide, """

            ## FAQ: Do MLOps engineers use Kubernetes? {#faq-kubernetes}
            Also asked: Is Kubernetes used in MLOps?

            Many MLOps engineers deploy and scale models on Kubernetes clusters.

            """);
        // The knowledge folder is watched; nothing tells a client when a reload is done, so the test asks again.
        var answer = await Eventually.GetAsync(async () =>
        {
            var text = DirectLineClient.Text(await client.AskAsync(Question));
            return text.Contains("Kubernetes clusters", StringComparison.Ordinal) ? text : null;
        });
        Assert.Contains("cite:1 \"MLOps Engineer role guide, FAQ: Do MLOps engineers use Kubernetes?\"", answer, StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(_folder, "guides", "broken.md"), "# No front matter here\n");
        var health = await Eventually.GetAsync(async () =>
        {
            var body = await http.GetFromJsonAsync<JsonObject>("/health");
            return body!["status"]!.GetValue<string>() == "Degraded" ? body : null;
        });
        var knowledge = health["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "knowledge")!;
        Assert.Contains("broken.md:1", knowledge["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("front matter", knowledge["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Kubernetes clusters", DirectLineClient.Text(await client.AskAsync(Question)), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
