using System.Text;
using ChatAdvisor.Cvs;

namespace ChatAdvisor.Web.Portal.Review;

/// <summary>How a stored CV is sent to a recruiter: the canonical content type of its checked type and a safe file name.</summary>
public static class CvDownloadFile
{
    private const int MaxStemLength = 80;

    public static string ContentType(string fileType) => Parse(fileType).ContentType();

    /// <summary>
    /// The candidate's file name reduced to letters, digits, '-' and '_' (anything else becomes '_'), with the extension
    /// of the type the content was checked to be; <c>cv-{reference}</c> when nothing of the name is left.
    /// </summary>
    public static string FileName(string originalName, string fileType, string reference)
    {
        var stem = Path.GetFileNameWithoutExtension(originalName.Replace('\\', '/').Split('/')[^1]);
        var safe = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            var keep = char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
            if (keep || (safe.Length > 0 && safe[^1] != '_'))
            {
                safe.Append(keep ? c : '_');
            }
        }
        var name = safe.ToString().Trim('_');
        if (name.Length > MaxStemLength)
        {
            name = name[..MaxStemLength];
        }
        if (name.Length == 0)
        {
            name = "cv-" + reference;
        }
        return name + Parse(fileType).Extension();
    }

    private static CvFileType Parse(string fileType) =>
        Enum.TryParse<CvFileType>(fileType, ignoreCase: true, out var type) && Enum.IsDefined(type) ? type : CvFileType.Unknown;
}
