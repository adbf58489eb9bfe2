using System.Buffers.Binary;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Checks a file that starts with <c>%PDF-</c>: it must be one PDF and nothing else (no ZIP directory in its last
/// 64 KB, nothing but whitespace after its last <c>%%EOF</c>), must end properly, must not be encrypted and must not
/// carry active content (<see cref="PdfScanner"/>).
/// </summary>
internal static class PdfCheck
{
    /// <summary>How far from the end a ZIP reader looks for the end-of-central-directory record: its size plus the longest comment.</summary>
    private const int ZipDirectoryWindow = 22 + ushort.MaxValue;

    public static CvInspection Inspect(byte[] data, CancellationToken cancellationToken)
    {
        var pdf = data.AsSpan();
        if (HasZipDirectory(pdf))
        {
            return CvInspection.Refuse(ActiveContent.Polyglot, CvFileType.Pdf);
        }
        var eof = pdf.LastIndexOf("%%EOF"u8);
        if (eof < 0)
        {
            return CvInspection.Reject(CvProblems.DamagedPdf, CvFileType.Pdf);
        }
        var tail = TrimWhitespace(pdf[(eof + "%%EOF".Length)..]);
        if (!tail.IsEmpty)
        {
            // PDF syntax after the last %%EOF is an update cut short; anything else was put there by someone else.
            return LooksLikePdfSyntax(tail) && PdfScanner.Scan(tail.ToArray(), cancellationToken) == ActiveContent.None
                ? CvInspection.Reject(CvProblems.DamagedPdf, CvFileType.Pdf)
                : CvInspection.Refuse(ActiveContent.Polyglot, CvFileType.Pdf);
        }
        if (HasEncryptEntry(pdf))
        {
            return CvInspection.Reject(CvProblems.EncryptedPdf, CvFileType.Pdf);
        }
        var finding = PdfScanner.Scan(data, cancellationToken);
        return finding == ActiveContent.None ? CvInspection.Accept(CvFileType.Pdf) : CvInspection.Refuse(finding, CvFileType.Pdf);
    }

    /// <summary>
    /// An end-of-central-directory record whose directory lies before it: what a ZIP reader looks for from the end,
    /// so such a file opens as an archive too (a PDF+ZIP polyglot). Random bytes match both tests about once in
    /// 10^14 windows.
    /// </summary>
    private static bool HasZipDirectory(ReadOnlySpan<byte> file)
    {
        var window = file[Math.Max(0, file.Length - ZipDirectoryWindow)..];
        var windowStart = file.Length - window.Length;
        int at;
        while ((at = window.LastIndexOf("PK\u0005\u0006"u8)) >= 0)
        {
            var record = window[at..];
            if (record.Length >= 22)
            {
                var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
                var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
                if ((long)directoryOffset + directorySize <= windowStart + at)
                {
                    return true;
                }
            }
            window = window[..at];
        }
        return false;
    }

    private static bool LooksLikePdfSyntax(ReadOnlySpan<byte> tail) =>
        char.IsAsciiDigit((char)tail[0]) || tail.StartsWith("xref"u8) || tail.StartsWith("trailer"u8) || tail.StartsWith("startxref"u8);

    private static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> bytes)
    {
        var start = 0;
        while (start < bytes.Length && PdfTokenizer.IsWhitespace(bytes[start]))
        {
            start++;
        }
        return bytes[start..];
    }

    /// <summary>
    /// Finds an <c>/Encrypt</c> entry: the name followed by a dictionary (<c>&lt;&lt;</c>) or an indirect reference
    /// (<c>12 0 R</c>). That entry belongs in the trailer or in a cross-reference stream's dictionary, and neither is
    /// ever compressed, so searching the raw bytes finds it wherever the trailer is (at the end, at the front of a
    /// linearized file, or in an incremental update). Any password, even an owner-only one, counts.
    /// </summary>
    private static bool HasEncryptEntry(ReadOnlySpan<byte> pdf)
    {
        var rest = pdf;
        int at;
        while ((at = rest.IndexOf("/Encrypt"u8)) >= 0)
        {
            rest = rest[(at + "/Encrypt".Length)..];
            if (IsDictionaryOrReference(rest))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsDictionaryOrReference(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || PdfTokenizer.IsRegular(value[0]))
        {
            return false; // a longer name such as /EncryptMetadata
        }
        value = TrimWhitespace(value);
        if (value.StartsWith("<<"u8))
        {
            return true;
        }
        var objectNumber = CountDigits(value);
        value = TrimWhitespace(value[objectNumber..]);
        var generation = CountDigits(value);
        value = TrimWhitespace(value[generation..]);
        return objectNumber > 0 && generation > 0 && !value.IsEmpty && value[0] == (byte)'R';
    }

    private static int CountDigits(ReadOnlySpan<byte> value)
    {
        var count = 0;
        while (count < value.Length && char.IsAsciiDigit((char)value[count]))
        {
            count++;
        }
        return count;
    }
}
