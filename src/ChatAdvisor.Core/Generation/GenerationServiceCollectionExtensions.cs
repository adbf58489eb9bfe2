using ChatAdvisor.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Generation;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the prompt library (loaded and validated at host start), <see cref="LlmOptions"/> (section
    /// <c>Llm</c>, validated at start) and <see cref="GenerativeAnswerer"/>. <see cref="IChatClient"/> and
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> are resolved from configuration at first use: with
    /// <see cref="LlmProvider.None"/> (the default) they resolve to null, so no client is built, nothing is called
    /// and <see cref="GenerativeAnswerer.IsEnabled"/> is false. A fake registered before or after this call wins.
    /// </summary>
    public static IServiceCollection AddChatAdvisorGeneration(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPromptLibrary();
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        // The provider is known only once configuration is bound, so the decision is made here, at resolution:
        // a factory that returns null leaves GetService<IChatClient>() null and GetRequiredService throwing.
        services.TryAddSingleton(sp => CreateChatClient(sp.GetRequiredService<IOptions<LlmOptions>>().Value)!);
        services.TryAddSingleton(sp => CreateEmbeddingGenerator(sp.GetRequiredService<IOptions<LlmOptions>>().Value)!);
        services.TryAddSingleton(sp => new GenerativeAnswerer(
            sp.GetRequiredService<PromptLibrary>(),
            sp.GetRequiredService<IOptions<LlmOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GenerativeAnswerer>>(),
            sp.GetService<IChatClient>()));
        services.AddHostedService<GenerationStartup>();
        return services;
    }

    internal static IChatClient? CreateChatClient(LlmOptions options) =>
        options.Provider == LlmProvider.None
            ? null
            : new OpenAIChatClientAdapter(OpenAIClientFactory.CreateChatClient(options), options.ChatModel!, OpenAIClientFactory.BaseAddress(options));

    internal static IEmbeddingGenerator<string, Embedding<float>>? CreateEmbeddingGenerator(LlmOptions options) =>
        options.Provider == LlmProvider.None || string.IsNullOrWhiteSpace(options.EmbeddingModel)
            ? null
            : new OpenAIEmbeddingGenerator(OpenAIClientFactory.CreateEmbeddingClient(options), options.EmbeddingModel, OpenAIClientFactory.BaseAddress(options));
}
