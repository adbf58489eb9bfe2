using System.Text.RegularExpressions;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Knowledge;
using static ChatAdvisor.Core.Tests.Knowledge.ChunkAssert;

namespace ChatAdvisor.Core.Tests.Knowledge;

/// <summary>The agency's two role pages, as plain text, import into sections that keep every fact.</summary>
public sealed partial class SeedImportTests
{
    private const string MlopsFile = "mlops-engineers.txt";
    private const string MachineLearningFile = "machine-learning-engineers.txt";

    [Fact]
    public void MlopsPageGetsTitleRoleAndFileDerivedMetadata()
    {
        var path = SeedPath(MlopsFile);
        var document = GuideImporter.Import(path, MlopsFile);

        Assert.Equal("mlops-engineers", document.Id);
        Assert.Equal("MLOps Engineers", document.Title);
        Assert.Equal("MLOps Engineer", document.Role);
        Assert.Empty(document.Aliases);
        Assert.Equal(MlopsFile, document.Source);
        Assert.Equal(DateOnly.FromDateTime(File.GetLastWriteTimeUtc(path)), document.LastReviewed);
        Assert.All(document.Chunks, c => Assert.Equal(("mlops-engineers", "MLOps Engineers", "MLOps Engineer"), (c.GuideId, c.GuideTitle, c.Role)));
    }

