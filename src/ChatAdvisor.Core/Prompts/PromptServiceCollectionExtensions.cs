using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatAdvisor.Prompts;

public static class PromptServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PromptOptions"/> and registers <see cref="PromptLibrary"/> as a singleton. The library loads
    /// when first resolved; <c>AddChatAdvisorGeneration</c> resolves it at host start so a bad file fails startup.
    /// </summary>
    public static IServiceCollection AddPromptLibrary(this IServiceCollection services)
    {
        services.AddOptions<PromptOptions>().BindConfiguration(PromptOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<PromptLibrary>();
        return services;
    }
}
