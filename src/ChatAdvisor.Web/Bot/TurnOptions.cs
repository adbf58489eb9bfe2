using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Web.Bot;

/// <summary>How many turns run at once and how many may wait.</summary>
public sealed class TurnOptions
{
    public const string SectionName = "Turns";

    /// <summary>
    /// Turns running at the same time, across conversations. A turn mostly waits (on the database, the
    /// Connector, a model), so this is sized by what those can take, not by the number of processors. Default 64.
    /// </summary>
    [Range(1, 4096)]
    public int MaxConcurrent { get; set; } = 64;

    /// <summary>Turns accepted but not yet finished; beyond this a channel answers "busy". Default 10,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxQueued { get; set; } = 10_000;

    /// <summary>
    /// After a restart, turns accepted before it and not finished are answered if they are at most this old;
    /// older ones are marked expired (a reply hours late would confuse more than help). Default 15 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan ResumeWithin { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// With several instances (PostgreSQL), a conversation's next message can reach another instance while the
    /// previous turn is still saving: the turn waits at most this long for the conversation's earlier turns to finish,
    /// so that it sees their state (a dead instance's turn is resumed by recovery). Default 10 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan WaitForEarlierTurns { get; set; } = TimeSpan.FromSeconds(10);
}
