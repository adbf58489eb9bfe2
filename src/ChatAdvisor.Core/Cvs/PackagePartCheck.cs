using System.IO.Compression;
using System.Xml;

namespace ChatAdvisor.Cvs;

/// <summary>
/// The active-content rules for the parts of a DOCX or ODT, applied part by part as the package is inflated.
/// Refused: ActiveX controls (<c>word/activeX/</c>), OLE objects (<c>oleObject*.bin</c>, anything in
/// <c>word/embeddings/</c> but the <c>.xlsx</c> workbooks in which Word keeps chart data, and any part that is itself
/// an OLE compound file, whatever its name), and what <see cref="OfficeXmlCheck"/> finds in the XML parts.
/// </summary>
internal static class PackagePartCheck
{
    /// <summary>The largest XML part read for active content; a bigger one is refused rather than passed unread.</summary>
    public const int MaxScannedPartBytes = 16 * 1024 * 1024;

    private static ReadOnlySpan<byte> CompoundFileHeader => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static bool IsScanned(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the part's name and first bytes say; the macro project (<c>vbaProject.bin</c>) is left to the macro rule.</summary>
    public static ActiveContent JudgeName(ZipArchiveEntry entry, ReadOnlySpan<byte> head)
    {
        var name = entry.FullName.Replace('\\', '/');
        if (entry.Name.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
        {
            return ActiveContent.None;
        }
        if (name.StartsWith("word/activeX/", StringComparison.OrdinalIgnoreCase)
            || (entry.Name.StartsWith("oleObject", StringComparison.OrdinalIgnoreCase) && entry.Name.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))
            || (name.StartsWith("word/embeddings/", StringComparison.OrdinalIgnoreCase) && entry.Name.Length > 0 && !entry.Name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            || head.StartsWith(CompoundFileHeader))
        {
            return ActiveContent.EmbeddedObject;
        }
        return ActiveContent.None;
    }

    /// <summary>The finding in an XML part, or null when the part is not well-formed XML (an encrypted ODT part, say).</summary>
    public static ActiveContent? JudgeXml(byte[] xml)
    {
        try
        {
            return OfficeXmlCheck.Scan(xml, MaxScannedPartBytes);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>An ODF manifest that lists an OLE object (<c>application/vnd.sun.star.oleobject</c>).</summary>
    public static bool ManifestListsOleObject(ReadOnlySpan<byte> manifest) =>
        manifest.IndexOf("vnd.sun.star.oleobject"u8) >= 0;
}
