using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Generation;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Core.Tests.Generation;

/// <summary>Builds the prompt library and the answerer as the host does, without a host.</summary>
public static class GenerationFixtures
{
    public static string PromptsFolder => Path.Combine(TestKnowledge.RepositoryRoot, "prompts");

    public static IReadOnlyList<Chunk> Passages { get; } =
    [
        new("mlops-engineer", "salary", "MLOps Engineer", "MLOps Engineer", "Salary",
            "Entry-level MLOps engineers in Europe earn €50,000 to €65,000 a year. Seniors earn more.", []),
        new("machine-learning-engineer", "skills", "Machine Learning Engineer", "Machine Learning Engineer", "Skills",
            "Most roles ask for Python, PyTorch and 3 years of experience with R&D <teams>.", []),
    ];

    public static PromptLibrary Library(string? folder = null) =>
        new(Options.Create(new PromptOptions { Path = folder ?? PromptsFolder }), new TestEnvironment(), NullLogger<PromptLibrary>.Instance);

    public static GenerativeAnswerer Answerer(IChatClient? chatClient, TimeSpan? timeout = null) =>
        new(Library(),
            Options.Create(new LlmOptions { Provider = LlmProvider.OpenAICompatible, RequestTimeout = timeout ?? TimeSpan.FromSeconds(30) }),
            TimeProvider.System,
            NullLogger<GenerativeAnswerer>.Instance,
            chatClient);

    public sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "ChatAdvisor.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
