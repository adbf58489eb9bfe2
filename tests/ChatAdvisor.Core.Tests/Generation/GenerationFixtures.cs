using ChatAdvisor.Core.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ChatAdvisor.Core.Tests.Generation;

/// <summary>Builds the advice pipeline (knowledge, embeddings, Semantic Kernel, models) as the host does, without a host.</summary>
public static class GenerationFixtures
{
    public static string PromptsFolder => Path.Combine(TestKnowledge.RepositoryRoot, "prompts");

    /// <summary>
    /// The services of <c>AddChatAdvisorAdvice</c> over the repository's knowledge and prompts. The vector cache lives
    /// under the repository's <c>artifacts/</c>, so test runs after the first embed nothing they have embedded before.
    /// </summary>
    public static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null, bool configureFirst = false)
    {
        settings.TryAdd("Prompts:Path", PromptsFolder);
        settings.TryAdd("Knowledge:Path", TestKnowledge.KnowledgeFolder);
        settings.TryAdd("Embeddings:CachePath", Path.Combine(TestKnowledge.RepositoryRoot, "artifacts", "test-embeddings"));
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<IHostEnvironment>(new TestEnvironment())
            .AddLogging();
        if (configureFirst)
        {
            configure?.Invoke(services);
        }
        services.AddChatAdvisorAdvice();
        if (!configureFirst)
        {
            configure?.Invoke(services);
        }
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>The advisor over the repository's knowledge with a scripted chat model, and that model.</summary>
    public static (ChatAdvisor.Advice.Advisor Advisor, Fakes.FakeChatClient Chat) AdvisorWithModel(Func<Fakes.FakeChatClient, Fakes.FakeChatClient> script)
    {
        var chat = script(new Fakes.FakeChatClient());
        var services = Build([], s => s.AddSingleton<Microsoft.Extensions.AI.IChatClient>(chat));
        return (services.GetRequiredService<ChatAdvisor.Advice.Advisor>(), chat);
    }

    public sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "ChatAdvisor.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
