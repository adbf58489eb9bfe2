namespace ChatAdvisor.Cvs;

/// <summary>A record that a candidate asked to see or erase their data, and how it ended. Holds no personal data.</summary>
public sealed class DataRequest
{
    public long Id { get; set; }

    public required string Reference { get; set; }

    public required string Kind { get; set; }

    public required string Outcome { get; set; }

    public required string ChannelId { get; set; }

    public DateTimeOffset At { get; set; }
}
