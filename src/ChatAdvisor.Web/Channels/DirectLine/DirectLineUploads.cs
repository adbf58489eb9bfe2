using ChatAdvisor.Web.Bot;
using ChatAdvisor.Cvs;
using ChatAdvisor.Web.Bot.Protocol;
using ChatAdvisor.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>
/// <c>/upload</c>: a multipart form with one optional <c>activity</c> part and any number of <c>file</c> parts
/// (matched to the activity's attachments by file name, since clients send them in any order), or one raw file.
/// The whole request is read and checked first (activity type, sizes, counts, the conversation's budget); only
/// then do the files go to the store, so a refused upload leaves nothing behind.
/// </summary>
internal static class DirectLineUploads
{
    public const string ActivityContentType = "application/vnd.microsoft.activity";

    public static async Task<IResult> UploadAsync(string conversationId, string? userId, HttpContext context, DirectLineTokens tokens,
        DirectLineChannel channel, IAttachmentStore store, UploadBudget budget, IOptions<DirectLineOptions> options,
        IOptions<InputLimitsOptions> limits, CancellationToken cancellationToken)
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
        var upload = new UploadReader(options.Value.MaxUploadBytes, limits.Value);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = upload.MaxRequestBytes;
        }
        Activity activity;
        List<UploadedFile> files;
        try
        {
            (activity, files) = IsMultipart(context.Request)
                ? await upload.ReadMultipartAsync(context.Request, cancellationToken)
                : await upload.ReadRawAsync(context.Request, cancellationToken);
        }
        catch (UploadException ex)
        {
            return ErrorResponse.Problem(ex.Status, ex.Status == StatusCodes.Status413PayloadTooLarge ? "MessageSizeTooBig" : "BadArgument", ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            return ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ErrorResponse.Problem(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"Files may be at most {CvProblems.Size(options.Value.MaxUploadBytes)} each.")
                : ErrorResponse.Problem(StatusCodes.Status400BadRequest, "BadArgument", "The upload was cut off or malformed; please send it again.");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // MultipartReader's way of saying the body is truncated or not the multipart it claims to be.
            return ErrorResponse.Problem(StatusCodes.Status400BadRequest, "BadArgument", "The upload is not a complete multipart form; please send it again.");
        }
        if (budget.TryTake(conversationId, [.. files.Select(f => f.Content.Length)]) is { } overBudget)
        {
            return ErrorResponse.Problem(StatusCodes.Status429TooManyRequests, "TooManyRequests", overBudget);
        }
        var site = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        List<string> saved = [];
        try
        {
            foreach (var file in files)
            {
                file.Content.Position = 0;
                saved.Add(await store.SaveAsync(conversationId, file.Name, file.ContentType, file.Content, cancellationToken));
            }
        }
        catch (CvStorageException)
        {
            // Logged by the store; the client may send the upload again.
            return ErrorResponse.Problem(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "The upload could not be stored just now; please send it again in a moment.");
        }
        var attachments = files.Zip(saved, (f, id) => new Attachment { ContentType = f.ContentType, ContentUrl = site + DirectLineFiles.AttachmentPath(conversationId, id), Name = f.Name }).ToList();
        var poster = caller!.IsSecret ? caller with { UserId = userId ?? activity.From?.Id } : caller;
        var result = await DirectLineEndpoints.PostAsync(conversationId, poster, activity with { Attachments = attachments, ServiceUrl = DirectLineEndpoints.ServiceUrl(context.Request) },
            limits.Value, channel, cancellationToken);
        if (result is not Ok<ResourceResponse>)
        {
            // No turn will take these files.
            foreach (var id in saved)
            {
                await store.DeleteAsync(conversationId, id, cancellationToken);
            }
        }
        return result;
    }

    public static async Task<IResult> DownloadAsync(string conversationId, string attachmentId, string? t, HttpContext context,
        DirectLineTokens tokens, IAttachmentStore store, CancellationToken cancellationToken)
    {
        var (_, failure) = await DirectLineAuth.AuthenticateAsync(context, tokens, conversationId, t);
        if (failure is not null)
        {
            return failure;
        }
        try
        {
            var found = await store.OpenAsync(conversationId, attachmentId, cancellationToken);
            return found is { } f
                ? TypedResults.File(f.Content, UploadReader.SafeContentType(f.Info.ContentType), AttachmentNames.Clean(f.Info.Name) ?? "attachment")
                : ErrorResponse.Problem(StatusCodes.Status404NotFound, "NotFound", "No such attachment.");
        }
        catch (CvStorageException)
        {
            return ErrorResponse.Problem(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "The attachment cannot be read just now; please try again in a moment.");
        }
    }

    private static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
}

internal sealed record UploadedFile(string Name, string ContentType, MemoryStream Content);

internal sealed class UploadException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
