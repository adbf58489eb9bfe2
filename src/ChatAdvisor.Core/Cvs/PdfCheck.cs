namespace ChatAdvisor.Cvs;

/// <summary>Checks a file that starts with <c>%PDF-</c>: it must end properly and must not be encrypted.</summary>
internal static class PdfCheck
{
    /// <summary>How far from the end <c>%%EOF</c> may sit; writers add a line break or a few padding bytes after it.</summary>
    private const int EofWindow = 1024;

    public static CvInspection Inspect(ReadOnlySpan<byte> pdf)
    {
        if (pdf[Math.Max(0, pdf.Length - EofWindow)..].IndexOf("%%EOF"u8) < 0)
        {
            return CvInspection.Reject(CvProblems.DamagedPdf, CvFileType.Pdf);
        }
        return HasEncryptEntry(pdf)
            ? CvInspection.Reject(CvProblems.EncryptedPdf, CvFileType.Pdf)
            : CvInspection.Accept(CvFileType.Pdf);
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
        if (value.IsEmpty || IsRegular(value[0]))
        {
            return false; // a longer name such as /EncryptMetadata
        }
        value = SkipWhitespace(value);
        if (value.StartsWith("<<"u8))
        {
            return true;
        }
        var objectNumber = CountDigits(value);
        value = SkipWhitespace(value[objectNumber..]);
        var generation = CountDigits(value);
        value = SkipWhitespace(value[generation..]);
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

    private static ReadOnlySpan<byte> SkipWhitespace(ReadOnlySpan<byte> value)
    {
        var count = 0;
        while (count < value.Length && IsWhitespace(value[count]))
        {
            count++;
        }
        return value[count..];
    }

    private static bool IsWhitespace(byte value) => value is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsRegular(byte value) =>
        !IsWhitespace(value) && value is not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
            or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');
}
