using ChatAdvisor.Core.Tests.Infrastructure;

namespace ChatAdvisor.Core.Tests.Knowledge;

/// <summary>A knowledge folder mixing Markdown, HTML and a broken Word file: the good files load, the bad one is reported.</summary>
public sealed class ImportedKnowledgeBaseTests : IDisposable
{
    private const string MarkdownGuide = """
        ---
        id: cloud-engineer
        title: Cloud Engineer role guide
        role: Cloud Engineer
        aliases: [cloud engineer, cloud engineers]
        source: Test guide
        last_reviewed: 2026-01-15
        ---
        # Cloud Engineer

        ## What a cloud engineer does {#what-they-do}
        Also asked: What is a cloud engineer?

        A cloud engineer runs the cloud platforms that research teams use.

        ## Cloud engineer salary in Europe {#salary}

        - Entry level: a cloud engineer starts at €45,000.
        """;

    private const string HtmlPage = """
        <html><body><nav>Jobs</nav><main>
        <h1>Data Engineers</h1>
        <h2>What does a Data Engineer do?</h2><p>A Data Engineer builds data pipelines.</p>
        </main></body></html>
        """;

    private readonly TempFolder _folder = new();

    [Fact]
    public void GoodFilesLoadAndTheBrokenDocxIsTheOnlyProblem()
    {
        _folder.Write(Path.Combine("guides", "cloud-engineer.md"), MarkdownGuide);
        _folder.Write(Path.Combine("pages", "data-engineers.html"), HtmlPage);
        _folder.Write(Path.Combine("pages", "broken.docx"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05]);
        // The owner file Word leaves beside an open document is not a guide and must not be reported.
        _folder.Write(Path.Combine("pages", "~$broken.docx"), [0x01, 0x02]);
        using var knowledge = TestKnowledge.Load(_folder.Path);

        var index = knowledge.Current;

        Assert.Equal(["cloud-engineer", "data-engineers"], index.Documents.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Contains(index.Chunks, c => c.Key == "cloud-engineer#salary");
        Assert.Contains(index.Chunks, c => c.Key == "data-engineers#what-does-a-data-engineer-do");
        var problem = Assert.Single(knowledge.Problems);
        Assert.Equal(Path.Combine("pages", "broken.docx"), problem.File);
        Assert.Contains("not a valid Word document", problem.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
