using ChatAdvisor.Cvs;
using System.Text.Json;
using ChatAdvisor.Web.Bot.Protocol;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChatAdvisor.Web.DirectLine;

/// <summary>
/// <c>/upload</c>: a multipart form with one optional <c>activity</c> part and any number of <c>file</c> parts
/// (matched to the activity's attachments by file name, since clients send them in any order), or one raw file.
/// </summary>
internal static class DirectLineUploads
{
    public const string ActivityContentType = "application/vnd.microsoft.activity";

    public static async Task<IResult> UploadAsync(string conversationId, string? userId, HttpContext context, DirectLineTokens tokens,
        DirectLineChannel channel, AttachmentStore store, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (caller, failure) = await DirectLineAuth.AuthenticateAsync(context, tokens, conversationId);
        if (failure is not null)
        {
            return failure;
        }
        if (!await channel.ExistsAsync(conversationId, cancellationToken))
        {
            return ErrorResponse.Problem(StatusCodes.Status404NotFound, "NotFound", "The conversation does not exist.");
        }
        var limit = options.Value.MaxUploadBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Room for a few files of the allowed size plus the activity part.
            size.MaxRequestBodySize = (limit * 4) + (1024 * 1024);
        }
        Activity activity;
        List<(string Name, string ContentType, string Id)> saved = [];
        try
        {
            activity = context.Request.HasFormContentType
                ? await ReadMultipartAsync(context, conversationId, store, limit, saved, cancellationToken)
                : await ReadRawAsync(context, conversationId, store, limit, saved, cancellationToken);
        }
        catch (UploadException ex)
        {
            return ErrorResponse.Problem(ex.Status, "BadArgument", ex.Message);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ErrorResponse.Problem(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"Files may be at most {CvProblems.Size(limit)} each.");
        }
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{DirectLineEndpoints.BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/attachments/";
        var attachments = saved.Select(f => new Attachment { ContentType = f.ContentType, ContentUrl = baseUrl + f.Id, Name = f.Name }).ToList();
        var poster = caller!.IsSecret ? caller with { UserId = userId ?? activity.From?.Id } : caller;
        return await DirectLineEndpoints.PostAsync(conversationId, poster, activity with { Type = activity.Type ?? ActivityTypes.Message, Attachments = attachments, ServiceUrl = DirectLineEndpoints.ServiceUrl(context.Request) }, channel, cancellationToken);
    }

    public static async Task<IResult> DownloadAsync(string conversationId, string attachmentId, string? t, HttpContext context,
        DirectLineTokens tokens, AttachmentStore store, CancellationToken cancellationToken)
    {
        var (_, failure) = await DirectLineAuth.AuthenticateAsync(context, tokens, conversationId, t);
        if (failure is not null)
        {
            return failure;
        }
        var found = await store.FindAsync(conversationId, attachmentId, cancellationToken);
        return found is { } f
            ? TypedResults.PhysicalFile(f.Path, f.Info.ContentType, f.Info.Name)
            : ErrorResponse.Problem(StatusCodes.Status404NotFound, "NotFound", "No such attachment.");
    }

    private static async Task<Activity> ReadMultipartAsync(HttpContext context, string conversationId, AttachmentStore store, long limit,
        List<(string Name, string ContentType, string Id)> saved, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var activityPart = form.Files.FirstOrDefault(f => f.Name == "activity");
        Activity activity = new() { Type = ActivityTypes.Message };
        if (activityPart is not null)
        {
            try
            {
                await using var json = activityPart.OpenReadStream();
                activity = await JsonSerializer.DeserializeAsync(json, ActivityJson.Default.Activity, cancellationToken) ?? activity;
            }
            catch (JsonException ex)
            {
                throw new UploadException(StatusCodes.Status400BadRequest, $"The 'activity' part is not valid JSON: {ex.Message}");
            }
        }
        var files = form.Files.Where(f => f.Name != "activity").ToList();
        if (files.Count == 0)
        {
            throw new UploadException(StatusCodes.Status400BadRequest, "The upload has no file parts.");
        }
        foreach (var file in files.Where(f => f.Length > limit))
        {
            throw new UploadException(StatusCodes.Status413PayloadTooLarge, $"'{file.FileName}' is larger than {CvProblems.Size(limit)}.");
        }
        // Keep the order the activity declares; unmatched files follow in arrival order.
        var declared = activity.Attachments?.Select(a => a.Name).ToList() ?? [];
        foreach (var file in files.OrderBy(f => declared.IndexOf(f.FileName) is var i and >= 0 ? i : int.MaxValue))
        {
            await using var content = file.OpenReadStream();
            var contentType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType;
            saved.Add((file.FileName, contentType, await store.SaveAsync(conversationId, file.FileName, contentType, content, cancellationToken)));
        }
        return activity;
    }

    private static async Task<Activity> ReadRawAsync(HttpContext context, string conversationId, AttachmentStore store, long limit,
        List<(string Name, string ContentType, string Id)> saved, CancellationToken cancellationToken)
    {
        var disposition = ContentDispositionHeaderValue.TryParse(context.Request.Headers.ContentDisposition.ToString(), out var d) ? d : null;
        var name = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? "").ToString();
        if (string.IsNullOrEmpty(name))
        {
            throw new UploadException(StatusCodes.Status400BadRequest, "A raw upload needs a Content-Disposition header with a filename.");
        }
        if (context.Request.ContentLength > limit)
        {
            throw new UploadException(StatusCodes.Status413PayloadTooLarge, $"'{name}' is larger than {CvProblems.Size(limit)}.");
        }
        var contentType = context.Request.ContentType ?? "application/octet-stream";
        await using var limited = new MemoryStream();
        await context.Request.Body.CopyToAsync(limited, cancellationToken);
        if (limited.Length > limit)
        {
            throw new UploadException(StatusCodes.Status413PayloadTooLarge, $"'{name}' is larger than {CvProblems.Size(limit)}.");
        }
        limited.Position = 0;
        saved.Add((name, contentType, await store.SaveAsync(conversationId, name, contentType, limited, cancellationToken)));
        return new Activity { Type = ActivityTypes.Message };
    }

    private sealed class UploadException(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }
}