    [Fact]
    public void MlopsPageSplitsIntoItsSections()
    {
        var document = Import(MlopsFile);

        NoEmptySections(document);
        Assert.Contains("Discover how an MLOps Engineer can enhance your career path.", Section(document, "overview").Text, StringComparison.Ordinal);
        var whatTheyDo = Section(document, "what-does-an-mlops-engineer-do");
        Assert.Equal("What does an MLOps Engineer do?", whatTheyDo.Heading);
        Assert.StartsWith("An MLOps Engineer bridges the gap between machine learning and operations", whatTheyDo.Text, StringComparison.Ordinal);
        Assert.Equal(2, Paragraphs(whatTheyDo).Length);

        var responsibilities = Bullets(Section(document, "responsibilities-of-an-mlops-engineer"));
        Assert.Equal(5, responsibilities.Length);
        Assert.StartsWith("Automates the deployment of machine learning models", responsibilities[0], StringComparison.Ordinal);
        Assert.StartsWith("Develops and maintains CI/CD pipelines", responsibilities[4], StringComparison.Ordinal);

        var devOps = Bullets(Section(document, "how-is-mlops-different-from-devops"));
        Assert.Equal(4, devOps.Length);
        Assert.StartsWith("Handling data versioning alongside code", devOps[0], StringComparison.Ordinal);

        Assert.Contains("strong and growing demand for MLOps professionals",
            Section(document, "why-are-mlops-professionals-in-demand").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MlopsSalaryAndFaqKeepTheSourceWording()
    {
        var document = Import(MlopsFile);

        var salary = Section(document, "average-mlops-salary-in-europe");
        Assert.Contains("start at around €50,000 per year", salary.Text, StringComparison.Ordinal);
        Assert.Contains("between €70,000 and €90,000.", salary.Text, StringComparison.Ordinal);
        Assert.Contains("upwards of €100,000 annually", salary.Text, StringComparison.Ordinal);
        Assert.Equal(SourceBullets(MlopsFile, '€'), Bullets(salary));

        // The FAQ lost its questions on copying: one section, one paragraph per answer.
        var faq = Section(document, "frequently-asked-questions-about-mlops-engineers");
        Assert.Equal(6, Paragraphs(faq).Length);
        Assert.Contains("Key skills include proficiency in Python, experience with cloud platforms (e.g., AWS, Azure)", faq.Text, StringComparison.Ordinal);
        Assert.Contains("Industries such as finance, healthcare, tech, and manufacturing", faq.Text, StringComparison.Ordinal);
        Assert.StartsWith("Yes, as organisations increasingly adopt machine learning", Paragraphs(faq)[5], StringComparison.Ordinal);
    }

    [Fact]
    public void MachineLearningPageSplitsIntoItsSections()
    {
        var document = Import(MachineLearningFile);

        NoEmptySections(document);
        Assert.Equal(("machine-learning-engineers", "Machine Learning Engineers", "Machine Learning Engineer"),
            (document.Id, document.Title, document.Role));
        Assert.StartsWith("A Machine Learning Engineer develops algorithms and models",
            Section(document, "what-does-a-machine-learning-engineer-do").Text, StringComparison.Ordinal);
        Assert.Equal(5, Bullets(Section(document, "what-are-the-responsibilities-of-a-machine-learning-engineer")).Length);
        Assert.Equal(5, Bullets(Section(document, "who-do-machine-learning-engineers-work-with")).Length);
        Assert.Contains("Master's or PhD", Section(document, "what-qualifications-are-needed-for-a-machine-learning-engineer").Text, StringComparison.Ordinal);

        var skills = Bullets(Section(document, "essential-skills-for-machine-learning-engineers"));
        Assert.Equal(6, skills.Length);
        // The no-break space after "proficiency:" is collapsed to a plain space.
        Assert.Equal("Programming proficiency: Expertise in Python, R, or Java for building and deploying algorithms on biomedical datasets", skills[0]);
        Assert.StartsWith("Teamwork:", skills[5], StringComparison.Ordinal);
    }

    [Fact]
    public void MachineLearningSalaryAndFaqKeepTheSourceWording()
    {
        var document = Import(MachineLearningFile);

        var salary = Section(document, "average-machine-learning-engineer-salary-in-europe");
        Assert.Equal(
            ["Entry-level: €40,000 – €60,000 annually", "Mid-level: €60,000 – €90,000 annually", "Senior-level: €90,000 – €120,000 annually"],
            Bullets(salary));
        Assert.Equal(SourceBullets(MachineLearningFile, '€'), Bullets(salary));
        // "Generally:" introduces the list; it is text, not a heading.
        Assert.Contains("Generally:", salary.Text, StringComparison.Ordinal);
        Assert.EndsWith("High-demand sectors like finance and tech may offer salaries at the upper end of these ranges.", salary.Text, StringComparison.Ordinal);

        var faq = Section(document, "common-questions-about-machine-learning-engineer-roles");
        Assert.Equal(6, Paragraphs(faq).Length);
        Assert.StartsWith("Not always.", Paragraphs(faq)[1], StringComparison.Ordinal);
        Assert.Contains("Python, R, and Java are highly valued", faq.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MlopsFile)]
    [InlineData(MachineLearningFile)]
    public void EveryFigureOfThePageSurvivesTheImport(string file)
    {
        var document = Import(file);
        var imported = string.Join("\n", document.Chunks.Select(c => c.Text));

        var figures = Figure().Matches(File.ReadAllText(SeedPath(file))).Select(m => m.Value).ToList();
        Assert.NotEmpty(figures);
        Assert.Equal(figures, Figure().Matches(imported).Select(m => m.Value));
        Assert.DoesNotContain('•', imported);
        Assert.DoesNotContain('\u00A0', imported);
    }

    [Theory]
    [InlineData(MlopsFile, "What is the average salary in Europe?", "average-mlops-salary-in-europe")]
    [InlineData(MachineLearningFile, "How much do they earn, what salary?", "average-machine-learning-engineer-salary-in-europe")]
    public void ImportedSeedIsSearchable(string file, string question, string expectedSection)
    {
        var document = Import(file);
        using var index = KnowledgeIndex.Build([document], SynonymSet.Empty);

        var hits = index.Search(TextAnalyzer.Terms(question, SynonymSet.Empty), null, 5);

        Assert.NotEmpty(hits);
        Assert.Equal(expectedSection, hits[0].Chunk.SectionId);
    }

    private static KnowledgeDocument Import(string file) => GuideImporter.Import(SeedPath(file), file);

    /// <summary>The seeds live beside the repository (<c>&lt;repo&gt;/../shared/seeds</c>); without them this fails.</summary>
    private static string SeedPath(string file)
    {
        var folder = Path.GetFullPath(Path.Combine(TestKnowledge.RepositoryRoot, "..", "shared", "seeds"));
        Assert.True(Directory.Exists(folder), $"Seed pages folder not found: {folder}. The seed import tests need the agency pages there.");
        var path = Path.Combine(folder, file);
        Assert.True(File.Exists(path), $"Seed page not found: {path}.");
        return path;
    }

    /// <summary>The page's own bullet lines that contain a marker character, as the page writes them.</summary>
    private static string[] SourceBullets(string file, char marker) =>
        [.. File.ReadAllLines(SeedPath(file))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith('•') && l.Contains(marker, StringComparison.Ordinal))
            .Select(l => l[1..].Trim())];

    [GeneratedRegex(@"€\d{1,3}(?:,\d{3})+")]
    private static partial Regex Figure();
}
