namespace ChatAdvisor.Cvs;

/// <summary>A single-use link for sending a CV outside the chat. Only a hash of the token is stored.</summary>
public sealed class UploadLink
{
    public required string TokenHash { get; set; }

    public required string ConversationId { get; set; }

    public required string ChannelId { get; set; }

    /// <summary>Expiry as Unix seconds, so that both databases can compare it in SQL.</summary>
    public long ExpiresAtUnix { get; set; }

    public bool Used { get; set; }
}
