using System.ClientModel;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace ChatAdvisor.Generation;

/// <summary>Builds OpenAI SDK clients for a validated <see cref="LlmOptions"/>.</summary>
internal static class OpenAIClientFactory
{
    // Local servers usually ignore the key, but the SDK needs some credential.
    private const string PlaceholderApiKey = "no-key";
    private const string AzureV1Path = "openai/v1/";

    public static ChatClient CreateChatClient(LlmOptions options) =>
        new(options.ChatModel, Credential(options), ClientOptions(options));

    public static EmbeddingClient CreateEmbeddingClient(LlmOptions options) =>
        new(options.EmbeddingModel, Credential(options), ClientOptions(options));

    /// <summary>The base address the SDK appends <c>chat/completions</c> to; null for the SDK's OpenAI default.</summary>
    public static Uri? BaseAddress(LlmOptions options) => options.Provider switch
    {
        LlmProvider.AzureOpenAI => AzureV1(options.Endpoint!),
        _ => options.Endpoint,
    };

    private static OpenAIClientOptions ClientOptions(LlmOptions options) => new()
    {
        Endpoint = BaseAddress(options),
        NetworkTimeout = options.RequestTimeout,
        UserAgentApplicationId = "ChatAdvisor",
    };

    // Sent as "Authorization: Bearer"; Azure's v1 API accepts resource keys that way too.
    private static ApiKeyCredential Credential(LlmOptions options) =>
        new(string.IsNullOrWhiteSpace(options.ApiKey) ? PlaceholderApiKey : options.ApiKey);

    // Azure OpenAI's v1 API is the OpenAI API under {resource}/openai/v1/, so the plain OpenAI SDK can call it.
    private static Uri AzureV1(Uri endpoint)
    {
        var text = endpoint.AbsoluteUri.TrimEnd('/') + "/";
        return new Uri(text.EndsWith("/" + AzureV1Path, StringComparison.OrdinalIgnoreCase) ? text : text + AzureV1Path);
    }
}
