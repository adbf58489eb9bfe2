using ChatAdvisor.Prompts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Generation;

/// <summary>
/// Loads the prompt files and the answer function at host start, so a bad or missing prompt fails start-up rather
/// than the first question, and says which model (if any) answers.
/// </summary>
internal sealed class GenerationStartup(PromptFiles prompts, AnswerGeneration generation, IOptions<LlmOptions> options, ILogger<GenerationStartup> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = prompts.Get(AnswerGeneration.FunctionName);
        var llm = options.Value;
        if (generation.IsEnabled)
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
