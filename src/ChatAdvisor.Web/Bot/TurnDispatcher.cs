using ChatAdvisor.Conversations;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Bot;

/// <summary>
/// Runs turns in the background so channels get their acknowledgement at once. The turns of one conversation run
/// one after another in the order they came; different conversations run in parallel, up to
/// <see cref="TurnOptions.MaxConcurrent"/> at a time.
/// </summary>
public sealed class TurnDispatcher : IHostedService, IDisposable
{
    private readonly AdvisorBot _bot;
    private readonly TranscriptStore _transcript;
    private readonly bool _otherInstances;
    private readonly TimeProvider _time;
    private readonly ILogger<TurnDispatcher> _logger;
    private readonly TurnOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _disposed;
    // Conversations with a turn running or waiting, each with the turns queued behind the running one.
    private readonly Dictionary<string, Queue<TurnContext>> _lanes = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _drains = [];
    private int _queued;

    public TurnDispatcher(AdvisorBot bot, TranscriptStore transcript, IOptions<TurnOptions> options, IOptions<DatabaseOptions> database, TimeProvider time, ILogger<TurnDispatcher> logger)
    {
        _time = time;
        // SQLite serves one instance; PostgreSQL may serve several.
        _otherInstances = database.Value.Provider == DatabaseProvider.Postgres;
        _bot = bot;
        _transcript = transcript;
        _logger = logger;
        _options = options.Value;
        _slots = new SemaphoreSlim(_options.MaxConcurrent, _options.MaxConcurrent);
    }

    /// <summary>Turns accepted and not finished yet.</summary>
    public int QueueDepth => Volatile.Read(ref _queued);

    /// <summary>Queues a turn; false when the server is too busy to take it.</summary>
    public bool TryEnqueue(TurnContext turn)
    {
        var conversationId = turn.ConversationId;
        lock (_lanes)
        {
            if (_stopping.IsCancellationRequested || _queued >= _options.MaxQueued)
            {
                BotLog.QueueFull(_logger);
                return false;
            }
            _queued++;
            if (_lanes.TryGetValue(conversationId, out var waiting))
            {
                waiting.Enqueue(turn);
                return true;
            }
            _lanes[conversationId] = new Queue<TurnContext>();
            var drain = Task.Run(() => DrainAsync(conversationId, turn));
            _drains.Add(drain);
            _ = drain.ContinueWith(Forget, TaskScheduler.Default);
        }
        return true;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Lets the running and queued turns finish until the host's shutdown timeout, then cancels them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            // A test host can dispose the container before it stops the hosted services.
            return;
        }
        Task[] drains;
        lock (_lanes)
        {
            drains = [.. _drains];
        }
        try
        {
            await Task.WhenAll(drains).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of time: what is still running is cancelled below.
        }
        finally
        {
            await CancelRunningAsync();
        }
    }

    /// <summary>Cancels what still runs; a test host may have disposed the dispatcher meanwhile, which cancelled it already.</summary>
    private async Task CancelRunningAsync()
    {
        try
        {
            await _stopping.CancelAsync();
        }
        catch (ObjectDisposedException) when (_disposed)
        {
            // Dispose cancelled the turns before it disposed the source.
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _stopping.Cancel();
        _stopping.Dispose();
        _slots.Dispose();
    }

    private void Forget(Task drain)
    {
        lock (_lanes)
        {
            _drains.Remove(drain);
        }
    }

    private async Task DrainAsync(string conversationId, TurnContext turn)
    {
        var stoppingToken = _stopping.Token;
        while (true)
        {
            try
            {
                await _slots.WaitAsync(stoppingToken);
                try
                {
                    await RunAsync(turn, stoppingToken);
                }
                finally
                {
                    _slots.Release();
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: this turn and the ones behind it are not run by this process.
            }
            lock (_lanes)
            {
                _queued--;
                var waiting = _lanes[conversationId];
                if (waiting.Count == 0)
                {
                    _lanes.Remove(conversationId);
                    return;
                }
                turn = waiting.Dequeue();
            }
        }
    }

    private async Task RunAsync(TurnContext turn, CancellationToken stoppingToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var span = Telemetry.Source.StartActivity("turn", System.Diagnostics.ActivityKind.Internal, turn.ReceivedIn);
        span?.SetTag("chatadvisor.channel", turn.ChannelId);
        span?.SetTag("chatadvisor.activity.type", turn.Activity.Type);
        span?.SetTag("chatadvisor.turn.resumed", turn.IsResumed);
        var outcome = "ok";
        try
        {
            if (_otherInstances && turn.IsDurable && turn.Activity.Id is { } id)
            {
                await WaitForEarlierTurnsAsync(turn.ConversationId, id, stoppingToken);
            }
            await _bot.OnTurnAsync(turn, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            outcome = "failed";
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
            BotLog.TurnFailed(_logger, turn.Activity.Type, turn.Activity.ChannelId, ex);
            await TryApologiseAsync(turn, stoppingToken);
        }
        span?.SetTag("chatadvisor.turn.outcome", outcome);
        Telemetry.TurnDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new("channel", turn.ChannelId), new("outcome", outcome));
        if (turn.IsDurable && !turn.IsCompleted && turn.Activity.Id is { } activityId)
        {
            // Answered or apologised for: either way a restart must not run it again. Should this write fail, the
            // turn is resumed after a restart and its replies are not sent twice (TurnContext.Resumed).
            try
            {
                await _transcript.CompleteTurnAsync(turn.ConversationId, activityId, TurnStatus.Done, stoppingToken);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                BotLog.TurnNotCompleted(_logger, ex);
            }
        }
    }

    /// <summary>
    /// This instance keeps one conversation's turns in order by itself; another instance may still be finishing the
    /// turn before (its reply already out, its state not yet saved). Waits for it, briefly.
    /// </summary>
    private async Task WaitForEarlierTurnsAsync(string conversationId, string activityId, CancellationToken stoppingToken)
    {
        // The wait is real time; which turns count as recent is the host's clock, as their timestamps are.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // A turn still pending after twice the wait belongs to a host that stopped: recovery answers it, nobody waits.
        var since = _time.GetUtcNow() - (2 * _options.WaitForEarlierTurns);
        while (await _transcript.HasEarlierPendingTurnAsync(conversationId, activityId, since, stoppingToken)
            && System.Diagnostics.Stopwatch.GetElapsedTime(started) < _options.WaitForEarlierTurns)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), stoppingToken);
        }
    }

    private async Task TryApologiseAsync(TurnContext turn, CancellationToken stoppingToken)
    {
        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return;
        }
        try
        {
            await turn.SendAsync(turn.CreateReply(BotMessages.SomethingWentWrong), stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            BotLog.TurnFailed(_logger, turn.Activity.Type, turn.Activity.ChannelId, ex);
        }
    }
}
