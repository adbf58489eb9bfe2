namespace ChatAdvisor.Conversations;

/// <summary>A conversation on any channel, with its per-conversation state (advice context, dialog progress).</summary>
public sealed class Conversation
{
    public required string Id { get; set; }

    public required string ChannelId { get; set; }

    public string? UserId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>Sequence number of the newest transcript activity; Direct Line watermarks are these numbers.</summary>
    public long LastSequence { get; set; }

    public string? StateJson { get; set; }

    /// <summary>The language the conversation is held in (a copy of the state's, for the portal's filter); null before the first turn.</summary>
    public string? Language { get; set; }

    /// <summary>Optimistic-concurrency token for <see cref="StateJson"/>.</summary>
    public long StateVersion { get; set; }
}
