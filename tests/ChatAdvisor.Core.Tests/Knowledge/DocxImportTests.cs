using ChatAdvisor.Knowledge;
using DocumentFormat.OpenXml;
using static ChatAdvisor.Core.Tests.Knowledge.ChunkAssert;
using Para = ChatAdvisor.Core.Tests.Knowledge.TestDocx.Para;

namespace ChatAdvisor.Core.Tests.Knowledge;

/// <summary>Word documents: styled headings become sections, list paragraphs bullets; unsafe or damaged files are refused.</summary>
public sealed class DocxImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void StyledHeadingsBecomeSectionsAndListParagraphsBullets()
    {
        var path = _folder.File("Bioinformatics Engineers.docx");
        TestDocx.Write(path, WordprocessingDocumentType.Document,
            new Para("Title", false, "Bioinformatics Engineers"),
            new Para("TOC1", false, "What does a Bioinformatics Engineer do?\t1"),
            new Para(null, false, "A short introduction."),
            new Para("berschrift2", false, "What does a Bioinformatics Engineer do?"),
            new Para(null, false, "A Bioinformatics Engineer builds ", "genomics pipelines", "."),
            new Para("Heading3", false, "Key responsibilities"),
            new Para("ListParagraph", false, "Maintains sequencing workflows"),
            new Para(null, true, "Validates variant calls"),
            new Para(null, false, "   "),
            new Para("RoleHeading", false, "Average Salary in Europe"),
            new Para(null, false, "Entry-level roles start at €48,000.\tSenior roles earn more."),
            new Para("berschrift2", false, "Heading without text"));

        var document = GuideImporter.Import(path, "guides/Bioinformatics Engineers.docx");

        NoEmptySections(document);
        Assert.Equal(("bioinformatics-engineers", "Bioinformatics Engineers", "Bioinformatics Engineer", "Bioinformatics Engineers.docx"),
            (document.Id, document.Title, document.Role, document.Source));
        Assert.Equal(["overview", "what-does-a-bioinformatics-engineer-do", "key-responsibilities", "average-salary-in-europe"],
            document.Chunks.Select(c => c.SectionId));
        Assert.Equal("A short introduction.", Section(document, "overview").Text);
        Assert.Equal("A Bioinformatics Engineer builds genomics pipelines.", Section(document, "what-does-a-bioinformatics-engineer-do").Text);
        Assert.Equal("- Maintains sequencing workflows\n- Validates variant calls", Section(document, "key-responsibilities").Text);
        Assert.Equal("Entry-level roles start at €48,000. Senior roles earn more.", Section(document, "average-salary-in-europe").Text);
    }

    [Fact]
    public void DocumentWithoutHeadingStylesFallsBackToTheTextRules()
    {
        var path = _folder.File("qa-engineers.docx");
        TestDocx.Write(path, WordprocessingDocumentType.Document,
            new Para(null, false, "QA Engineers"),
            new Para(null, false, "What does a QA Engineer do?"),
            new Para(null, false, "A QA Engineer tests software before release."),
            new Para(null, true, "Writes test plans"));

        var document = GuideImporter.Import(path, "qa-engineers.docx");

        Assert.Equal(("QA Engineers", "QA Engineer"), (document.Title, document.Role));
        var section = Assert.Single(document.Chunks);
        Assert.Equal("what-does-a-qa-engineer-do", section.SectionId);
        Assert.Equal("A QA Engineer tests software before release.\n\n- Writes test plans", section.Text);
    }

    [Fact]
    public void CorruptFileIsRejectedWithAClearMessage()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x00;
        var path = _folder.Write("broken.docx", bytes);

        var error = Assert.Throws<InvalidDataException>(() => GuideImporter.Import(path, "broken.docx"));

        Assert.Equal("broken.docx is not a valid Word document: it is not a .docx (ZIP) package", error.Message);
    }

    [Fact]
    public void DamagedZipPackageIsRejectedWithAClearMessage()
    {
        var bytes = new byte[2048];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x50;
        bytes[1] = 0x4B;
        bytes[2] = 0x03;
        bytes[3] = 0x04;
        var path = _folder.Write("damaged.docx", bytes);

        var error = Assert.Throws<InvalidDataException>(() => GuideImporter.Import(path, "damaged.docx"));

        Assert.StartsWith("damaged.docx is not a valid Word document: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncryptedFileIsRejected()
    {
        byte[] compoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        var path = _folder.Write("protected.docx", compoundFile);

        var error = Assert.Throws<InvalidDataException>(() => GuideImporter.Import(path, "protected.docx"));

        Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("protected.docx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFileIsRejected()
    {
        var path = _folder.Write("empty.docx", []);

        var error = Assert.Throws<InvalidDataException>(() => GuideImporter.Import(path, "empty.docx"));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WordprocessingDocumentType.MacroEnabledDocument)]
    [InlineData(WordprocessingDocumentType.MacroEnabledTemplate)]
    public void MacroEnabledPackageIsRejectedEvenWithADocxName(WordprocessingDocumentType type)
    {
        var path = _folder.File("macros.docx");
        TestDocx.Write(path, type, new Para("Title", false, "Macro Engineers"), new Para("berschrift2", false, "Section"),
            new Para(null, false, "Text."));

        var error = Assert.Throws<InvalidDataException>(() => GuideImporter.Import(path, "macros.docx"));

        Assert.Contains("macro-enabled", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
