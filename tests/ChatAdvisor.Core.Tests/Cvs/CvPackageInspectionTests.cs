using System.Buffers.Binary;
using ChatAdvisor.Cvs;
using static ChatAdvisor.Core.Tests.Cvs.CvFileInspectorTests;

namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>ZIP-based (DOCX, ODT) and compound-file (DOC) documents: macros, passwords, damage and zip bombs.</summary>
public sealed class CvPackageInspectionTests
{
    private const string Macros = "This document contains macros, which we can't accept for security reasons. Please save it as a regular Word document (.docx) or a PDF and send that.";
    private const string EncryptedDocument = "This document is password-protected, so we can't open it. Please remove the password, or save it as a PDF and send that.";
    private const string Damaged = "This file seems to be damaged, so we can't open it. Please save or export it again and send the new file.";

    [Fact]
    public async Task ADocmIsRefusedForItsMacros()
    {
        AssertRejected(await InspectAsync(CvSamples.Docx(CvSamples.WordMacroMain), "cv.docm"), Macros);
    }

    [Fact]
    public async Task ADocxCarryingAVbaProjectIsRefusedForItsMacros()
    {
        var docx = CvSamples.Docx(CvSamples.WordMain, ("word/vbaProject.bin", CompoundFileWriter.Build(new CompoundFileWriter.Item("VBA"))));

        AssertRejected(await InspectAsync(docx, "cv.docx"), Macros);
    }

    [Fact]
    public async Task APasswordProtectedOfficeFileIsRefused()
    {
        var encrypted = CompoundFileWriter.Build(new("EncryptionInfo", new byte[200]), new("EncryptedPackage", new byte[5000]));

        AssertRejected(await InspectAsync(encrypted, "cv.docx"), EncryptedDocument);
    }

    [Fact]
    public async Task ADocWithAPasswordIsRefused()
    {
        var doc = CompoundFileWriter.Build(new("WordDocument", CompoundFileWriter.WordDocumentStream(encrypted: true)), new("1Table", new byte[10]));

        AssertRejected(await InspectAsync(doc, "cv.doc"), EncryptedDocument);
    }

    [Fact]
    public async Task ADocWithMacrosIsRefused()
    {
        var doc = CompoundFileWriter.Build(
            new("WordDocument", CompoundFileWriter.WordDocumentStream()), new("1Table", new byte[10]), new("Macros"), new("_VBA_PROJECT", new byte[10]));

        var inspection = await InspectAsync(doc, "cv.doc");

        AssertRejected(inspection, Macros);
        Assert.Equal(CvFileType.Doc, inspection.Type);
    }

    [Fact]
    public async Task ACompoundFileThatIsNotAWordDocumentIsRefusedAsUnsupported()
    {
        var workbook = CompoundFileWriter.Build(new CompoundFileWriter.Item("Workbook", new byte[100]));

        AssertRejected(await InspectAsync(workbook, "cv.xls"), CvProblems.UnsupportedType);
    }

    [Fact]
    public async Task ADamagedCompoundFileIsRefused()
    {
        var doc = CompoundFileWriter.Build(new CompoundFileWriter.Item("WordDocument", CompoundFileWriter.WordDocumentStream()));
        BinaryPrimitives.WriteUInt32LittleEndian(doc.AsSpan(0x30), 9999); // directory beyond the end of the file

        AssertRejected(await InspectAsync(doc, "cv.doc"), Damaged);
    }

    [Fact]
    public async Task PasswordProtectedAndMacroEnabledOdtsAreRefused()
    {
        AssertRejected(await InspectAsync(CvSamples.Odt("<manifest:encryption-data/>"), "cv.odt"), EncryptedDocument);
        AssertRejected(await InspectAsync(CvSamples.Odt("", ("Basic/Standard/Module1.xml", CvSamples.Utf8("<module/>"))), "cv.odt"), Macros);
    }

