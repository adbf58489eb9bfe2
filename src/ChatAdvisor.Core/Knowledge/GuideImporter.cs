using ChatAdvisor.Knowledge.Import;

namespace ChatAdvisor.Knowledge;

/// <summary>
/// Chooses the reader for a knowledge file by its extension: Markdown guides (.md, .markdown), role pages as
/// plain text (.txt) or HTML (.html, .htm), and Word documents (.docx).
/// </summary>
public static class GuideImporter
{
    // Word keeps an owner file "~$name.docx" next to a document while it is open; it is not a document.
    private const string OfficeLockPrefix = "~$";

    public static bool CanImport(string path) =>
        Reader(System.IO.Path.GetExtension(path)) is not null
        && !System.IO.Path.GetFileName(path).StartsWith(OfficeLockPrefix, StringComparison.Ordinal);

    public static KnowledgeDocument Import(string path, string displayName)
    {
        var reader = Reader(System.IO.Path.GetExtension(path))
            ?? throw new InvalidDataException($"{displayName} is not a supported knowledge file type");
        return reader(path, displayName);
    }

    private static Func<string, string, KnowledgeDocument>? Reader(string extension) =>
        extension.ToUpperInvariant() switch
        {
            ".MD" or ".MARKDOWN" => (path, name) => GuideParser.Parse(File.ReadAllText(path), name),
            ".TXT" => PlainTextGuideReader.Read,
            ".HTML" or ".HTM" => HtmlGuideReader.Read,
            ".DOCX" => DocxGuideReader.Read,
            _ => null,
        };
}
