using ChatAdvisor.Web.Bot;
using ChatAdvisor.Cvs;
using ChatAdvisor.Web.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Channels.BotFramework.Teams;

/// <summary>
/// The files of a Teams personal chat: a file the user sent arrives as a download link, fetched only from a trusted
/// host over HTTPS, each redirect checked the same way. Nothing else an activity names is fetched.
/// </summary>
public sealed class TeamsFiles(IHttpClientFactory httpClients, IOptions<CvDialogOptions> dialogOptions)
{
    public const string HttpClientName = "cv-downloads";
    public const string FileDownload = "application/vnd.microsoft.teams.file.download.info";
    private const int MaxRedirects = 3;

    public TurnFiles Files => new(Find, ReadAsync, (_, _) => Task.CompletedTask);

    /// <summary>Files sent to the bot, and files linked any other way (such as pasted images), which are not fetched.</summary>
    private static IReadOnlyList<Attachment> Find(Activity activity) =>
        [.. (activity.Attachments ?? []).Where(a => a.ContentType == FileDownload || TurnFiles.IsLinkedFile(a))];

    private async Task<TurnFile> ReadAsync(Attachment attachment, long limit, CancellationToken cancellationToken)
    {
        var name = TurnFile.NameOf(attachment);
        if (attachment.ContentType != FileDownload || !Uri.TryCreate(attachment.Content.StringAt("downloadUrl"), UriKind.Absolute, out var uri) || !MayFetch(uri))
        {
            return new(null, name, FileProblem.NotFetchable);
        }
        try
        {
            using var response = await GetAsync(uri, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new(null, name, response.StatusCode == System.Net.HttpStatusCode.NotFound ? FileProblem.Gone : FileProblem.DownloadFailed);
            }
            if (response.Content.Headers.ContentLength > limit)
            {
                return new(null, name, FileProblem.TooLarge);
            }
            return new(await TurnFiles.ReadLimitedAsync(await response.Content.ReadAsStreamAsync(cancellationToken), limit, cancellationToken), name, null);
        }
        catch (FileTooLargeException)
        {
            return new(null, name, FileProblem.TooLarge);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new(null, name, FileProblem.DownloadFailed);
        }
    }

    /// <summary>The client follows no redirect by itself: every hop must lead to a trusted host too.</summary>
    private async Task<HttpResponseMessage> GetAsync(Uri uri, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        for (var hop = 0; ; hop++)
        {
            var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location)
            {
                return response;
            }
            response.Dispose();
            uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
            if (hop >= MaxRedirects || !MayFetch(uri))
            {
                throw new HttpRequestException("A download redirected to a host that is not trusted.");
            }
        }
    }

    private bool MayFetch(Uri uri) =>
        (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && dialogOptions.Value.TrustedDownloadHosts.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? uri.Host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(uri.Host, pattern, StringComparison.OrdinalIgnoreCase));
}
