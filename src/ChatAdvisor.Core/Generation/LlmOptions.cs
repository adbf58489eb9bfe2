using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Generation;

/// <summary>
/// The optional language model. With the defaults (<see cref="LlmProvider.None"/>) no model client is created and
/// answers stay extractive. <see cref="LlmOptionsValidator"/> checks which fields each provider needs.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    /// <summary>Which API to call. Default <see cref="LlmProvider.None"/>.</summary>
    public LlmProvider Provider { get; set; } = LlmProvider.None;

    /// <summary>
    /// Base address. AzureOpenAI: the resource, e.g. <c>https://name.openai.azure.com</c> (the v1 path
    /// <c>/openai/v1/</c> is appended). OpenAICompatible: the server's OpenAI base, e.g. <c>http://127.0.0.1:8080/v1</c>.
    /// OpenAI: optional override of <c>https://api.openai.com/v1</c>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Secret; supply through user-secrets or the <c>Llm__ApiKey</c> environment variable, never appsettings.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// AzureOpenAI only: sign in with Microsoft Entra ID (a managed identity, the Azure CLI or environment credentials,
    /// through <c>DefaultAzureCredential</c>) instead of <see cref="ApiKey"/>. Default false.
    /// </summary>
    public bool UseEntraId { get; set; }

    /// <summary>Chat model; for AzureOpenAI the deployment name.</summary>
    public string? ChatModel { get; set; }

    /// <summary>Embedding model (AzureOpenAI: deployment); when empty no embedding generator is registered.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Upper bound for one model call, retries included. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

public enum LlmProvider
{
    None,
    OpenAI,
    AzureOpenAI,

    /// <summary>A local or self-hosted server with the OpenAI chat API (llama.cpp, Ollama, vLLM).</summary>
    OpenAICompatible,
}
