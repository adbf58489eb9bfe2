using System.Text;
using ChatAdvisor.Cvs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Core.Tests.Cvs;

public sealed class CvFileInspectorTests
{
    internal static Task<CvInspection> InspectAsync(byte[] content, string fileName, long maxBytes = 10 * 1024 * 1024) =>
        Inspector(maxBytes).InspectAsync(new MemoryStream(content), fileName, CancellationToken.None);

    internal static CvFileInspector Inspector(long maxBytes = 10 * 1024 * 1024) =>
        new(Options.Create(new CvOptions { MaxFileBytes = maxBytes }), TimeProvider.System, NullLogger<CvFileInspector>.Instance);

    internal static void AssertRejected(CvInspection inspection, string problem)
    {
        Assert.False(inspection.IsAccepted);
        Assert.Equal(problem, inspection.Problem);
    }

    public static TheoryData<string, Func<byte[]>, CvFileType> AcceptedFiles() => new()
    {
        { "cv.pdf", () => CvSamples.Pdf(), CvFileType.Pdf },
        { "cv.docx", () => CvSamples.Docx(), CvFileType.Docx },
        { "cv.odt", () => CvSamples.Odt(), CvFileType.Odt },
        { "cv.rtf", () => CvSamples.Rtf(), CvFileType.Rtf },
        { "cv.txt", CvSamples.Text, CvFileType.Txt },
        { "cv.txt", () => [0xEF, 0xBB, 0xBF, .. CvSamples.Text()], CvFileType.Txt },
        { "cv.txt", () => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Jane Doe\r\nIngénieure logiciel\r\n")], CvFileType.Txt },
        { "cv.txt", () => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("Jane Doe\nEngineer\n")], CvFileType.Txt },
        { "cv.doc", () => CompoundFileWriter.Build(new("WordDocument", CompoundFileWriter.WordDocumentStream()), new("1Table", new byte[100])), CvFileType.Doc },
        { "cv.pdf", () => CvSamples.Pdf(extraCatalogEntries: "/EncryptMetadata false "), CvFileType.Pdf },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public async Task AcceptsEachSupportedTypeDecidedByContent(string fileName, Func<byte[]> content, CvFileType expected)
    {
        var inspection = await InspectAsync(content(), fileName);

        Assert.Equal(new CvInspection(true, expected, null), inspection);
    }

    [Fact]
    public async Task APdfNamedDocxIsAcceptedAsAPdf()
    {
        var inspection = await InspectAsync(CvSamples.Pdf(), "cv.docx");

        Assert.Equal(CvFileType.Pdf, inspection.Type);
        Assert.True(inspection.IsAccepted);
    }

    [Fact]
    public async Task AnExecutableNamedPdfIsRefusedWithTheAcceptedTypes()
    {
        var inspection = await InspectAsync(CvSamples.Executable(), "cv.pdf");

        AssertRejected(inspection, CvProblems.NotWhatItsNameSays(CvFileType.Pdf));
        Assert.Equal(
            "This file is named like a .pdf file, but its content isn't a document we can accept. Please send your CV as a PDF, a Word document (.docx or .doc), an OpenDocument text (.odt), RTF or plain text (.txt).",
            inspection.Problem);
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("photo.png")]
    [InlineData("noname")]
    public async Task ProgramsImagesAndRandomBytesAreRefusedWithTheAcceptedTypes(string fileName)
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];
        byte[] elf = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0];
        var random = new byte[4096];
        new Random(42).NextBytes(random);

        foreach (var content in new[] { CvSamples.Executable(), png, elf, random })
        {
            AssertRejected(await InspectAsync(content, fileName), CvProblems.UnsupportedType);
        }
    }

    [Fact]
    public async Task AnEmptyFileIsRefused()
    {
        AssertRejected(await InspectAsync([], "cv.pdf"), "This file is empty. Please check that you picked the right file and send it again.");
        AssertRejected(await InspectAsync(CvSamples.Utf8(" \n\t\n"), "cv.txt"), CvProblems.Empty);
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedWithoutReadingItAll()
    {
        var content = new byte[4096];
        CvSamples.Text().CopyTo(content, 0);
        content.AsSpan(CvSamples.Text().Length).Fill((byte)'x');

        AssertRejected(await InspectAsync(content, "cv.txt", maxBytes: 1024), "This file is larger than 1 KB, our limit for CVs. Please send a smaller file, for example a PDF without large images.");
        Assert.Equal("This file is larger than 10 MB, our limit for CVs. Please send a smaller file, for example a PDF without large images.", CvProblems.TooLarge(10 * 1024 * 1024));

        // A stream that cannot seek is read up to one byte past the limit, no further.
        var stream = new OneWayStream(content);
        AssertRejected(await Inspector(1024).InspectAsync(stream, "cv.txt", CancellationToken.None), CvProblems.TooLarge(1024));
        Assert.Equal(1025, stream.BytesRead);
    }

    [Fact]
    public async Task ASeekableStreamIsPutBackWhereItWas()
    {
        var stream = new MemoryStream(CvSamples.Pdf());

        await Inspector().InspectAsync(stream, "cv.pdf", CancellationToken.None);

        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task APasswordProtectedPdfIsRefused()
    {
        AssertRejected(await InspectAsync(CvSamples.Pdf(encrypted: true), "cv.pdf"),
            "This PDF is password-protected, so we can't open it. Please remove the password or send a different file.");
    }

    [Fact]
    public async Task APdfWithoutItsEndMarkerIsRefusedAsDamaged()
    {
        AssertRejected(await InspectAsync(CvSamples.Pdf(withEof: false), "cv.pdf"),
            "This PDF seems to be incomplete or damaged, so we can't open it. Please save or export it again and send the new file.");
    }

    [Fact]
    public async Task TextInALegacyCodePageIsRefusedWithAdviceToSaveAsUtf8()
    {
        var latin1 = Encoding.Latin1.GetBytes("Jos\u00e9 Mart\u00ednez\nIngeniero de software\n");

        AssertRejected(await InspectAsync(latin1, "cv.txt"), CvProblems.TextEncoding);
    }

    /// <summary>A stream that can only be read forwards, counting what was read.</summary>
    private sealed class OneWayStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);

        public int BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
