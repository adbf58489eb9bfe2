using ChatAdvisor.Prompts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Generation;

/// <summary>
/// Constructing this at host start loads <see cref="PromptLibrary"/> and the answer prompt (via
/// <see cref="GenerativeAnswerer"/>), so a bad or missing prompt file fails startup rather than the first question.
/// </summary>
internal sealed class GenerationStartup(GenerativeAnswerer answerer, IOptions<LlmOptions> options, ILogger<GenerationStartup> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var llm = options.Value;
        if (answerer.IsEnabled)
        {
            GenerationLog.Enabled(logger, llm.Provider, llm.ChatModel, llm.EmbeddingModel);
        }
        else
        {
            GenerationLog.Disabled(logger);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
