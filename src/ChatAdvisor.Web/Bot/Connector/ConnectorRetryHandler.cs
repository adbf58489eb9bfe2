using System.Net;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Bot.Connector;

/// <summary>
/// Retries a connector request only when the channel says it did not take it (protocol notes §3.4): 429 Too Many
/// Requests and 503 Service Unavailable, honouring <c>Retry-After</c>, with bounded attempts and total delay.
/// <c>POST .../activities</c> has no idempotency key, so a timeout, 500, 502 or 504 is never retried: the message
/// may already be in the conversation, and posting it again would show it twice. Each attempt has its own timeout
/// (<see cref="BotOptions.HttpTimeout"/>), so the client's overall timeout is off.
/// </summary>
internal sealed class ConnectorRetryHandler(IOptions<BotOptions> options, TimeProvider timeProvider, ILogger<ConnectorRetryHandler> logger) : DelegatingHandler
{
    public const int MaxAttempts = 4;
    public static readonly TimeSpan MaxTotalDelay = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(20);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var response = await SendAttemptAsync(request, cancellationToken);
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || attempt == MaxAttempts)
            {
                return response;
            }
            var delay = RetryDelay(response, attempt, timeProvider.GetUtcNow());
            if (waited + delay > MaxTotalDelay)
            {
                return response;
            }
            ConnectorLog.Retrying(logger, (int)response.StatusCode, (long)delay.TotalMilliseconds, attempt);
            response.Dispose();
            await Task.Delay(delay, timeProvider, cancellationToken);
            waited += delay;
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.HttpTimeout);
        try
        {
            return await base.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The connector did not answer within {options.Value.HttpTimeout}; not retried, the activity may have been posted.", e);
        }
    }

    /// <summary><c>Retry-After</c> (seconds or an HTTP date) when given, else backoff 2 s → 20 s with ±20 % jitter.</summary>
    internal static TimeSpan RetryDelay(HttpResponseMessage response, int attempt, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (retryAfter?.Date is { } date)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }
        var backoff = TimeSpan.FromTicks(Math.Min(s_maxBackoff.Ticks, s_firstBackoff.Ticks << Math.Min(attempt - 1, 8)));
        return backoff * (0.8 + (0.4 * Random.Shared.NextDouble()));
    }
}
