using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

/// <summary>
/// Retries a connector request only when the channel says it did not take it (see the Bot Connector API documentation): 429 Too Many
/// Requests and 503 Service Unavailable, honouring <c>Retry-After</c>, at most three times and never for a wait
/// longer than <see cref="MaxRetryAfter"/> (a longer one is surfaced at once). <c>POST .../activities</c> has no
/// idempotency key, so a timeout, 500, 502 or 504 is never retried: the message may already be in the conversation.
/// Each attempt has its own timeout (<see cref="BotOptions.HttpTimeout"/>).
/// </summary>
internal static class ConnectorResilience
{
    public const string PipelineName = "connector";
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(20);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value;
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
        var logger = context.ServiceProvider.GetRequiredService<ILogger<ConnectorClient>>();
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromSeconds(2),
            MaxDelay = MaxRetryAfter,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } response
                && response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                && RetryAfter(response, time.GetUtcNow()) <= MaxRetryAfter),
            OnRetry = args =>
            {
                ConnectorLog.Retrying(logger, (int)(args.Outcome.Result?.StatusCode ?? 0), (long)args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1);
                return ValueTask.CompletedTask;
            },
        });
        pipeline.AddTimeout(options.HttpTimeout);
    }

    /// <summary>What <c>Retry-After</c> asks for (seconds or an HTTP date); zero when it is absent.</summary>
    private static TimeSpan RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now,
        _ => TimeSpan.Zero,
    };
}
