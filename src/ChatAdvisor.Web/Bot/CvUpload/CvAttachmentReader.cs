using System.Text.RegularExpressions;
using ChatAdvisor.Cvs;
using ChatAdvisor.Web.Bot.Protocol;
using ChatAdvisor.Web.DirectLine;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Bot.CvUpload;

/// <summary>
/// Fetches the file a visitor sent: from this host's Direct Line upload store (Web Chat), or from a Teams
/// download link on a trusted host. Never from an arbitrary URL in an activity. Reads at most the size limit.
/// </summary>
public sealed partial class CvAttachmentReader(
    IAttachmentStore directLineFiles,
    IHttpClientFactory httpClients,
    IOptions<CvOptions> cvOptions,
    IOptions<CvDialogOptions> dialogOptions)
{
    public const string HttpClientName = "cv-downloads";
    public const string TeamsFileDownload = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The first file among the activity's attachments, or null when it carries none.</summary>
    public static Attachment? FirstFile(Activity activity) =>
        activity.Attachments?.FirstOrDefault(a => a.ContentType == TeamsFileDownload
            || (a.ContentUrl is not null && a.ContentType?.StartsWith("application/vnd.microsoft.card", StringComparison.Ordinal) != true
                && a.ContentType != "text/html"));

    /// <summary>Reads the file into memory, up to the size limit; the problem says what to do when it cannot.</summary>
    public async Task<(MemoryStream? Content, string Name, string? Problem)> ReadAsync(Attachment attachment, string conversationId, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(attachment.Name) ? "cv" : Path.GetFileName(attachment.Name);
        var limit = cvOptions.Value.MaxFileBytes;
        try
        {
            if (attachment.ContentType == TeamsFileDownload)
            {
                var url = attachment.Content.StringAt("downloadUrl");
                return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || IsLoopbackHttp(uri)) && IsTrusted(uri)
                    ? (await DownloadAsync(uri, limit, cancellationToken), name, null)
                    : (null, name, CvMessages.UntrustedLink);
            }
            if (DirectLineAttachment().Match(attachment.ContentUrl ?? "") is { Success: true } match
                && Uri.UnescapeDataString(match.Groups["conversation"].Value) == conversationId)
            {
                var attachmentId = match.Groups["id"].Value;
                var found = await directLineFiles.OpenAsync(conversationId, attachmentId, cancellationToken);
                if (found is not { } file)
                {
                    return (null, name, CvMessages.FileGone);
                }
                var content = await ReadLimitedAsync(file.Content, limit, cancellationToken);
                // The CV now lives only in the CV store (if accepted) or nowhere: drop the upload copy.
                await directLineFiles.DeleteAsync(conversationId, attachmentId, cancellationToken);
                return (content, name, null);
            }
            return (null, name, CvMessages.UntrustedLink);
        }
        catch (FileTooLargeException)
        {
            return (null, name, CvProblems.TooLarge(limit));
        }
        catch (HttpRequestException)
        {
            return (null, name, CvMessages.DownloadFailed);
        }
        catch (CvStorageException)
        {
            return (null, name, CvMessages.StoreUnavailable);
        }
    }

    /// <summary>Deletes this host's copy of an upload that will not be used; remote files are simply not fetched.</summary>
    public Task DiscardAsync(Attachment attachment, string conversationId, CancellationToken cancellationToken) =>
        DirectLineAttachment().Match(attachment.ContentUrl ?? "") is { Success: true } match
            && Uri.UnescapeDataString(match.Groups["conversation"].Value) == conversationId
            ? directLineFiles.DeleteAsync(conversationId, match.Groups["id"].Value, cancellationToken)
            : Task.CompletedTask;

    private bool IsTrusted(Uri uri) =>
        dialogOptions.Value.TrustedDownloadHosts.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? uri.Host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(uri.Host, pattern, StringComparison.OrdinalIgnoreCase));

    private static bool IsLoopbackHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;

    private async Task<MemoryStream> DownloadAsync(Uri uri, long limit, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        using var response = await GetFollowingTrustedRedirectsAsync(client, uri, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > limit)
        {
            throw new FileTooLargeException();
        }
        return await ReadLimitedAsync(await response.Content.ReadAsStreamAsync(cancellationToken), limit, cancellationToken);
    }

    /// <summary>Reads a stream into memory up to the size limit; null when it is larger.</summary>
    public async Task<MemoryStream?> ReadUpToLimitAsync(Stream source, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadLimitedAsync(source, cvOptions.Value.MaxFileBytes, cancellationToken);
        }
        catch (FileTooLargeException)
        {
            return null;
        }
    }

    /// <summary>The client does not follow redirects by itself: each hop must lead to a trusted host too.</summary>
    private async Task<HttpResponseMessage> GetFollowingTrustedRedirectsAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location)
            {
                return response;
            }
            response.Dispose();
            uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
            if (hop >= 3 || !(uri.Scheme == Uri.UriSchemeHttps || IsLoopbackHttp(uri)) || !IsTrusted(uri))
            {
                throw new HttpRequestException("A download redirected to a host that is not trusted.");
            }
        }
    }

    private static async Task<MemoryStream> ReadLimitedAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        await using (source)
        {
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new FileTooLargeException();
                }
                buffer.Write(chunk, 0, read);
            }
            buffer.Position = 0;
            return buffer;
        }
    }

    [GeneratedRegex(@"/v3/directline/conversations/(?<conversation>[^/]+)/attachments/(?<id>[0-9a-f]{32})$")]
    private static partial Regex DirectLineAttachment();

    private sealed class FileTooLargeException : Exception;
}
