using ChatAdvisor.Web.Bot;
using ChatAdvisor.Web.Bot.Protocol;
using ChatAdvisor.Web.Channels.BotFramework.Connector;
using ChatAdvisor.Web.Channels.BotFramework.Teams;

namespace ChatAdvisor.Web.Channels.BotFramework;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>Channels behind Azure Bot Service (Teams, Azure's Web Chat, the Emulator): /api/messages and the Connector.</summary>
    public static IHostApplicationBuilder AddBotFramework(this IHostApplicationBuilder builder)
    {
        builder.AddBotConnector();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<BotFrameworkChannel>();
        builder.Services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName)
            .Validate(o => o.AllowedTenants.All(TeamsOptions.LooksLikeTenantId), "Teams:AllowedTenants must hold Entra tenant ids such as 72f988bf-86f1-41af-91ab-2d7cd011db47 (hex digits and dashes, no spaces or names).")
            .ValidateOnStart();
        builder.Services.AddSingleton<TeamsFiles>();
        builder.Services.AddHttpClient(TeamsFiles.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        // Replies go out only in answer to the channel (a Connector call needs a fresh serviceUrl and token), so no proactive turns.
        builder.Services.AddSingleton(sp => new BotChannel(
            channelId => channelId != ChannelIds.DirectLine,
            (activity, sent) => sp.GetRequiredService<BotFrameworkChannel>().Resume(activity, sent),
            (_, _) => null));
        return builder;
    }

    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder app) => app.MapMessaging();
}
