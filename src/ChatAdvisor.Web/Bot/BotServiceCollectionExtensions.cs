namespace ChatAdvisor.Web.Bot;

public static class BotServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AdvisorBot>();
        builder.Services.AddSingleton<TurnDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TurnDispatcher>());
        return builder;
    }
}
