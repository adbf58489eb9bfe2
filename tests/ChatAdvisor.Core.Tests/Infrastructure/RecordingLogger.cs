using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Core.Tests.Infrastructure;

/// <summary>Keeps the ids of the events logged to it, for tests that assert which way the code went.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<EventId> _events = new();

    public IReadOnlyCollection<EventId> Events => _events;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _events.Enqueue(eventId);
}
