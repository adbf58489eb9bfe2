using System.Threading.Channels;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Bot;

/// <summary>
/// Runs turns in the background so channels get their acknowledgement at once. Turns of one conversation run
/// in order on the same worker; different conversations run in parallel.
/// </summary>
public sealed class TurnDispatcher(AdvisorBot bot, ILogger<TurnDispatcher> logger) : BackgroundService
{
    private readonly Channel<TurnContext>[] _queues = [.. Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount * 2))
        .Select(_ => Channel.CreateBounded<TurnContext>(new BoundedChannelOptions(1000) { SingleReader = true }))];

    /// <summary>Queues a turn; false when the server is too busy to take it.</summary>
    public bool TryEnqueue(TurnContext turn)
    {
        var queue = _queues[(int)((uint)StringComparer.Ordinal.GetHashCode(turn.ConversationId) % (uint)_queues.Length)];
        if (queue.Writer.TryWrite(turn))
        {
            return true;
        }
        BotLog.QueueFull(logger);
        return false;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_queues.Select(q => RunAsync(q.Reader, stoppingToken)));

    private async Task RunAsync(ChannelReader<TurnContext> reader, CancellationToken stoppingToken)
    {
        await foreach (var turn in reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await bot.OnTurnAsync(turn, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                BotLog.TurnFailed(logger, turn.Activity.Type, turn.Activity.ChannelId, ex);
                await TryApologiseAsync(turn, stoppingToken);
            }
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
            BotLog.TurnFailed(logger, turn.Activity.Type, turn.Activity.ChannelId, ex);
        }
    }
}
