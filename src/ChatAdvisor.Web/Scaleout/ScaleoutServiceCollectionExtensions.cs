using ChatAdvisor.Data;
using ChatAdvisor.Web.Channels.DirectLine;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAdvisor.Web.Scaleout;

public static class ScaleoutServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Redis:ConnectionString</c> set, the parts that would otherwise live in one process are shared through
    /// Redis: Direct Line activities reach every instance's WebSockets, rate limits count across instances and each
    /// periodic job runs on one instance. Without it nothing here is registered.
    /// </summary>
    public static IHostApplicationBuilder AddScaleout(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var settings = builder.Configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        if (!settings.IsConfigured)
        {
            return builder;
        }
        builder.Services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RedisOptions>>().Value;
            var configuration = ConfigurationOptions.Parse(options.ConnectionString!);
            // Start even while Redis is away; the client reconnects, and /health says so meanwhile.
            configuration.AbortOnConnectFail = false;
            configuration.ClientName ??= "chatadvisor-" + Environment.MachineName;
            return ConnectionMultiplexer.Connect(configuration);
        });
        builder.Services.AddSingleton<RedisKeys>();
        builder.Services.AddSingleton<RedisActivityRelay>();
        builder.Services.AddSingleton<IActivityRelay>(sp => sp.GetRequiredService<RedisActivityRelay>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisActivityRelay>());
        builder.Services.AddSingleton<IJobLease, RedisJobLease>();
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return builder;
    }
}

/// <summary>The names this deployment uses on the shared server, all under <see cref="RedisOptions.KeyPrefix"/>.</summary>
public sealed class RedisKeys(IOptions<RedisOptions> options)
{
    /// <summary>Tells one instance's messages from another's.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    public RedisChannel Activities => RedisChannel.Literal(options.Value.KeyPrefix + "activities");

    public RedisKey Job(string job) => options.Value.KeyPrefix + "job:" + job;

    public string RateLimit(string partition) => options.Value.KeyPrefix + "rate:" + partition;
}
