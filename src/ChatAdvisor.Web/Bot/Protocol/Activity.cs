using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatAdvisor.Web.Bot.Protocol;

/// <summary>
/// A Bot Framework activity: the fields the bot reads or writes, with every other member kept in
/// <see cref="Extra"/> so that a stored or echoed activity loses nothing (spec A2005).
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    /// <summary>Server time in UTC; Web Chat orders the transcript by it.</summary>
    public DateTime? Timestamp { get; init; }

    public string? LocalTimestamp { get; init; }

    public string? LocalTimezone { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public string? InputHint { get; init; }

    public string? Name { get; init; }

    public string? Summary { get; init; }

    /// <summary>For installationUpdate: add, remove, add-upgrade, remove-upgrade.</summary>
    public string? Action { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    public IReadOnlyList<JsonObject>? Entities { get; init; }

    public JsonNode? ChannelData { get; init; }

    public JsonNode? Value { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    // Settable, not init: the source generator cannot bind extension data through an initializer.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>
    /// Set only by <c>/api/messages</c> for a request with a valid Bot Framework token; never read from the wire.
    /// Administrative events (the app being removed) are obeyed only when it is set.
    /// </summary>
    [JsonIgnore]
    public bool FromAuthenticatedChannel { get; init; }

    /// <summary>How an answer came about, for the transcript; never sent on the wire.</summary>
    [JsonIgnore]
    public AnswerTrace? Trace { get; init; }
}

/// <summary>The advisor's mode, confidence and cited sections behind an answer activity.</summary>
public sealed record AnswerTrace(string Mode, double Confidence, IReadOnlyList<string> Citations, string Ref);

public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Role { get; init; }

    public string? AadObjectId { get; init; }

    // Settable, not init: the source generator cannot bind extension data through an initializer.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool? IsGroup { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    // Settable, not init: the source generator cannot bind extension data through an initializer.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record Attachment
{
    public string? ContentType { get; init; }

    public string? ContentUrl { get; init; }

    public string? Name { get; init; }

    public JsonNode? Content { get; init; }

    public string? ThumbnailUrl { get; init; }

    // Settable, not init: the source generator cannot bind extension data through an initializer.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions, IReadOnlyList<string>? To = null);

public sealed record CardAction(string Type, string Title, JsonNode? Value = null);
