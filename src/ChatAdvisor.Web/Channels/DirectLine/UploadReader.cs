using ChatAdvisor.Web.Bot;
using ChatAdvisor.Cvs;
using ChatAdvisor.Web.Bot.Protocol;
using ChatAdvisor.Web.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>
/// Reads an upload into memory within the limits, refusing as soon as a rule is broken: a non-message activity
/// stops the read before any file part is taken, an oversized file before the rest of it is read.
/// </summary>
internal sealed class UploadReader(long maxFileBytes, InputLimitsOptions limits)
{
    public long MaxRequestBytes => (maxFileBytes * limits.MaxAttachmentsPerActivity) + limits.MaxActivityBytes + (64 * 1024);

    public async Task<(Activity Activity, List<UploadedFile> Files)> ReadMultipartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Boundary).ToString() : "";
        if (boundary.Length is 0 or > 200)
        {
            throw new UploadException(StatusCodes.Status400BadRequest, "The multipart upload has no valid boundary.");
        }
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        Activity? activity = null;
        List<UploadedFile> files = [];
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                throw new UploadException(StatusCodes.Status400BadRequest, "Every part of the upload needs a Content-Disposition header.");
            }
            if (HeaderUtilities.RemoveQuotes(disposition.Name).ToString() == "activity")
            {
                activity = activity is null
                    ? await ReadActivityAsync(section.Body, cancellationToken)
                    : throw new UploadException(StatusCodes.Status400BadRequest, "The upload has more than one 'activity' part.");
                continue;
            }
            if (files.Count == limits.MaxAttachmentsPerActivity)
            {
                throw new UploadException(StatusCodes.Status413PayloadTooLarge, $"At most {limits.MaxAttachmentsPerActivity} files can be sent at once.");
            }
            var name = AttachmentNames.Clean(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString())
                ?? throw new UploadException(StatusCodes.Status400BadRequest, "Every file part needs a file name.");
            files.Add(new UploadedFile(name, SafeContentType(section.ContentType), await ReadFileAsync(section.Body, name, cancellationToken)));
        }
        if (files.Count == 0)
        {
            throw new UploadException(StatusCodes.Status400BadRequest, "The upload has no file parts.");
        }
        activity ??= new Activity { Type = ActivityTypes.Message };
        // The activity must use the files it comes with; clients name them in its attachments, in any order.
        var declared = activity.Attachments?.Select(a => AttachmentNames.Clean(a.Name)).ToList() ?? [];
        if (declared.Count > 0 && files.FirstOrDefault(f => !declared.Contains(f.Name)) is { } stray)
        {
            throw new UploadException(StatusCodes.Status400BadRequest, $"'{stray.Name}' is not one of the activity's attachments.");
        }
        return (activity, [.. files.OrderBy(f => declared.IndexOf(f.Name) is var i and >= 0 ? i : int.MaxValue)]);
    }

    public async Task<(Activity Activity, List<UploadedFile> Files)> ReadRawAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var disposition = ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var d) ? d : null;
        var name = AttachmentNames.Clean(HeaderUtilities.RemoveQuotes(disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? "").ToString())
            ?? throw new UploadException(StatusCodes.Status400BadRequest, "A raw upload needs a Content-Disposition header with a filename.");
        if (request.ContentLength > maxFileBytes)
        {
            throw new UploadException(StatusCodes.Status413PayloadTooLarge, $"'{name}' is larger than {CvProblems.Size(maxFileBytes)}.");
        }
        var content = await ReadFileAsync(request.Body, name, cancellationToken);
        return (new Activity { Type = ActivityTypes.Message }, [new UploadedFile(name, SafeContentType(request.ContentType), content)]);
    }

    /// <summary>A media type safe to store and to send back in a header; anything unparseable is plain bytes.</summary>
    public static string SafeContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.HasValue && parsed.MediaType.Value!.All(c => c > ' ' && c < 127)
            ? parsed.MediaType.Value!
            : "application/octet-stream";

    private async Task<Activity> ReadActivityAsync(Stream body, CancellationToken cancellationToken)
    {
        var (activity, problem, status) = await ActivityInput.ReadAsync(body, null, limits, cancellationToken, defaultType: ActivityTypes.Message);
        if (activity is null)
        {
            throw new UploadException(status, $"The 'activity' part: {problem}");
        }
        if (activity.Type != ActivityTypes.Message)
        {
            throw new UploadException(StatusCodes.Status400BadRequest, $"Files can be sent only with a message activity, not {activity.Type}.");
        }
        return activity;
    }

    private async Task<MemoryStream> ReadFileAsync(Stream body, string name, CancellationToken cancellationToken)
    {
        var content = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (content.Length + read > maxFileBytes)
            {
                throw new UploadException(StatusCodes.Status413PayloadTooLarge, $"'{name}' is larger than {CvProblems.Size(maxFileBytes)}.");
            }
            content.Write(chunk, 0, read);
        }
        return content;
    }
}
