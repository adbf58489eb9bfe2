using ChatAdvisor.Web.Bot.CvUpload;

namespace ChatAdvisor.Web.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>The bot and its turn pipeline; channels register themselves (<see cref="BotChannel"/>) and depend on it.</summary>
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AdvisorBot>();
        builder.Services.AddSingleton<FeedbackHandler>();
        builder.Services.AddSingleton<CvFileIntake>();
        builder.Services.AddSingleton<CvUploadHandler>();
        builder.Services.AddSingleton<CvDialogEffects>();
        builder.Services.AddSingleton<DataRequestTurns>();
        builder.Services.AddSingleton<ProactiveTurns>();
        builder.Services.AddMemoryCache();
        builder.Services.AddOptions<TurnOptions>().BindConfiguration(TurnOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TurnDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TurnDispatcher>());
        builder.Services.AddHostedService<TurnRecovery>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder app) => app.MapCvUploadLinks();
}
