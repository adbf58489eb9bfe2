using System.Buffers.Binary;
using System.Collections.ObjectModel;
using System.IO.Compression;
using System.Xml;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Checks a ZIP file: is it a DOCX or an ODT, and is it safe to unpack? Every part is inflated once, counting the
/// bytes as they come and stopping as soon as the budget is spent, so a zip bomb costs at most the budget; each part
/// must also match the size and CRC-32 its header declares.
/// </summary>
internal static class ZipPackageCheck
{
    public const int MaxEntries = 1_000;
    public const long MaxUncompressedBytes = 50L * 1024 * 1024;
    public const int MaxCompressionRatio = 100;

    private const int MaxKeptPartBytes = 1024 * 1024;
    private const string ContentTypesPart = "[Content_Types].xml";
    private const string OdfMimeTypePart = "mimetype";
    private const string OdfManifestPart = "META-INF/manifest.xml";
    private const string WordMainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private static readonly string[] s_keptParts = [ContentTypesPart, OdfMimeTypePart, OdfManifestPart];

    private static readonly string[] s_macroContentTypes =
    [
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
        "application/vnd.ms-office.vbaProject",
    ];

    /// <summary>The verdict (null: a sound ZIP, but not a document type we accept) and how many bytes were inflated.</summary>
    internal readonly record struct Result(CvInspection? Inspection, long InflatedBytes);

    private enum Outcome { Complete, OverBudget, Damaged }

