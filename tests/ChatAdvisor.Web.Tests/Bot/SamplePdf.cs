using System.Globalization;
using System.Text;
using ChatAdvisor.Core.Tests.Cvs;

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
        return PdfFile.Write(objects);
    }
}
