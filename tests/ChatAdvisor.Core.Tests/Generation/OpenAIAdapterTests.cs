using System.Text.Json.Nodes;
using ChatAdvisor.Generation;
using ChatAdvisor.Knowledge.Embeddings;
using Microsoft.Extensions.AI;

namespace ChatAdvisor.Core.Tests.Generation;

/// <summary>
/// The model clients as configured (Microsoft.Extensions.AI.OpenAI's <c>AsIChatClient</c>, Semantic Kernel's Azure OpenAI
/// connector) against a loopback server speaking the OpenAI wire format.
/// </summary>
public sealed class OpenAIAdapterTests
{
    private const string Completion = """
        {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"local-model",
         "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Hello from the loopback [1]."}}],
         "usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}
        """;

    [Fact]
    public async Task ChatAdapterSendsModelAndMessagesAndReturnsText()
    {
        using var server = new LoopbackOpenAIServer(Completion);
        using var client = ChatClient(server, LlmProvider.OpenAICompatible, $"http://127.0.0.1:{server.Port}/v1");

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Hi?")],
            new ChatOptions { Temperature = 0.1f, MaxOutputTokens = 400 });

        Assert.Equal("Hello from the loopback [1].", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(17, response.Usage!.TotalTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/chat/completions"), (request.Method, request.Path));
        Assert.StartsWith("Bearer ", request.Authorization, StringComparison.Ordinal);
        Assert.Equal("local-model", (string?)request.Body["model"]);
        var messages = request.Body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => (string?)m!["role"]));
        Assert.Equal("Hi?", ContentText(messages[1]!));
        Assert.Equal(0.1, (double)request.Body["temperature"]!, 3);
    }

    [Fact]
    public async Task AzureGoesThroughTheDeploymentWithTheResourceKey()
    {
        using var server = new LoopbackOpenAIServer(Completion);
        using var client = ChatClient(server, LlmProvider.AzureOpenAI, $"http://127.0.0.1:{server.Port}", apiKey: "secret");

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi?")]);

        Assert.Equal("Hello from the loopback [1].", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/local-model/chat/completions", request.Path);
        Assert.Equal("secret", request.Authorization);
    }

    [Fact]
    public async Task StreamingYieldsTheTextInUpdates()
    {
        const string Events = """
            data: {"id":"c1","object":"chat.completion.chunk","created":1700000000,"model":"local-model","choices":[{"index":0,"delta":{"role":"assistant","content":"Hello "}}]}

            data: {"id":"c1","object":"chat.completion.chunk","created":1700000000,"model":"local-model","choices":[{"index":0,"delta":{"content":"again."},"finish_reason":"stop"}]}

            data: [DONE]


            """;
        using var server = new LoopbackOpenAIServer(Events.ReplaceLineEndings("\n"), "text/event-stream");
        using var client = ChatClient(server, LlmProvider.OpenAICompatible, $"http://127.0.0.1:{server.Port}/v1/");

        var text = string.Concat(await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Hi?")]).Select(u => u.Text).ToListAsync());

        Assert.Equal("Hello again.", text);
        Assert.True((bool)Assert.Single(server.Requests).Body["stream"]!);
    }

    [Fact]
    public async Task EmbeddingGeneratorSendsTheModelAndReturnsOneVectorPerInput()
    {
        const string Embeddings = """
            {"object":"list","model":"embed","usage":{"prompt_tokens":4,"total_tokens":4},
             "data":[{"object":"embedding","index":0,"embedding":[1.0,0.0]},{"object":"embedding","index":1,"embedding":[0.0,1.0]}]}
            """;
        using var server = new LoopbackOpenAIServer(Embeddings);
        var options = new LlmOptions { Provider = LlmProvider.OpenAICompatible, Endpoint = new Uri($"http://127.0.0.1:{server.Port}/v1"), ChatModel = "m", EmbeddingModel = "embed" };
        using var generator = GenerationServiceCollectionExtensions.CreateEmbeddingGenerator(new EmbeddingOptions { Provider = EmbeddingProvider.Llm }, options)!;

        var embeddings = await generator.GenerateAsync(["first", "second"]);

        Assert.Equal([1f, 0f], embeddings[0].Vector.ToArray());
        Assert.Equal([0f, 1f], embeddings[1].Vector.ToArray());
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal("embed", (string?)request.Body["model"]);
    }

    private static IChatClient ChatClient(LoopbackOpenAIServer server, LlmProvider provider, string endpoint, string? apiKey = null) =>
        GenerationServiceCollectionExtensions.CreateChatClient(new LlmOptions
        {
            Provider = provider,
            Endpoint = new Uri(endpoint),
            ApiKey = apiKey,
            ChatModel = "local-model",
            RequestTimeout = TimeSpan.FromSeconds(10),
        })!;

    // The SDK may send content as a string or as an array of text parts.
    private static string? ContentText(JsonNode message) =>
        message["content"] is JsonArray parts ? string.Concat(parts.Select(p => (string?)p!["text"])) : (string?)message["content"];
}
