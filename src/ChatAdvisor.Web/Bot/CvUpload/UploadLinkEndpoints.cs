using ChatAdvisor.Conversations;
using ChatAdvisor.Cvs;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Languages;
using ChatAdvisor.Web.Site;
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

    private static async Task<IResult> ShowAsync(string token, HttpRequest request, UploadLinks links, ConversationStore conversations,
        KnowledgeBase knowledge, LanguageDetector languages, CancellationToken cancellationToken)
    {
        if (await links.FindUsableAsync(token, cancellationToken) is not { } link)
        {
            return NotWaiting(request, knowledge, languages);
        }
        // The page speaks the language of the conversation the link belongs to.
        var conversation = await conversations.FindAsync(link.ConversationId, cancellationToken);
        return Page(StatusCodes.Status200OK, knowledge.Messages(conversation?.Language), null, form: true);
    }

    private static async Task<IResult> ReceiveAsync(string token, HttpRequest request, UploadLinks links, ProactiveTurns turns,
        ConversationStore conversations, CvFileIntake intake, CvUploadHandler handler, KnowledgeBase knowledge, LanguageDetector languages,
        CancellationToken cancellationToken)
    {
        var link = await links.FindUsableAsync(token, cancellationToken);
        var resumed = link is null ? null : await turns.ResumeAsync(link.ConversationId, cancellationToken);
        if (resumed is not { } target)
        {
            return NotWaiting(request, knowledge, languages);
        }
        // The page speaks the language of the conversation the link belongs to.
        var words = knowledge.Messages(target.Conversation.Language);
        IFormFile? file;
        try
        {
            file = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file") : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A cut-off or malformed form: the visitor can simply try again.
            return Page(StatusCodes.Status400BadRequest, words, words.Get("upload-incomplete"), form: true);
        }
        if (file is not { Length: > 0 } || AttachmentNames.Clean(file.FileName) is not { } fileName)
        {
            return Page(StatusCodes.Status400BadRequest, words, words.Get("upload-choose-file"), form: true);
        }
        await using var upload = file.OpenReadStream();
        var content = await intake.ReadAsync(upload, cancellationToken);
        if (content is null)
        {
            return Page(StatusCodes.Status413PayloadTooLarge, words, words.Get("upload-too-large"), form: true);
        }
        var (state, version) = await conversations.LoadStateAsync(link!.ConversationId, cancellationToken);
        var problem = await handler.ReceiveLinkUploadAsync(target.Turn, state, content, fileName,
            () => links.TryUseAsync(token, cancellationToken),
            async next =>
            {
                if (await conversations.SaveStateAsync(link.ConversationId, next, version, cancellationToken))
                {
                    version++;
                    return;
                }
                // The chat moved on in between (the visitor answered already): keep what it saved, with these ids.
                var (current, currentVersion) = await conversations.LoadStateAsync(link.ConversationId, cancellationToken);
                if (current.CvDialog is { } dialog && next.CvDialog is { } sent
                    && await conversations.SaveStateAsync(link.ConversationId,
                        current with { CvDialog = dialog with { AnswerActivityIds = [.. dialog.AnswerActivityIds.Union(sent.AnswerActivityIds)] } },
                        currentVersion, cancellationToken))
                {
                    version = currentVersion + 1;
                }
            },
            cancellationToken);
        return problem is null
            ? Page(StatusCodes.Status200OK, words, words.Get("upload-received", ("file", fileName)), form: false)
            : Page(StatusCodes.Status422UnprocessableEntity, words, problem, form: problem != words.Get("cv-link-not-waiting"));
    }

    /// <summary>A link that is not (or no longer) waiting for a file, in the browser's language: its conversation is not known.</summary>
    private static RazorComponentResult<UploadPageView> NotWaiting(HttpRequest request, KnowledgeBase knowledge, LanguageDetector languages)
    {
        var words = knowledge.Messages(PageLanguage.Of(request, knowledge, languages));
        return Page(StatusCodes.Status404NotFound, words, words.Get("cv-link-not-waiting"), form: false);
    }

    private static RazorComponentResult<UploadPageView> Page(int status, MessageSet words, string? message, bool form) =>
        new(new Dictionary<string, object?>
        {
            [nameof(UploadPageView.Words)] = words,
            [nameof(UploadPageView.Message)] = message,
            [nameof(UploadPageView.ShowForm)] = form,
        }) { StatusCode = status };
}
