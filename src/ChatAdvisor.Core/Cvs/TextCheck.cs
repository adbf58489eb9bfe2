using System.Text;
using System.Text.Unicode;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Accepts plain text: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark, without NUL
/// characters and with at most one control character in fifty (tabs and line breaks do not count). Markup is not
/// plain text, in any of these encodings (<see cref="MarkupCheck"/>).
/// </summary>
internal static class TextCheck
{
    private const int MaxControlShareInverse = 50;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16LittleEndianBom => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BigEndianBom => [0xFE, 0xFF];

    /// <returns>The verdict, or null when the bytes are not text.</returns>
    public static CvInspection? Inspect(ReadOnlySpan<byte> data)
    {
        string text;
        if (data.StartsWith(Utf16LittleEndianBom) || data.StartsWith(Utf16BigEndianBom))
        {
            var body = data[2..];
            if (body.Length % 2 != 0)
            {
                return null;
            }
            try
            {
                text = new UnicodeEncoding(bigEndian: data[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true).GetString(body);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }
        else
        {
            var body = data.StartsWith(Utf8Bom) ? data[Utf8Bom.Length..] : data;
            if (body.Contains((byte)0))
            {
                return null;
            }
            if (!Utf8.IsValid(body))
            {
                // Printable bytes that are not UTF-8: most likely text saved in a legacy code page such as Windows-1252.
                if (CountControlBytes(body) * MaxControlShareInverse > body.Length)
                {
                    return null;
                }
                return MarkupCheck.IsMarkup(Encoding.Latin1.GetString(body))
                    ? CvInspection.Refuse(ActiveContent.Markup, CvFileType.Txt)
                    : CvInspection.Reject(CvProblems.TextEncoding, CvFileType.Txt);
            }
            text = Encoding.UTF8.GetString(body);
        }

        if (text.Contains('\0') || CountControlCharacters(text) * MaxControlShareInverse > text.Length)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return CvInspection.Reject(CvProblems.Empty, CvFileType.Txt);
        }
        return MarkupCheck.IsMarkup(text) ? CvInspection.Refuse(ActiveContent.Markup, CvFileType.Txt) : CvInspection.Accept(CvFileType.Txt);
    }

    private static int CountControlCharacters(string text) => text.Count(character => char.IsControl(character) && !IsLayout(character));

    private static int CountControlBytes(ReadOnlySpan<byte> data)
    {
        var count = 0;
        foreach (var value in data)
        {
            if ((value < 0x20 && !IsLayout((char)value)) || value == 0x7F)
            {
                count++;
            }
        }
        return count;
    }

    private static bool IsLayout(char character) => character is '\t' or '\n' or '\r' or '\f';
}
