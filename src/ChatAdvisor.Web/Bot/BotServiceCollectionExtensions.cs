using ChatAdvisor.Web.Bot.BotFramework;
using ChatAdvisor.Web.Bot.Connector;
using ChatAdvisor.Web.Bot.CvUpload;
using ChatAdvisor.Web.Bot.Protocol;
using ChatAdvisor.Web.Bot.Teams;

namespace ChatAdvisor.Web.Bot;

public static class BotServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AdvisorBot>();
        builder.Services.AddSingleton<FeedbackHandler>();
        builder.Services.AddSingleton<CvAttachmentReader>();
        builder.Services.AddSingleton<CvFileIntake>();
        builder.Services.AddSingleton<CvUploadHandler>();
        builder.Services.AddSingleton<ProactiveTurns>();
        builder.AddBotConnector();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<BotFrameworkChannel>();
        builder.Services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName)
            .Validate(o => o.AllowedTenants.All(TeamsOptions.LooksLikeTenantId), "Teams:AllowedTenants must hold Entra tenant ids such as 72f988bf-86f1-41af-91ab-2d7cd011db47 (hex digits and dashes, no spaces or names).")
            .ValidateOnStart();
        builder.Services.AddHttpClient(CvAttachmentReader.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddOptions<TurnOptions>().BindConfiguration(TurnOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TurnDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TurnDispatcher>());
        builder.Services.AddHostedService<TurnRecovery>();
        builder.Services.AddSingleton(sp => new ResumableChannel(
            channelId => channelId != Channels.DirectLine, (activity, sent) => sp.GetRequiredService<BotFrameworkChannel>().Resume(activity, sent)));
        return builder;
    }

    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder app) => app.MapMessaging().MapCvUploadLinks();
}
