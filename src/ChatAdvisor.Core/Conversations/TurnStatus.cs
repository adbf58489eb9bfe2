namespace ChatAdvisor.Conversations;

/// <summary>Where an inbound activity's turn stands (<see cref="TranscriptActivity.TurnStatus"/>).</summary>
public static class TurnStatus
{
    /// <summary>Accepted and acknowledged; the bot has not finished answering it.</summary>
    public const string Pending = "pending";

    /// <summary>The turn finished (answered, or failed and apologised for).</summary>
    public const string Done = "done";

    /// <summary>Found pending after a restart but too old to answer now.</summary>
    public const string Expired = "expired";
}
