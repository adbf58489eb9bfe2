using ChatAdvisor.Knowledge;
using static ChatAdvisor.Core.Tests.Knowledge.ChunkAssert;

namespace ChatAdvisor.Core.Tests.Knowledge;

/// <summary>The plain-text heading rules on small pages, front matter overrides and the importer's file types.</summary>
public sealed class PlainTextImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("guide.md", true)]
    [InlineData("guide.MARKDOWN", true)]
    [InlineData("page.txt", true)]
    [InlineData("page.Html", true)]
    [InlineData("page.htm", true)]
    [InlineData("doc.DOCX", true)]
    [InlineData("~$doc.docx", false)]
    [InlineData("doc.docm", false)]
    [InlineData("doc.pdf", false)]
    [InlineData("synonyms.yaml", false)]
    public void CanImportChoosesByExtension(string file, bool expected) =>
        Assert.Equal(expected, GuideImporter.CanImport(Path.Combine("knowledge", file)));

    [Fact]
    public void FrontMatterOverridesTheDerivedValues()
    {
        const string page = """
            ---
            id: data-scientist
            role: Data Scientist
            aliases: [data scientist, DS]
            source: Agency page "Data Scientists"
            last_reviewed: 2026-03-01
            ---
            Data Scientists

            What does a Data Scientist do?

            A Data Scientist finds insights in data.
            """;

        var document = Import("data-scientists-page.txt", page);

        Assert.Equal(("data-scientist", "Data Scientists", "Data Scientist"), (document.Id, document.Title, document.Role));
        Assert.Equal(["data scientist", "DS"], document.Aliases);
        Assert.Equal(("Agency page \"Data Scientists\"", new DateOnly(2026, 3, 1)), (document.Source, document.LastReviewed));
        Assert.Equal("what-does-a-data-scientist-do", Assert.Single(document.Chunks).SectionId);
    }

    [Fact]
    public void BadFrontMatterIsAFormatErrorWithALine()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => Import("bad.txt", "---\nid: Not A Slug\n---\nTitle\n\nText."));

        Assert.Equal(2, error.Line);
        Assert.Contains("kebab-case", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrappedLinesJoinAndHeadingsMayTouchTheirText()
    {
        const string page = """
            Test Engineers
            Key facts
            Test engineers check the software that teams build
            before it ships.
            * Writes test plans
              that cover edge cases
            - Automates checks
            Salary Ranges in Europe
            Pay depends on the country.
            Pay depends on the country.
            """;

        var document = Import("test-engineers.txt", page);

        Assert.Equal(["key-facts", "salary-ranges-in-europe"], document.Chunks.Select(c => c.SectionId));
        Assert.Equal("Test engineers check the software that teams build before it ships.\n\n- Writes test plans that cover edge cases\n- Automates checks",
            Section(document, "key-facts").Text);
        Assert.Equal(2, Paragraphs(Section(document, "salary-ranges-in-europe")).Length);
    }

    [Fact]
    public void KeptFaqQuestionsBecomeSectionsAndRepeatedHeadingsGetNumberedIds()
    {
        const string page = """
            Support Engineers

            Frequently Asked Questions

            Is a degree required?

            No, experience counts as much.

            Is a degree required?

            Some employers still ask for one.

            Thanks for reading.
            """;

        var document = Import("support-engineers.txt", page);

        NoEmptySections(document);
        Assert.Equal(["is-a-degree-required", "is-a-degree-required-2"], document.Chunks.Select(c => c.SectionId));
        Assert.Equal("Some employers still ask for one.\n\nThanks for reading.", Section(document, "is-a-degree-required-2").Text);
    }

    [Fact]
    public void PageWithOnlyATitleIsAFormatError()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => Import("title-only.txt", "Lonely Title\n\n\u00A0\n"));

        Assert.Equal("title-only.txt", error.File);
    }

    [Fact]
    public void BinaryFileSavedAsTextIsRejected() =>
        Assert.Throws<InvalidDataException>(() => Import("binary.txt", "Title\0\0\0"));

    public void Dispose() => _folder.Dispose();

    private KnowledgeDocument Import(string name, string text) => GuideImporter.Import(_folder.Write(name, text), name);
}
