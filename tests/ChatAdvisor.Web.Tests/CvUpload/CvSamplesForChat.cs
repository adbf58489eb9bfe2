using System.Text;

namespace ChatAdvisor.Web.Tests.CvUpload;

/// <summary>Small files for the upload tests, made in code.</summary>
internal static class CvSamplesForChat
{
    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static byte[] EncryptedPdf { get; } = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF\n");

    /// <summary>A PDF that runs a script when it is opened, its action name hex-escaped as attackers do.</summary>
    public static byte[] JavaScriptPdf { get; } = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /OpenAction 2 0 R >>\nendobj\n2 0 obj\n<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Executable { get; } = [.. "MZ"u8.ToArray(), .. new byte[200]];
}
