using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatAdvisor.Knowledge.Import;

/// <summary>
/// Reads a Word document (.docx): a Title or Heading 1 paragraph is the title, Heading 2 and Heading 3
/// paragraphs start sections, list paragraphs are bullets, table-of-contents entries are skipped. Styles are recognised by their names in the styles
/// part (so localised style ids work) and through "based on" chains. Macro-enabled, encrypted and damaged
/// files are refused with <see cref="InvalidDataException"/>.
/// </summary>
public static class DocxGuideReader
{
    private const long MaxCharactersInPart = 20_000_000;
    private static readonly byte[] s_zipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] s_compoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static KnowledgeDocument Read(string path, string file)
    {
        CheckSignature(path, file);
        using var document = Guard(file, () => WordprocessingDocument.Open(path, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart }));
        if (document.DocumentType is WordprocessingDocumentType.MacroEnabledDocument or WordprocessingDocumentType.MacroEnabledTemplate
            || document.MainDocumentPart?.VbaProjectPart is not null)
        {
            throw new InvalidDataException($"{file} is a macro-enabled Word file (.docm/.dotm); save it as a plain .docx document");
        }
        var (blocks, coreTitle) = Guard(file, () =>
        {
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new InvalidDataException("it has no document body");
            var styles = new DocxStyles(document.MainDocumentPart.StyleDefinitionsPart?.Styles);
            List<PageBlock> read = [.. body.Descendants<Paragraph>()
                .Where(p => !styles.IsTableOfContents(p.ParagraphProperties?.ParagraphStyleId?.Val?.Value))
                .Select(p => ToBlock(p, styles))
                .Where(b => b.Text.Length > 0)];
            return (read, document.PackageProperties.Title);
        });
        var fallbackTitle = string.IsNullOrWhiteSpace(coreTitle) ? null : coreTitle;
        return ImportedGuideBuilder.Build(PageBlocks.ToOutline(blocks, fallbackTitle), path, file);
    }

    /// <summary>Runs package code, turning the ways a damaged package fails into one clear <see cref="InvalidDataException"/>.</summary>
    private static T Guard<T>(string file, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FormatException or XmlException or InvalidDataException
                                       or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new InvalidDataException($"{file} is not a valid Word document: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A .docx is a ZIP package. An encrypted (password-protected) Office file, like a legacy .doc, is an OLE
    /// compound file instead, so its first bytes tell it apart before the package reader gives a vaguer error.
    /// </summary>
    private static void CheckSignature(string path, string file)
    {
        var header = new byte[8];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        if (read == 0)
        {
            throw new InvalidDataException($"{file} is empty, not a Word document");
        }
        if (header.AsSpan(0, read).SequenceEqual(s_compoundFileSignature))
        {
            throw new InvalidDataException(
                $"{file} is encrypted (password-protected) or an old binary .doc; save it as an unprotected .docx");
        }
        if (read < s_zipSignature.Length || !header.AsSpan(0, s_zipSignature.Length).SequenceEqual(s_zipSignature))
        {
            throw new InvalidDataException($"{file} is not a valid Word document: it is not a .docx (ZIP) package");
        }
    }

    private static PageBlock ToBlock(Paragraph paragraph, DocxStyles styles)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar or Break or CarriageReturn:
                    text.Append(' ');
                    break;
            }
        }
        var properties = paragraph.ParagraphProperties;
        var kind = styles.KindOf(properties?.ParagraphStyleId?.Val?.Value);
        if (kind == PageBlockKind.Paragraph && properties?.NumberingProperties is not null)
        {
            kind = PageBlockKind.Bullet;
        }
        return new PageBlock(kind, TextBlocks.Collapse(text.ToString()));
    }
}
