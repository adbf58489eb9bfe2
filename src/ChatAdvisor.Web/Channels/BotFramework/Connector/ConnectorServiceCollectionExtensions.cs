using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Bot Framework authentication and the connector client: <see cref="BotOptions"/> (section <c>Bot</c>,
    /// validated at start), <see cref="BotTokenValidator"/>, <see cref="BotTokenProvider"/> and
    /// <see cref="TrustedServiceUrls"/> as singletons, and <see cref="ConnectorClient"/> as a typed HttpClient.
    /// </summary>
    public static IHostApplicationBuilder AddBotConnector(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(OpenIdMetadataCache.HttpClientName, SetTimeout);
        services.AddHttpClient(MsalHttpClientFactory.HttpClientName, SetTimeout);
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<BotTokenProvider>();
        services.AddSingleton<TrustedServiceUrls>();

        // The pipeline times each attempt; an overall timeout would also cut its Retry-After waits short.
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(ConnectorResilience.PipelineName, ConnectorResilience.Configure);
        return builder;
    }

    private static void SetTimeout(IServiceProvider services, HttpClient client) =>
        client.Timeout = services.GetRequiredService<IOptions<BotOptions>>().Value.HttpTimeout;
}
