using ChatAdvisor.Conversations;
using ChatAdvisor.Cvs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatAdvisor.Web.Bot.CvUpload;

/// <summary>The page behind a single-use upload link: a plain form that sends the CV into the waiting dialog.</summary>
public static class UploadLinkEndpoints
{
    public static IEndpointRouteBuilder MapCvUploadLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet(UploadLinks.PathPrefix + "{token}", ShowAsync);
        app.MapPost(UploadLinks.PathPrefix + "{token}", ReceiveAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ShowAsync(string token, UploadLinks links, CancellationToken cancellationToken) =>
        await links.FindUsableAsync(token, cancellationToken) is null
            ? Page(StatusCodes.Status404NotFound, CvMessages.LinkNotWaiting, form: false)
            : Page(StatusCodes.Status200OK, null, form: true);

    private static async Task<IResult> ReceiveAsync(string token, HttpRequest request, UploadLinks links, ProactiveTurns turns,
        ConversationStore conversations, CvFileIntake intake, CvUploadHandler handler, CancellationToken cancellationToken)
    {
        var link = await links.FindUsableAsync(token, cancellationToken);
        var resumed = link is null ? null : await turns.ResumeAsync(link.ConversationId, cancellationToken);
        if (resumed is not { } target)
        {
            return Page(StatusCodes.Status404NotFound, CvMessages.LinkNotWaiting, form: false);
        }
        IFormFile? file;
        try
        {
            file = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file") : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A cut-off or malformed form: the visitor can simply try again.
            return Page(StatusCodes.Status400BadRequest, "The file did not arrive completely. Please try again.", form: true);
        }
        if (file is not { Length: > 0 } || AttachmentNames.Clean(file.FileName) is not { } fileName)
        {
            return Page(StatusCodes.Status400BadRequest, "Please choose a file to send.", form: true);
        }
        await using var upload = file.OpenReadStream();
        var content = await intake.ReadAsync(upload, cancellationToken);
        if (content is null)
        {
            return Page(StatusCodes.Status413PayloadTooLarge, "That file is too large. Please send a smaller version, for example a PDF export.", form: true);
        }
        var (state, version) = await conversations.LoadStateAsync(link!.ConversationId, cancellationToken);
        var problem = await handler.ReceiveLinkUploadAsync(target.Turn, state, content, fileName,
            () => links.TryUseAsync(token, cancellationToken),
            next => conversations.SaveStateAsync(link.ConversationId, next, version, cancellationToken),
            cancellationToken);
        return problem is null
            ? Page(StatusCodes.Status200OK, $"Thank you, we've received {fileName}. Please go back to the chat to check and send your application.", form: false)
            : Page(StatusCodes.Status422UnprocessableEntity, problem, form: problem != CvMessages.LinkNotWaiting);
    }

    private static RazorComponentResult<UploadPageView> Page(int status, string? message, bool form) =>
        new(new Dictionary<string, object?> { [nameof(UploadPageView.Message)] = message, [nameof(UploadPageView.ShowForm)] = form }) { StatusCode = status };
}
