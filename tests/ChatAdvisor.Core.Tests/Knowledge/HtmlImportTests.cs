using ChatAdvisor.Knowledge;
using static ChatAdvisor.Core.Tests.Knowledge.ChunkAssert;

namespace ChatAdvisor.Core.Tests.Knowledge;

/// <summary>Role pages saved as HTML: headings become sections, site chrome and scripts are left out.</summary>
public sealed class HtmlImportTests : IDisposable
{
    private const string RolePage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <title>Data Engineers | Agency</title>
          <style>body { color: #333; }</style>
          <script>window.dataLayer = ["tracking-noise"];</script>
        </head>
        <body>
          <header class="site"><a href="/">Agency home</a>
            <nav><ul><li><a href="/jobs">Browse jobs</a></li><li><a href="/contact">Contact us</a></li></ul></nav>
          </header>
          <main>
            <h1>Data Engineers</h1>
            <p>Discover what a Data Engineer   does.</p>
            <h2>What does a Data Engineer do?</h2>
            <p>A Data Engineer builds data pipelines.<script>document.write("script-noise")</script></p>
            <p>They work with <strong>analysts</strong> and <a href="#">data-driven</a> teams.</p>
            <h2>Responsibilities of a Data Engineer</h2>
            <ul>
              <li>Builds batch and streaming pipelines</li>
              <li>Maintains <em>warehouses</em>
                <ul><li>Including lakehouse tables</li></ul>
              </li>
            </ul>
            <aside>Related reading: aside-noise</aside>
            <h3>Average Data Engineer Salary in Europe</h3>
            <div>Entry-level roles start at &euro;45,000 &ndash; &euro;55,000 per year.</div>
            <h2>Empty section</h2>
          </main>
          <footer><p>&copy; Agency. footer-noise</p></footer>
          <script>console.log("trailing-noise")</script>
        </body>
        </html>
        """;

    private readonly TempFolder _folder = new();

    [Fact]
    public void HeadingsBecomeSectionsAndNoiseIsIgnored()
    {
        var document = Import("data-engineers.html", RolePage);

        NoEmptySections(document);
        Assert.Equal(("data-engineers", "Data Engineers", "Data Engineer", "data-engineers.html"),
            (document.Id, document.Title, document.Role, document.Source));
        Assert.Equal(
            ["overview", "what-does-a-data-engineer-do", "responsibilities-of-a-data-engineer", "average-data-engineer-salary-in-europe"],
            document.Chunks.Select(c => c.SectionId));
        Assert.Equal("Discover what a Data Engineer does.", Section(document, "overview").Text);
        Assert.Equal("A Data Engineer builds data pipelines.\n\nThey work with analysts and data-driven teams.",
            Section(document, "what-does-a-data-engineer-do").Text);
        Assert.Equal(["Builds batch and streaming pipelines", "Maintains warehouses", "Including lakehouse tables"],
            Bullets(Section(document, "responsibilities-of-a-data-engineer")));
        Assert.Equal("Entry-level roles start at €45,000 – €55,000 per year.", Section(document, "average-data-engineer-salary-in-europe").Text);

        var all = string.Join("\n", document.Chunks.Select(c => $"{c.Heading}\n{c.Text}"));
        foreach (var noise in new[] { "Agency home", "Browse jobs", "Contact us", "noise", "color", "Empty section" })
        {
            Assert.DoesNotContain(noise, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PageWithoutHeadingsFallsBackToTheTextRules()
    {
        const string page = """
            <html><head><title>Cloud Engineers | Agency</title></head>
            <body>
              <nav>Home | Jobs</nav>
              <div class="hero"><p><strong>Cloud Engineers</strong></p><p>Discover the role.</p></div>
              <p>What does a Cloud Engineer do?</p>
              <p>A Cloud Engineer runs cloud platforms for research teams.</p>
              <p>Skills for Cloud Engineers</p>
              <ul><li>Terraform</li><li>Kubernetes</li></ul>
              <footer>Contact us</footer>
            </body></html>
            """;

        var document = Import("cloud-engineers.htm", page);

        NoEmptySections(document);
        Assert.Equal(("Cloud Engineers", "Cloud Engineer"), (document.Title, document.Role));
        Assert.Equal(["overview", "what-does-a-cloud-engineer-do", "skills-for-cloud-engineers"], document.Chunks.Select(c => c.SectionId));
        Assert.Equal("Discover the role.", Section(document, "overview").Text);
        Assert.Equal("A Cloud Engineer runs cloud platforms for research teams.", Section(document, "what-does-a-cloud-engineer-do").Text);
        Assert.Equal(["Terraform", "Kubernetes"], Bullets(Section(document, "skills-for-cloud-engineers")));
    }

    [Fact]
    public void PageWithoutHeadingsOrTitleLineUsesTheTitleElement()
    {
        const string page = """
            <html><head><title>Site Reliability Engineers | Agency</title></head>
            <body><p>Site reliability engineering keeps services up. It pairs software skills with operations.</p></body></html>
            """;

        var document = Import("sre.html", page);

        Assert.Equal(("Site Reliability Engineers", "Site Reliability Engineer"), (document.Title, document.Role));
        Assert.Equal("overview", Assert.Single(document.Chunks).SectionId);
    }

    [Fact]
    public void PageWithNoTextIsAFormatError()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() =>
            Import("empty.html", "<html><body><nav>Only navigation</nav><script>x()</script></body></html>"));

        Assert.Contains("empty.html", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private KnowledgeDocument Import(string name, string html) => GuideImporter.Import(_folder.Write(name, html), name);
}
