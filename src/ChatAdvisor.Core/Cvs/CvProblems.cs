using System.Globalization;

namespace ChatAdvisor.Cvs;

/// <summary>
/// The sentences shown to a candidate whose CV file was not accepted. Each says what is wrong and what to do
/// instead, in plain words, and never quotes the file's name or content.
/// </summary>
public static class CvProblems
{
    public const string AcceptedTypes = "a PDF, a Word document (.docx or .doc), an OpenDocument text (.odt), RTF or plain text (.txt)";

    public const string Empty = "This file is empty. Please check that you picked the right file and send it again.";

    public const string UnsupportedType = "We can't accept this type of file. Please send your CV as " + AcceptedTypes + ".";

    public const string EncryptedPdf = "This PDF is password-protected, so we can't open it. Please remove the password or send a different file.";

    public const string EncryptedDocument = "This document is password-protected, so we can't open it. Please remove the password, or save it as a PDF and send that.";

    public const string DamagedPdf = "This PDF seems to be incomplete or damaged, so we can't open it. Please save or export it again and send the new file.";

    public const string Damaged = "This file seems to be damaged, so we can't open it. Please save or export it again and send the new file.";

    public const string Macros = "This document contains macros, which we can't accept for security reasons. Please save it as a regular Word document (.docx) or a PDF and send that.";

    public const string TooMuchContent = "This document unpacks to far more data than a CV normally does, so we can't accept it. Please save it as a PDF and send that.";

    public const string TooManyParts = "This document is made of far more parts than a CV normally is, so we can't accept it. Please save it as a PDF and send that.";

    public const string PdfActiveContent = "This PDF contains scripts, embedded files or actions that run by themselves, which we can't accept for security reasons. Please export your CV again as a plain PDF (for example with Print to PDF) or send it as a Word document (.docx).";

    public const string PdfUncheckable = "Parts of this PDF are packed in a way we can't check, so we can't accept it. Please export your CV again as a plain PDF (for example with Print to PDF) or send it as a Word document (.docx).";

    public const string HiddenFile = "This file has another file hidden inside it or attached to its end, which we can't accept for security reasons. Please export your CV again from the program you wrote it in and send the new file.";

    public const string Markup = "This file contains web page code or markup (HTML, SVG or XML), which we can't accept as a CV. Please send your CV as a PDF or Word document, or as plain text without tags.";

    public const string EmbeddedObjects = "This document contains embedded objects or controls, which we can't accept for security reasons. Please remove them, or save your CV as a PDF and send that.";

    public const string RemoteContent = "This document loads content from elsewhere when it is opened (such as a linked template or picture), which we can't accept for security reasons. Please save your CV as a PDF and send that.";

    public const string DdeField = "This document contains fields that fetch data from other programs, which we can't accept for security reasons. Please save your CV as a PDF and send that.";

    public const string TextEncoding = "We can't read the characters in this text file. Please save it as UTF-8 text, or send your CV as a PDF or Word document.";

    /// <summary>The sentence for a refusal on account of active content.</summary>
    public static string ForActiveContent(ActiveContent finding, CvFileType type) => finding switch
    {
        ActiveContent.Polyglot => HiddenFile,
        ActiveContent.Markup => Markup,
        ActiveContent.UncheckableObjectStream => PdfUncheckable,
        ActiveContent.EmbeddedObject => EmbeddedObjects,
        ActiveContent.RemoteContent => RemoteContent,
        ActiveContent.DdeField => DdeField,
        ActiveContent.ScriptBinding => Macros,
        ActiveContent.None => throw new ArgumentOutOfRangeException(nameof(finding)),
        _ when type == CvFileType.Pdf => PdfActiveContent,
        _ => EmbeddedObjects,
    };

    /// <summary>The file is larger than the limit, given in MB (or KB below 1 MB).</summary>
    public static string TooLarge(long maxBytes) =>
        $"This file is larger than {Size(maxBytes)}, our limit for CVs. Please send a smaller file, for example a PDF without large images.";

    /// <summary>A size as people read it: "10 MB", or "20 KB" below 1 MB.</summary>
    public static string Size(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024.0):0.#} KB");

    /// <summary>The name claims an accepted type (e.g. <c>.pdf</c>) that the content does not have.</summary>
    public static string NotWhatItsNameSays(CvFileType claimed) =>
        $"This file is named like a {claimed.Extension()} file, but its content isn't a document we can accept. Please send your CV as {AcceptedTypes}.";
}
