using System.Threading.RateLimiting;
using ChatAdvisor.Web.Channels.DirectLine;
using ChatAdvisor.Web.Scaleout;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;

namespace ChatAdvisor.Web.Hosting;

/// <summary>
/// Limits on the chat routes, applied to every request before its endpoint runs: per client address (after the
/// trusted proxies, if any, have named it) and per Direct Line conversation, so visitors behind one proxy address do
/// not share a single bucket and one visitor cannot post without end from many addresses. With Redis configured the
/// counts hold across instances.
/// </summary>
public static class VisitorRateLimits
{
    public static IServiceCollection AddVisitorRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<InputLimitsOptions>, IServiceProvider>((options, limits, services) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var perAddress = limits.Value.PostsPerAddressPerMinute;
            var perConversation = limits.Value.ActivitiesPerConversationPerMinute;
            // With several instances the counters live in Redis, so a visitor cannot multiply the limit by the
            // number of instances; otherwise in this process.
            var window = SharedWindow(services) ?? LocalWindow;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => HttpMethods.IsPost(context.Request.Method) && IsChatRoute(context.Request.Path)
                    ? window("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "local"), perAddress)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => PostingConversation(context.Request) is { } conversation
                    ? window("conversation:" + conversation, perConversation)
                    : RateLimitPartition.GetNoLimiter("")));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "TooManyRequests",
                    detail: "Too many requests; please wait a moment and try again.").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    private static bool IsChatRoute(PathString path) =>
        path.StartsWithSegments(DirectLineEndpoints.BasePath) || path.StartsWithSegments("/api");

    /// <summary>The conversation a Direct Line post (activity or upload) goes to, from the route; null for anything else.</summary>
    private static string? PostingConversation(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.StartsWithSegments(DirectLineEndpoints.BasePath + "/conversations", out var rest)
        && rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var conversation, "activities" or "upload"]
            ? conversation
            : null;

    private static RateLimitPartition<string> LocalWindow(string partition, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });

    private static Func<string, int, RateLimitPartition<string>>? SharedWindow(IServiceProvider services)
    {
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
        {
            return null;
        }
        var keys = services.GetRequiredService<RedisKeys>();
        // While Redis is away each instance counts for itself: the chat stays up, with limits per instance.
        return (partition, permits) => redis.IsConnected
            ? RedisRateLimitPartition.GetFixedWindowRateLimiter(keys.RateLimit(partition), _ => new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis, PermitLimit = permits, Window = TimeSpan.FromMinutes(1),
            })
            : LocalWindow(partition, permits);
    }
}
