namespace ChatAdvisor.Review;

/// <summary>Whole UTC days from <see cref="From"/> to <see cref="To"/>, both inclusive; either end may be open.</summary>
internal readonly record struct DayRange(DateOnly? From, DateOnly? To)
{
    /// <summary>The first instant of the range, or null when it is open at the start.</summary>
    public DateTimeOffset? Start => From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>The first instant after the range (midnight after <see cref="To"/>), or null when it is open at the end.</summary>
    public DateTimeOffset? End => To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    public bool Contains(DateTimeOffset instant) => (Start is not { } start || instant >= start) && (End is not { } end || instant < end);

    /// <summary>Whether something going on from <paramref name="first"/> to <paramref name="last"/> happened at some point of the range.</summary>
    public bool Overlaps(DateTimeOffset first, DateTimeOffset last) => (Start is not { } start || last >= start) && (End is not { } end || first < end);
}
