using ChatAdvisor.Core.Tests.Fakes;
using ChatAdvisor.Generation;
using ChatAdvisor.Knowledge.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Core.Tests.Generation;

/// <summary>Which settings each provider needs, and what gets registered for them.</summary>
public sealed class LlmOptionsTests
{
    private static readonly Uri s_endpoint = new("http://127.0.0.1:8080/v1");

    [Fact]
    public void NoneNeedsNothing()
    {
        Assert.True(Validate(new LlmOptions()).Succeeded);
        Assert.True(Validate(new LlmOptions { Provider = LlmProvider.None, ChatModel = "", Endpoint = null }).Succeeded);
    }

    public static TheoryData<LlmOptions, string> MissingFields => new()
    {
        { new LlmOptions { Provider = LlmProvider.OpenAI, ChatModel = "gpt-4o-mini" }, nameof(LlmOptions.ApiKey) },
        { new LlmOptions { Provider = LlmProvider.OpenAI, ApiKey = "k" }, nameof(LlmOptions.ChatModel) },
        { new LlmOptions { Provider = LlmProvider.AzureOpenAI, ApiKey = "k", ChatModel = "deployment" }, nameof(LlmOptions.Endpoint) },
        { new LlmOptions { Provider = LlmProvider.AzureOpenAI, Endpoint = s_endpoint, ChatModel = "deployment" }, nameof(LlmOptions.ApiKey) },
        { new LlmOptions { Provider = LlmProvider.AzureOpenAI, Endpoint = s_endpoint, ApiKey = "k" }, nameof(LlmOptions.ChatModel) },
        { new LlmOptions { Provider = LlmProvider.OpenAICompatible, ChatModel = "llama" }, nameof(LlmOptions.Endpoint) },
        { new LlmOptions { Provider = LlmProvider.OpenAICompatible, Endpoint = s_endpoint }, nameof(LlmOptions.ChatModel) },
        { new LlmOptions { Provider = LlmProvider.OpenAICompatible, Endpoint = new Uri("ftp://host/v1"), ChatModel = "llama" }, nameof(LlmOptions.Endpoint) },
        { new LlmOptions { Provider = (LlmProvider)42 }, nameof(LlmOptions.Provider) },
    };

    [Theory]
    [MemberData(nameof(MissingFields))]
    public void EachProviderReportsItsMissingField(LlmOptions options, string field)
    {
        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(field, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void CompleteSettingsValidate()
    {
        Assert.True(Validate(new LlmOptions { Provider = LlmProvider.OpenAI, ApiKey = "k", ChatModel = "m" }).Succeeded);
        Assert.True(Validate(new LlmOptions { Provider = LlmProvider.AzureOpenAI, Endpoint = new Uri("https://r.openai.azure.com"), ApiKey = "k", ChatModel = "d" }).Succeeded);
        Assert.True(Validate(new LlmOptions { Provider = LlmProvider.OpenAICompatible, Endpoint = s_endpoint, ChatModel = "m" }).Succeeded);
    }

    [Fact]
    public void ZeroConfigurationRegistersNoModelClient()
    {
        using var services = Build([]);

        Assert.Null(services.GetService<IChatClient>());
        Assert.IsType<LocalEmbeddingGenerator>(services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.False(services.GetRequiredService<AnswerGeneration>().IsEnabled);
    }

    [Fact]
    public void ConfiguredProviderRegistersAdapters()
    {
        using var services = Build(new()
        {
            ["Llm:Provider"] = "OpenAICompatible",
            ["Llm:Endpoint"] = "http://127.0.0.1:11434/v1",
            ["Llm:ChatModel"] = "llama3.2",
            ["Llm:EmbeddingModel"] = "nomic-embed-text",
        });

        var chat = services.GetRequiredService<IChatClient>();
        Assert.Equal("llama3.2", chat.GetService<ChatClientMetadata>()!.DefaultModelId);
        Assert.IsType<LocalEmbeddingGenerator>(services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.True(services.GetRequiredService<AnswerGeneration>().IsEnabled);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AFakeClientRegisteredBeforeOrAfterIsUsed(bool registerFirst)
    {
        var fake = new FakeChatClient();

        using var services = Build([], s => s.AddSingleton<IChatClient>(fake), registerFirst);

        Assert.Same(fake, services.GetService<IChatClient>());
        Assert.True(services.GetRequiredService<AnswerGeneration>().IsEnabled);
    }

    [Theory]
    [InlineData("Local", typeof(LocalEmbeddingGenerator))]
    [InlineData("Llm", null)]
    [InlineData("None", null)]
    public void EmbeddingsFollowTheirSetting(string provider, Type? expected)
    {
        using var services = Build(new() { ["Embeddings:Provider"] = provider });

        Assert.Equal(expected, services.GetService<IEmbeddingGenerator<string, Embedding<float>>>()?.GetType());
        Assert.Equal(expected is not null, services.GetService<KnowledgeEmbedder>() is not null);
    }

    [Fact]
    public void AzureWithEntraIdNeedsNoKey()
    {
        Assert.True(Validate(new LlmOptions { Provider = LlmProvider.AzureOpenAI, Endpoint = new Uri("https://r.openai.azure.com"), UseEntraId = true, ChatModel = "d" }).Succeeded);
        Assert.True(Validate(new LlmOptions { Provider = LlmProvider.OpenAI, ApiKey = "k", ChatModel = "m", UseEntraId = true }).Failed);
    }

    [Fact]
    public void InvalidSettingsAndBadPromptsFailStartup()
    {
        using var incomplete = Build(new() { ["Llm:Provider"] = "OpenAI" });
        Assert.Throws<OptionsValidationException>(() => incomplete.GetRequiredService<IOptions<LlmOptions>>().Value);

        using var folder = new TempPromptFolder().Write("answer.yaml", "name: answer\ntemplate: hi");
        using var badPrompts = Build(new() { ["Prompts:Path"] = folder.Path });
        var error = Assert.Throws<InvalidOperationException>(() => badPrompts.GetServices<IHostedService>().ToList());
        Assert.Contains("answer.yaml", error.Message, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(LlmOptions options)
    {
        using var services = Build([]);
        return services.GetServices<IValidateOptions<LlmOptions>>()
            .Select(v => v.Validate(Options.DefaultName, options))
            .FirstOrDefault(r => r.Failed) ?? ValidateOptionsResult.Success;
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null, bool configureFirst = false) =>
        GenerationFixtures.Build(settings, configure, configureFirst);
}
