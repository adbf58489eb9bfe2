using System.ClientModel;
using Azure.AI.OpenAI;
using Azure.Identity;
using ChatAdvisor.Advice;
using ChatAdvisor.Knowledge.Embeddings;
using ChatAdvisor.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using OpenAI;

namespace ChatAdvisor.Generation;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Semantic Kernel pipeline: the prompt files (validated at start), the Handlebars template factory,
    /// the grounding and personal-data filters, the knowledge plugin, one <see cref="Kernel"/>, and the models chosen
    /// by configuration. With <see cref="LlmProvider.None"/> (the default) no chat client exists and answers stay
    /// extractive; embeddings default to the local model. A fake registered before this call wins.
    /// </summary>
    public static IServiceCollection AddChatAdvisorGeneration(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PromptOptions>().BindConfiguration(PromptOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<PromptFiles>();
        services.TryAddSingleton<HandlebarsPromptTemplateFactory>();
        // The provider is known only once configuration is bound, so it is chosen at resolution: a factory that
        // returns null leaves GetService<IChatClient>() null.
        services.TryAddSingleton(sp => CreateChatClient(sp.GetRequiredService<IOptions<LlmOptions>>().Value)!);
        services.TryAddSingleton(sp => CreateEmbeddingGenerator(
            sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value, sp.GetRequiredService<IOptions<LlmOptions>>().Value)!);
        services.TryAddSingleton(sp => sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is { } generator
            ? ActivatorUtilities.CreateInstance<KnowledgeEmbedder>(sp, generator)
            : null!);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, GroundingFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPromptRenderFilter, PersonalDataFilter>());
        services.TryAddSingleton<KnowledgePlugin>();
        services.TryAddSingleton(sp => new Kernel(sp, [KernelPluginFactory.CreateFromObject(sp.GetRequiredService<KnowledgePlugin>(), KnowledgePlugin.Name)]));
        services.TryAddSingleton<AnswerGeneration>();
        services.AddHostedService<GenerationStartup>();
        return services;
    }

    internal static IChatClient? CreateChatClient(LlmOptions options) => options.Provider switch
    {
        LlmProvider.None => null,
        // Semantic Kernel's Azure OpenAI connector over Azure.AI.OpenAI, with a key or Entra ID.
        LlmProvider.AzureOpenAI => new AzureOpenAIChatCompletionService(options.ChatModel!, AzureClient(options)).AsChatClient(),
        _ => OpenAIClient(options).GetChatClient(options.ChatModel).AsIChatClient(),
    };

    internal static IEmbeddingGenerator<string, Embedding<float>>? CreateEmbeddingGenerator(EmbeddingOptions embeddings, LlmOptions llm) => embeddings.Provider switch
    {
        EmbeddingProvider.None => null,
        EmbeddingProvider.Local => new LocalEmbeddingGenerator(),
        _ when llm.Provider == LlmProvider.None || string.IsNullOrWhiteSpace(llm.EmbeddingModel) => null,
        _ when llm.Provider == LlmProvider.AzureOpenAI => AzureClient(llm).GetEmbeddingClient(llm.EmbeddingModel).AsIEmbeddingGenerator(),
        _ => OpenAIClient(llm).GetEmbeddingClient(llm.EmbeddingModel).AsIEmbeddingGenerator(),
    };

    private static OpenAIClient OpenAIClient(LlmOptions options) =>
        // Local servers usually ignore the key, but the SDK needs some credential.
        new(new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey), new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            NetworkTimeout = options.RequestTimeout,
            UserAgentApplicationId = "ChatAdvisor",
        });

    private static AzureOpenAIClient AzureClient(LlmOptions options)
    {
        var clientOptions = new AzureOpenAIClientOptions { NetworkTimeout = options.RequestTimeout, UserAgentApplicationId = "ChatAdvisor" };
        return options.UseEntraId
            ? new AzureOpenAIClient(options.Endpoint, new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(options.Endpoint, new ApiKeyCredential(options.ApiKey!), clientOptions);
    }
}
