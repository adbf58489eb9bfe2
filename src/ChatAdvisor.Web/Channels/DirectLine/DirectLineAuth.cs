namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>Reads the bearer secret or token of a Direct Line call and checks it against the conversation.</summary>
internal static class DirectLineAuth
{
    public static async Task<(DirectLineCaller? Caller, IResult? Failure)> AuthenticateAsync(
        HttpContext context, DirectLineTokens tokens, string? conversationId = null, string? queryToken = null)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var credential = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : queryToken;
        if (string.IsNullOrEmpty(credential))
        {
            return (null, ErrorResponse.Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "A Direct Line token or secret is required."));
        }
        if (tokens.IsSecret(credential))
        {
            return (new DirectLineCaller(null, null, IsSecret: true), null);
        }
        var caller = await tokens.ValidateAsync(credential);
        if (caller is null)
        {
            return (null, ErrorResponse.Problem(StatusCodes.Status403Forbidden, "TokenExpired", "The token is invalid or has expired."));
        }
        if (conversationId is not null && !string.Equals(caller.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return (null, ErrorResponse.Problem(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation."));
        }
        return (caller, null);
    }
}
