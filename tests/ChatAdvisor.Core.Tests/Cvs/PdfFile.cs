using System.Globalization;
using System.Text;

namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>
/// Writes a PDF from its objects as a PDF writer would: header, the objects numbered from 1, a correct cross-reference
/// table, the trailer (root object 1) and <c>%%EOF</c>. Shared with the Web tests (linked there).
/// </summary>
internal static class PdfFile
{
    /// <summary>The file of <paramref name="objects"/>; <paramref name="trailerEntries"/> go into the trailer dictionary as they are.</summary>
    public static byte[] Write(IReadOnlyList<string> objects, string trailerEntries = "", bool withEof = true)
    {
        var pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        for (var index = 0; index < objects.Count; index++)
        {
            offsets.Add(pdf.Length); // one character a byte: the file is Latin-1
            pdf.Append(CultureInfo.InvariantCulture, $"{index + 1} 0 obj\n{objects[index]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R{trailerEntries} >>\nstartxref\n{xref}\n");
        if (withEof)
        {
            pdf.Append("%%EOF\n");
        }
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
