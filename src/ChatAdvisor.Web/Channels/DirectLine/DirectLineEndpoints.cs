using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatAdvisor.Web.Bot.Protocol;
using ChatAdvisor.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>The Direct Line 3.0 REST surface that Web Chat and other Direct Line clients call (see the Direct Line 3.0 API documentation).</summary>
public static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).WithTags("DirectLine").DisableAntiforgery();
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/upload", DirectLineUploads.UploadAsync);
        group.MapGet("/conversations/{conversationId}/attachments/{attachmentId}", DirectLineUploads.DownloadAsync);
        group.MapGet("/conversations/{conversationId}/stream", DirectLineStream.AcceptAsync);
        group.MapGet("/session/getsessionid", () => TypedResults.Json(new { sessionId = "" }));
        return app;
    }

    /// <summary>A new conversation id and anonymous user id, as the site's token endpoint hands out.</summary>
    public static (string ConversationId, string UserId) NewIdentity() =>
        (Base64Url(RandomNumberGenerator.GetBytes(18)), "dl_" + Base64Url(RandomNumberGenerator.GetBytes(12)));

    private static async Task<IResult> GenerateTokenAsync(HttpContext context, DirectLineTokens tokens)
    {
        var (caller, failure) = await DirectLineAuth.AuthenticateAsync(context, tokens);
        if (failure is not null)
        {
            return failure;
        }
        if (!caller!.IsSecret)
        {
            return ErrorResponse.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Generating tokens needs the Direct Line secret.");
        }
        var (conversationId, userId) = NewIdentity();
        return TypedResults.Ok(new ConversationResponse(conversationId, tokens.Issue(conversationId, userId), tokens.LifetimeSeconds));
    }

    private static async Task<IResult> RefreshTokenAsync(HttpContext context, DirectLineTokens tokens)
    {
        var (caller, failure) = await DirectLineAuth.AuthenticateAsync(context, tokens);
        if (failure is not null)
        {
            return failure;
        }
        if (caller!.IsSecret)
        {
            return ErrorResponse.Problem(StatusCodes.Status400BadRequest, "BadArgument", "Only tokens can be refreshed.");
        }
        if (caller.Retired)
        {
            return ErrorResponse.Problem(StatusCodes.Status403Forbidden, "TokenExpired", "This token has already been refreshed; use the token the refresh returned.");
        }
        if (!tokens.CanRefresh(caller))
        {
            return ErrorResponse.Problem(StatusCodes.Status403Forbidden, "TokenExpired", "This chat session has reached its maximum length; start a new conversation.");
        }
        var fresh = tokens.Issue(caller.ConversationId!, caller.UserId!, caller.SessionStart);
        tokens.Retire(caller);
        return TypedResults.Ok(new ConversationResponse(caller.ConversationId!, fresh, tokens.LifetimeSeconds));
    }

    private static async Task<IResult> StartConversationAsync(HttpContext context, DirectLineTokens tokens, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        var (caller, failure) = await DirectLineAuth.AuthenticateAsync(context, tokens);
        if (failure is not null)
        {
            return failure;
        }
        var (conversationId, userId) = caller!.IsSecret ? NewIdentity() : (caller.ConversationId!, caller.UserId!);
        var locale = await ReadLocaleAsync(context.Request, cancellationToken) ?? PreferredLanguage(context.Request);
        var created = await channel.StartAsync(conversationId, userId, locale, cancellationToken);
        var body = new ConversationResponse(conversationId, tokens.Issue(conversationId, userId, caller.SessionStart), tokens.LifetimeSeconds,
            DirectLineStream.StreamUrl(context.Request, conversationId, tokens.Issue(conversationId, userId, caller.SessionStart), watermark: null));
        return created ? TypedResults.Created((string?)null, body) : TypedResults.Ok(body);
    }

    private static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpContext context, DirectLineTokens tokens,
        DirectLineChannel channel, CancellationToken cancellationToken)
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
        if (!TryParseWatermark(watermark, out var from))
        {
            return ErrorResponse.Problem(StatusCodes.Status400BadRequest, "BadArgument", "The watermark is not one this service issued.");
        }
        var token = tokens.Issue(conversationId, caller!.UserId ?? "", caller.SessionStart);
        return TypedResults.Ok(new ConversationResponse(conversationId, token, tokens.LifetimeSeconds,
            DirectLineStream.StreamUrl(context.Request, conversationId, token, string.IsNullOrEmpty(watermark) ? null : from)));
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext context, DirectLineTokens tokens,
        DirectLineChannel channel, IOptions<InputLimitsOptions> limits, CancellationToken cancellationToken)
    {
        var (caller, failure) = await DirectLineAuth.AuthenticateAsync(context, tokens, conversationId);
        if (failure is not null)
        {
            return failure;
        }
        var (activity, problem, status) = await ActivityInput.ReadAsync(context.Request.Body, context.Request.ContentLength, limits.Value, cancellationToken);
        if (activity is null)
        {
            return ErrorResponse.Problem(status, status == StatusCodes.Status413PayloadTooLarge ? "MessageSizeTooBig" : "BadArgument", problem!);
        }
        return await PostAsync(conversationId, caller!, activity with { ServiceUrl = ServiceUrl(context.Request) }, limits.Value, channel, cancellationToken);
    }

    /// <summary>
    /// What a visitor may send: messages, typing and events. Membership and installation events are the channel's
    /// to send (only Teams, through authenticated <c>/api/messages</c>, may tell the bot it was removed).
    /// </summary>
    internal static bool IsVisitorType(string? type) => type is ActivityTypes.Message or ActivityTypes.Typing or ActivityTypes.Event;

    /// <summary>This host's base address, given to the bot as the activity's serviceUrl.</summary>
    internal static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    internal static async Task<IResult> PostAsync(string conversationId, DirectLineCaller caller, Activity activity,
        InputLimitsOptions limits, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        if (ActivityInput.Check(activity, limits) is { } problem)
        {
            return ErrorResponse.Problem(StatusCodes.Status400BadRequest, "BadArgument", problem);
        }
        if (!IsVisitorType(activity.Type))
        {
            return ErrorResponse.Problem(StatusCodes.Status400BadRequest, "BadArgument", $"Clients cannot send {activity.Type} activities; send a message, typing or event activity.");
        }
        var userId = caller.UserId ?? activity.From?.Id;
        if (string.IsNullOrEmpty(userId))
        {
            return ErrorResponse.Problem(StatusCodes.Status400BadRequest, "BadArgument", "The activity needs 'from.id'.");
        }
        var stored = await channel.PostFromUserAsync(conversationId, userId, activity with { Id = null, Timestamp = null }, cancellationToken);
        return stored is null
            ? ErrorResponse.Problem(StatusCodes.Status404NotFound, "NotFound", "The conversation does not exist; start it first.")
            : TypedResults.Ok(new ResourceResponse(stored.Id!));
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpContext context,
        DirectLineTokens tokens, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        var (_, failure) = await DirectLineAuth.AuthenticateAsync(context, tokens, conversationId);
        if (failure is not null)
        {
            return failure;
        }
        if (!TryParseWatermark(watermark, out var from))
        {
            return ErrorResponse.Problem(StatusCodes.Status400BadRequest, "BadArgument", "The watermark is not one this service issued.");
        }
        if (!await channel.ExistsAsync(conversationId, cancellationToken))
        {
            return ErrorResponse.Problem(StatusCodes.Status404NotFound, "NotFound", "The conversation does not exist.");
        }
        var activities = await channel.ListAfterAsync(conversationId, from, cancellationToken);
        return Results.Text(ActivitySet.Serialize(activities, activities.Count > 0 ? activities[^1].Sequence : from),
            "application/json", Encoding.UTF8);
    }

    internal static bool TryParseWatermark(string? watermark, out long value)
    {
        value = 0;
        return string.IsNullOrEmpty(watermark)
            || (long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 0);
    }

    private static async Task<string?> ReadLocaleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The body is optional and only ever small; anything else is ignored rather than read.
        if (request.ContentLength is null or 0 or > 64 * 1024 || request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("locale", out var locale)
                && locale.ValueKind == JsonValueKind.String ? locale.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The client's first Accept-Language choice, for clients that send no locale when they start.</summary>
    private static string? PreferredLanguage(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value).FirstOrDefault(v => v is not null and not "*");

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
