using ChatAdvisor.Knowledge;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Core.Tests.Infrastructure;

/// <summary>Builds the knowledge base and advisor over a folder, as the host does, without a host.</summary>
public static class TestKnowledge
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string KnowledgeFolder => Path.Combine(RepositoryRoot, "knowledge");

    public static KnowledgeBase Load(string? folder = null) =>
        new(Options.Create(new KnowledgeOptions { Path = folder ?? KnowledgeFolder }), new Environment(), NullLogger<KnowledgeBase>.Instance);

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatAdvisor.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("ChatAdvisor.sln not found above the test output folder.");
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "ChatAdvisor.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
