using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>Small CV files of every kind, built in code.</summary>
internal static class CvSamples
{
    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string WordMacroMain = "application/vnd.ms-word.document.macroEnabled.main+xml";

    /// <summary>
    /// A one-page PDF with a proper cross-reference table; optionally encrypted or cut before <c>%%EOF</c>.
    /// <paramref name="pageEntries"/> go into the page dictionary (e.g. <c>/Annots [6 0 R]</c>) and
    /// <paramref name="extraObjects"/> become objects 6, 7, … (Latin-1 text, so any bytes fit).
    /// </summary>
    public static byte[] Pdf(bool encrypted = false, bool withEof = true, string extraCatalogEntries = "", string pageEntries = "", params string[] extraObjects)
    {
        var content = "BT /F1 24 Tf 72 720 Td (Jane Doe - Curriculum Vitae) Tj ET";
        List<string> objects =
        [
            $"<< /Type /Catalog /Pages 2 0 R {extraCatalogEntries}>>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> {pageEntries}>>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            .. extraObjects,
        ];
        if (encrypted)
        {
            objects.Add("<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100> >>");
        }
        var encrypt = encrypted ? $" /Encrypt {objects.Count} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]" : "";
        return PdfFile.Write(objects, encrypt, withEof);
    }

    /// <summary>A stream object: its dictionary entries, then the data (Latin-1, so binary data survives).</summary>
    public static string PdfStream(string dictionaryEntries, byte[] data) =>
        $"<< {dictionaryEntries} /Length {data.Length} >>\nstream\n{Encoding.Latin1.GetString(data)}\nendstream";

    /// <summary>
    /// A PDF 1.5 whose catalog (1), page tree (2) and <paramref name="packedObjects"/> (8, 9, …) are packed in an object
    /// stream (6), with a cross-reference stream (7) that says so, as Word and LibreOffice write them.
    /// <paramref name="encode"/> turns the stream's text into its data (Flate by default) and
    /// <paramref name="filterEntries"/> says how.
    /// </summary>
    public static byte[] PdfWithObjectStream(string catalogEntries = "", string[]? packedObjects = null, Func<byte[], byte[]>? encode = null, string filterEntries = "/Filter /FlateDecode")
    {
        string[] packed = [$"<< /Type /Catalog /Pages 2 0 R {catalogEntries}>>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", .. packedObjects ?? []];
        int[] numbers = [1, 2, .. Enumerable.Range(8, packed.Length - 2)];
        var header = new StringBuilder();
        var body = new StringBuilder();
        for (var index = 0; index < packed.Length; index++)
        {
            header.Append(CultureInfo.InvariantCulture, $"{numbers[index]} {body.Length} ");
            body.Append(packed[index]).Append('\n');
        }
        var text = Encoding.Latin1.GetBytes(header.ToString() + body);
        var data = (encode ?? Deflate)(text);
        var content = "BT /F1 24 Tf 72 720 Td (Jane Doe - Curriculum Vitae) Tj ET";
        string[] plain =
        [
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            PdfStream($"/Type /ObjStm /N {packed.Length} /First {header.Length} {filterEntries}", data),
        ];
        var pdf = new StringBuilder("%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new Dictionary<int, int>();
        for (var index = 0; index < plain.Length; index++)
        {
            offsets[index + 3] = pdf.Length;
            pdf.Append(CultureInfo.InvariantCulture, $"{index + 3} 0 obj\n{plain[index]}\nendobj\n");
        }
        offsets[7] = pdf.Length;
        var size = 8 + packed.Length - 2;
        var rows = new List<byte>();
        for (var number = 0; number < size; number++)
        {
            var packedIndex = Array.IndexOf(numbers, number);
            var (type, field2, field3) = number == 0 ? (0, 0, 0xFFFF) : packedIndex >= 0 ? (2, 6, packedIndex) : (1, offsets[number], 0);
            rows.AddRange([(byte)type, (byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2, (byte)(field3 >> 8), (byte)field3]);
        }
        pdf.Append(CultureInfo.InvariantCulture, $"7 0 obj\n{PdfStream($"/Type /XRef /Size {size} /W [1 4 2] /Root 1 0 R", [.. rows])}\nendobj\n");
        pdf.Append(CultureInfo.InvariantCulture, $"startxref\n{offsets[7]}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    public static byte[] Deflate(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }
        return buffer.ToArray();
    }

    /// <summary>A DOCX package; <paramref name="extraParts"/> are added as they are (e.g. a vbaProject.bin).</summary>
    public static byte[] Docx(string mainContentType = WordMain, params (string Name, byte[] Content)[] extraParts)
    {
        var contentTypes = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
              <Default Extension="xml" ContentType="application/xml"/>
              <Override PartName="/word/document.xml" ContentType="{mainContentType}"/>
            </Types>
            """;
        const string Relationships = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            </Relationships>
            """;
        const string Document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
              <w:body><w:p><w:r><w:t>Jane Doe, software engineer</w:t></w:r></w:p></w:body>
            </w:document>
            """;
        return Zip([("[Content_Types].xml", Utf8(contentTypes)), ("_rels/.rels", Utf8(Relationships)), ("word/document.xml", Utf8(Document)), .. extraParts]);
    }

    /// <summary>An ODT package: the uncompressed <c>mimetype</c> entry first, then the manifest and content.</summary>
    public static byte[] Odt(string manifestExtra = "", params (string Name, byte[] Content)[] extraParts)
    {
        var manifest = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
              <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
              <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{manifestExtra}</manifest:file-entry>
            </manifest:manifest>
            """;
        const string Content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
              <office:body><office:text><text:p>Jane Doe, software engineer</text:p></office:text></office:body>
            </office:document-content>
            """;
        return Zip([("mimetype", "application/vnd.oasis.opendocument.text"u8.ToArray()), ("META-INF/manifest.xml", Utf8(manifest)), ("content.xml", Utf8(Content)), .. extraParts]);
    }

    public static byte[] Rtf(string body = @"Jane Doe\par Software engineer\par ") => Utf8(@"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times New Roman;}} \f0\fs24 " + body + "}");

    public static byte[] Text() => Utf8("Jane Doe\nSoftware engineer — ten years of C# and .NET\nLanguages: English, Français, Deutsch\n");

    /// <summary>An executable's first bytes: the MZ header with its DOS stub, then a PE signature.</summary>
    public static byte[] Executable()
    {
        var exe = new byte[1024];
        "MZ"u8.CopyTo(exe);
        exe[0x3C] = 0x80;
        "This program cannot be run in DOS mode."u8.CopyTo(exe.AsSpan(0x4E));
        "PE\0\0"u8.CopyTo(exe.AsSpan(0x80));
        return exe;
    }

    /// <summary>A ZIP of the given parts; <c>mimetype</c> (and any part named in <paramref name="stored"/>) is stored uncompressed, as ODF requires.</summary>
    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> parts, params string[] stored)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                var level = name == "mimetype" || stored.Contains(name) ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A DOCX whose document part is <paramref name="zeroBytes"/> of zeros, written without holding them in memory.</summary>
    public static byte[] DocxOfZeros(long zeroBytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = zip.CreateEntry("[Content_Types].xml").Open())
            {
                types.Write(Utf8($"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="{WordMain}"/></Types>"""));
            }
            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var written = 0L; written < zeroBytes; written += zeros.Length)
            {
                document.Write(zeros, 0, (int)Math.Min(zeros.Length, zeroBytes - written));
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
