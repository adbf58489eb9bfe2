namespace ChatAdvisor.Cvs;

/// <summary>The kinds of CV file we accept, as decided from a file's content by <see cref="CvFileInspector"/>.</summary>
public enum CvFileType
{
    Unknown,
    Pdf,
    Docx,
    Doc,
    Rtf,
    Odt,
    Txt,
}

/// <summary>Canonical content type and file extension of each <see cref="CvFileType"/>.</summary>
public static class CvFileTypes
{
    /// <summary>The types a CV may have, in the order we name them to users.</summary>
    public static IReadOnlyList<CvFileType> Accepted { get; } =
        [CvFileType.Pdf, CvFileType.Docx, CvFileType.Doc, CvFileType.Odt, CvFileType.Rtf, CvFileType.Txt];

    /// <summary>The canonical media type, e.g. <c>application/pdf</c>; <c>application/octet-stream</c> for Unknown.</summary>
    public static string ContentType(this CvFileType type) => type switch
    {
        CvFileType.Pdf => "application/pdf",
        CvFileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        CvFileType.Doc => "application/msword",
        CvFileType.Rtf => "application/rtf",
        CvFileType.Odt => "application/vnd.oasis.opendocument.text",
        CvFileType.Txt => "text/plain",
        _ => "application/octet-stream",
    };

    /// <summary>The canonical extension with its dot, e.g. <c>.pdf</c>; empty for Unknown.</summary>
    public static string Extension(this CvFileType type) => type switch
    {
        CvFileType.Pdf => ".pdf",
        CvFileType.Docx => ".docx",
        CvFileType.Doc => ".doc",
        CvFileType.Rtf => ".rtf",
        CvFileType.Odt => ".odt",
        CvFileType.Txt => ".txt",
        _ => string.Empty,
    };

    /// <summary>What a file name's extension claims; only used to word messages, never to decide the type.</summary>
    internal static CvFileType FromFileName(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty);
        foreach (var type in Accepted)
        {
            if (string.Equals(extension, type.Extension(), StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }
        return CvFileType.Unknown;
    }
}
