using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>Direct Line response bodies (see the Direct Line 3.0 API documentation).</summary>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string? StreamUrl = null);

public sealed record ResourceResponse([property: JsonPropertyName("id")] string Id);

public sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorDetail Error)
{
    /// <summary>
    /// An RFC 7807 problem that also carries Direct Line's own <c>error</c> member, so Direct Line clients and
    /// generic HTTP clients both read it.
    /// </summary>
    public static IResult Problem(int status, string code, string message) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = code,
            Detail = message,
            Extensions = { ["error"] = new ErrorDetail(code, message) },
        });
}

public sealed record ErrorDetail([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("message")] string Message);