    public static Result Inspect(byte[] zip, CancellationToken cancellationToken)
    {
        if (!TryReadDeclaredEntryCount(zip, out var declaredEntries, out var trailingBytes))
        {
            return new(CvInspection.Reject(CvProblems.Damaged), 0);
        }
        if (trailingBytes)
        {
            // Bytes after the directory's end are no part of the archive: another file riding along.
            return new(CvInspection.Refuse(ActiveContent.Polyglot, CvFileType.Unknown), 0);
        }
        if (declaredEntries > MaxEntries)
        {
            return new(CvInspection.Reject(CvProblems.TooManyParts), 0);
        }
        var budget = Math.Min(MaxUncompressedBytes, (long)zip.Length * MaxCompressionRatio);
        long inflated = 0;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
            var entries = archive.Entries;
            if (entries.Count > MaxEntries)
            {
                return new(CvInspection.Reject(CvProblems.TooManyParts), 0);
            }
            if (DeclaredTotalExceeds(entries, budget))
            {
                return new(CvInspection.Reject(CvProblems.TooMuchContent), 0);
            }

            var kept = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var parts = new PackageFindings();
            var buffer = new byte[81_920];
            var head = new byte[8];
            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.IsEncrypted)
                {
                    return new(CvInspection.Reject(CvProblems.EncryptedDocument), inflated);
                }
                var keptName = KeptPartName(entry);
                var scanned = PackagePartCheck.IsScanned(entry);
                if (scanned && entry.Length > PackagePartCheck.MaxScannedPartBytes)
                {
                    return new(CvInspection.Reject(CvProblems.TooMuchContent), inflated);
                }
                var keep = keptName is not null || scanned ? new MemoryStream((int)entry.Length) : null;
                var outcome = Inflate(entry, buffer, keep, head, budget, ref inflated);
                if (outcome != Outcome.Complete)
                {
                    return new(CvInspection.Reject(outcome == Outcome.OverBudget ? CvProblems.TooMuchContent : CvProblems.Damaged), inflated);
                }
                parts.Add(PackagePartCheck.JudgeName(entry, head.AsSpan(0, (int)Math.Min(head.Length, entry.Length))));
                if (scanned)
                {
                    parts.Add(PackagePartCheck.JudgeXml(keep!.ToArray()));
                }
                if (keptName is not null)
                {
                    kept[keptName] = keep!.ToArray();
                }
            }
            return new(Classify(entries, kept, parts), inflated);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or NotSupportedException or XmlException)
        {
            return new(CvInspection.Reject(CvProblems.Damaged), inflated);
        }
    }

    /// <summary>
    /// Macros and passwords are judged first (they have their own sentences), then unreadable XML (damage), then the
    /// active content found in the parts.
    /// </summary>
    private static CvInspection? Classify(ReadOnlyCollection<ZipArchiveEntry> entries, Dictionary<string, byte[]> kept, PackageFindings parts)
    {
        if (entries.Any(entry => entry.Name.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
        {
            return CvInspection.Reject(CvProblems.Macros, CvFileType.Docx);
        }
        if (kept.TryGetValue(ContentTypesPart, out var contentTypesXml))
        {
            var contentTypes = ReadContentTypes(contentTypesXml);
            if (contentTypes.Overlaps(s_macroContentTypes))
            {
                return CvInspection.Reject(CvProblems.Macros, CvFileType.Docx);
            }
            return contentTypes.Contains(WordMainContentType) ? parts.Verdict(CvFileType.Docx) : null;
        }
        if (entries.Count > 0 && entries[0].FullName == OdfMimeTypePart
            && kept.TryGetValue(OdfMimeTypePart, out var mimeType) && mimeType.AsSpan().SequenceEqual("application/vnd.oasis.opendocument.text"u8))
        {
            if (kept.TryGetValue(OdfManifestPart, out var manifest) && manifest.AsSpan().IndexOf("encryption-data"u8) >= 0)
            {
                return CvInspection.Reject(CvProblems.EncryptedDocument, CvFileType.Odt);
            }
            // LibreOffice keeps Basic macros under Basic/ and other scripts under Scripts/.
            if (entries.Any(entry => entry.FullName.StartsWith("Basic/", StringComparison.Ordinal) || entry.FullName.StartsWith("Scripts/", StringComparison.Ordinal)))
            {
                return CvInspection.Reject(CvProblems.Macros, CvFileType.Odt);
            }
            if (manifest is not null && PackagePartCheck.ManifestListsOleObject(manifest))
            {
                return CvInspection.Refuse(ActiveContent.EmbeddedObject, CvFileType.Odt);
            }
            return parts.Verdict(CvFileType.Odt);
        }
        return null;
    }

    /// <summary>The canonical name of a part the classification reads (part names compare case-insensitively), else null.</summary>
    private static string? KeptPartName(ZipArchiveEntry entry) =>
        entry.Length > MaxKeptPartBytes ? null
        : Array.Find(s_keptParts, name => string.Equals(name, entry.FullName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Inflates a part, checking its size and CRC-32; keeps its bytes if asked and its first bytes in <paramref name="head"/>.</summary>
    private static Outcome Inflate(ZipArchiveEntry entry, byte[] buffer, MemoryStream? keep, byte[] head, long budget, ref long inflated)
    {
        using var stream = entry.Open();
        Array.Clear(head);
        long length = 0;
        uint crc = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            inflated += read;
            length += read;
            if (inflated > budget)
            {
                return Outcome.OverBudget;
            }
            if (length > entry.Length)
            {
                return Outcome.Damaged;
            }
            if (length - read < head.Length)
            {
                buffer.AsSpan(0, (int)Math.Min(read, head.Length - (length - read))).CopyTo(head.AsSpan((int)(length - read)));
            }
            crc = Crc32.Append(crc, buffer.AsSpan(0, read));
            keep?.Write(buffer, 0, read);
        }
        return length == entry.Length && crc == entry.Crc32 ? Outcome.Complete : Outcome.Damaged;
    }

    /// <summary>Adds up the declared sizes, stopping as soon as the budget is passed (so huge ZIP64 sizes cannot overflow).</summary>
    private static bool DeclaredTotalExceeds(ReadOnlyCollection<ZipArchiveEntry> entries, long budget)
    {
        long total = 0;
        foreach (var entry in entries)
        {
            total += entry.Length;
            if (entry.Length > budget || total > budget)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The content types named by <c>Default</c> and <c>Override</c> elements; DTDs are refused.</summary>
    private static HashSet<string> ReadContentTypes(byte[] xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxKeptPartBytes };
        using var reader = XmlReader.Create(new MemoryStream(xml, writable: false), settings);
        var contentTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "Default" or "Override" && reader.GetAttribute("ContentType") is { } contentType)
            {
                contentTypes.Add(contentType.Trim());
            }
        }
        return contentTypes;
    }

    /// <summary>Reads the entry count from the end-of-central-directory record before anything is allocated for the entries.</summary>
    private static bool TryReadDeclaredEntryCount(ReadOnlySpan<byte> zip, out int count, out bool trailingBytes)
    {
        const int RecordLength = 22;
        var tail = zip[Math.Max(0, zip.Length - RecordLength - ushort.MaxValue)..];
        var at = tail.LastIndexOf([(byte)0x50, (byte)0x4B, (byte)0x05, (byte)0x06]);
        var found = at >= 0 && tail.Length - at >= RecordLength;
        count = found ? BinaryPrimitives.ReadUInt16LittleEndian(tail[(at + 10)..]) : 0; // 0xFFFF means ZIP64; the archive's own count is checked next
        trailingBytes = found && at + RecordLength + BinaryPrimitives.ReadUInt16LittleEndian(tail[(at + 20)..]) < tail.Length;
        return found;
    }
}
