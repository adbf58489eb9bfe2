using System.Globalization;
using System.Text;

namespace ChatAdvisor.Web.Tests.Bot;

/// <summary>
/// Small but well-formed one-page PDFs for CV tests: header, objects, a correct cross-reference table and
/// <c>%%EOF</c> at the end, so content inspection accepts them and a PDF viewer could open them.
/// </summary>
public static class SamplePdf
{
    /// <summary>A one-page CV naming <paramref name="name"/>; padded with more text lines up to <paramref name="minimumBytes"/>.</summary>
    public static byte[] Create(string name, int minimumBytes = 0)
    {
        var lines = new StringBuilder();
        lines.Append("BT /F1 18 Tf 72 770 Td (Curriculum vitae: ").Append(name).Append(") Tj ET\n");
        lines.Append("BT /F1 11 Tf 72 740 Td (MLOps engineer, model deployment and monitoring.) Tj ET\n");
        for (var line = 1; lines.Length < minimumBytes; line++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"BT /F1 9 Tf 72 {700 - (line % 60 * 10)} Td (Experience line {line}) Tj ET\n");
        }
        var stream = lines.ToString();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