    [Fact]
    public async Task MalformedAndTruncatedZipsAreRefusedAsDamaged()
    {
        var docx = CvSamples.Docx();

        AssertRejected(await InspectAsync([0x50, 0x4B, 0x03, 0x04, .. new byte[200]], "cv.docx"), Damaged);
        AssertRejected(await InspectAsync(docx[..(docx.Length - 30)], "cv.docx"), Damaged);
    }

    [Fact]
    public async Task AZipThatIsNeitherDocxNorOdtIsRefusedAsUnsupported()
    {
        var zip = CvSamples.Zip([("cv.pdf", CvSamples.Pdf())]);

        AssertRejected(await InspectAsync(zip, "cv.zip"), CvProblems.UnsupportedType);
        AssertRejected(await InspectAsync(zip, "cv.docx"), CvProblems.NotWhatItsNameSays(CvFileType.Docx));
    }

    [Fact]
    public async Task AZipWithTooManyEntriesIsRefused()
    {
        var parts = Enumerable.Range(0, 1_001).Select(index => ($"word/media/part{index}.xml", new byte[] { (byte)'x' }));
        var zip = CvSamples.Zip([("[Content_Types].xml", CvSamples.Utf8("<Types/>")), .. parts]);

        AssertRejected(await InspectAsync(zip, "cv.docx"),
            "This document is made of far more parts than a CV normally is, so we can't accept it. Please save it as a PDF and send that.");
        Assert.Equal(0, ZipPackageCheck.Inspect(zip, CancellationToken.None).InflatedBytes);
    }

    [Fact]
    public async Task AZipBombIsRefusedWithoutInflatingIt()
    {
        var bomb = CvSamples.DocxOfZeros(60L * 1024 * 1024);
        Assert.True(bomb.Length < 200 * 1024, $"the bomb is {bomb.Length} bytes");

        var inspection = await InspectAsync(bomb, "cv.docx");
        var check = ZipPackageCheck.Inspect(bomb, CancellationToken.None);

        // The work done, not the time taken: refused from the sizes its headers declare, not one byte inflated.
        AssertRejected(inspection, "This document unpacks to far more data than a CV normally does, so we can't accept it. Please save it as a PDF and send that.");
        AssertRejected(Assert.IsType<CvInspection>(check.Inspection), CvProblems.TooMuchContent);
        Assert.Equal(0, check.InflatedBytes);
    }

    [Fact]
    public async Task AZipCompressingMoreThanAHundredfoldIsRefused()
    {
        var bomb = CvSamples.DocxOfZeros(5L * 1024 * 1024); // under 50 MB, but over 100 times the archive's size

        AssertRejected(await InspectAsync(bomb, "cv.docx"), CvProblems.TooMuchContent);
    }

    [Fact]
    public void AZipBombWhoseHeadersUnderstateItsSizeIsStoppedAtTheDeclaredSize()
    {
        var bomb = CvSamples.DocxOfZeros(60L * 1024 * 1024);
        const uint DeclaredSize = 1_000;
        PatchUncompressedSizes(bomb, "word/document.xml", DeclaredSize);

        var check = ZipPackageCheck.Inspect(bomb, CancellationToken.None);

        AssertRejected(check.Inspection!, CvProblems.Damaged);
        Assert.True(check.InflatedBytes <= 1_024 * 1024, $"inflated {check.InflatedBytes} bytes");
    }

    /// <summary>Rewrites the uncompressed size of an entry in its local header and central-directory record.</summary>
    private static void PatchUncompressedSizes(byte[] zip, string entryName, uint size)
    {
        var name = CvSamples.Utf8(entryName);
        for (var at = 0; at + 46 <= zip.Length; at++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at));
            if (signature == 0x04034B50 && zip.AsSpan(at + 30).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(at + 22), size);
            }
            else if (signature == 0x02014B50 && zip.AsSpan(at + 46).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(at + 24), size);
            }
        }
    }
}
