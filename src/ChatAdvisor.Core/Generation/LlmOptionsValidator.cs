using Microsoft.Extensions.Options;

namespace ChatAdvisor.Generation;

/// <summary>The fields each <see cref="LlmProvider"/> needs; <see cref="LlmProvider.None"/> needs nothing.</summary>
internal sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var result = new ValidateOptionsResultBuilder();
        if (!Enum.IsDefined(options.Provider))
        {
            result.AddError($"Unknown provider '{options.Provider}'.", nameof(LlmOptions.Provider));
            return result.Build();
        }
        if (options.Provider == LlmProvider.None)
        {
            return ValidateOptionsResult.Success;
        }
        var needsEndpoint = options.Provider is LlmProvider.AzureOpenAI or LlmProvider.OpenAICompatible;
        var needsKey = options.Provider is LlmProvider.OpenAI || (options.Provider is LlmProvider.AzureOpenAI && !options.UseEntraId);
        if (options.UseEntraId && options.Provider is not LlmProvider.AzureOpenAI)
        {
            result.AddError($"{LlmOptions.SectionName}:{nameof(LlmOptions.UseEntraId)} applies to AzureOpenAI only.", nameof(LlmOptions.UseEntraId));
        }
        if (needsEndpoint && options.Endpoint is null)
        {
            result.AddError($"{LlmOptions.SectionName}:{nameof(LlmOptions.Endpoint)} is required for {options.Provider}.", nameof(LlmOptions.Endpoint));
        }
        if (options.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)))
        {
            result.AddError($"{LlmOptions.SectionName}:{nameof(LlmOptions.Endpoint)} must be an absolute http(s) URL.", nameof(LlmOptions.Endpoint));
        }
        if (needsKey && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            result.AddError($"{LlmOptions.SectionName}:{nameof(LlmOptions.ApiKey)} is required for {options.Provider}.", nameof(LlmOptions.ApiKey));
        }
        if (string.IsNullOrWhiteSpace(options.ChatModel))
        {
            result.AddError($"{LlmOptions.SectionName}:{nameof(LlmOptions.ChatModel)} is required for {options.Provider}.", nameof(LlmOptions.ChatModel));
        }
        return result.Build();
    }
}
