using System.Text.Json.Serialization;

namespace ChatAdvisor.Web.DirectLine;

/// <summary>Direct Line response bodies (protocol notes 5.2).</summary>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string? StreamUrl = null);

public sealed record ResourceResponse([property: JsonPropertyName("id")] string Id);

public sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorDetail Error)
{
    public static IResult Problem(int status, string code, string message) =>
        TypedResults.Json(new ErrorResponse(new ErrorDetail(code, message)), statusCode: status);
}

public sealed record ErrorDetail([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("message")] string Message);
