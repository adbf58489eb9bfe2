namespace ChatAdvisor.Web.Bot;

/// <summary>What both stores share: attachment ids, per-conversation folders and safe file names.</summary>
public static class AttachmentNames
{
    /// <summary>An id this host made: 32 hex digits, so it can never walk out of its conversation's folder.</summary>
    public static bool IsId(string attachmentId) => attachmentId is { Length: 32 } && attachmentId.All(Uri.IsHexDigit);

    /// <summary>The folder (or blob prefix) of a conversation: a hash, so no id a client chose reaches a path.</summary>
    public static string Folder(string conversationId) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(conversationId)))[..32];

    /// <summary>A file name that is safe in headers, logs and JSON: no path, no control characters, at most 200 characters.</summary>
    public static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var bare = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '\u2028' or '\u2029')).ToArray()).Trim();
        return clean.Length == 0 ? null : clean.Length > 200 ? clean[..200] : clean;
    }
}
