using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ChatAdvisor.Advice;
using ChatAdvisor.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ChatAdvisor.Generation;

/// <summary>
/// The optional generative step: the <c>answer</c> prompt (<c>prompts/answer.yaml</c>) as a Semantic Kernel
/// function over the configured chat model, fed only the question and the passages the extractive answer cites.
/// The filters (<see cref="PersonalDataFilter"/>, <see cref="GroundingFilter"/>) decide whether its reply may stand;
/// whenever it may not (or the model fails or is slow), the extractive answer is kept and the reason recorded.
/// </summary>
public sealed partial class AnswerGeneration(
    Kernel kernel,
    PromptFiles prompts,
    HandlebarsPromptTemplateFactory templates,
    IOptions<LlmOptions> options,
    TimeProvider timeProvider,
    ILogger<AnswerGeneration> logger)
{
    public const string FunctionName = "answer";

    public const string TranslateFunctionName = "translate-question";

    private readonly Lazy<KernelFunction> _function = new(() => kernel.CreateFunctionFromPrompt(prompts.Get(FunctionName), templates));

    private readonly Lazy<KernelFunction> _translate = new(() => kernel.CreateFunctionFromPrompt(prompts.Get(TranslateFunctionName), templates));

    /// <summary>
    /// The question in English (the <c>translate-question</c> prompt), for a language without translated guides; null
    /// when the model fails, is slow, or the question holds personal data (which never goes into a prompt).
    /// </summary>
    public async Task<string?> TranslateQuestionAsync(string question, string languageName, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(options.Value.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var english = (await kernel.InvokeAsync(_translate.Value, new KernelArguments { ["question"] = question.Trim(), ["language"] = languageName }, linked.Token))
                .GetValue<string>()?.Trim().Trim('"', '“', '”');
            return string.IsNullOrWhiteSpace(english) || english.Length > 4 * Math.Max(question.Length, 50) ? null : english;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            GenerationLog.Rejected(logger, $"translation {Outcome(e)}", Elapsed(started));
            return null;
        }
    }

    /// <summary>True when a chat model is configured.</summary>
    public bool IsEnabled { get; } = kernel.Services.GetService<IChatClient>() is not null;

    /// <summary>
    /// The extractive answer reworded by the model, or null to keep it. With <paramref name="stream"/>, each checked
    /// sentence is passed on as it arrives (the text so far); a later failure still returns null, and the caller's
    /// final message replaces what was streamed.
    /// </summary>
    /// <remarks>With <paramref name="languageName"/>, the English passages are answered in that language.</remarks>
    public async Task<Answer?> RewordAsync(
        string question, Answer extractive, Func<string, CancellationToken, Task>? stream, CancellationToken cancellationToken, string? languageName = null)
    {
        var started = timeProvider.GetTimestamp();
        var arguments = new KernelArguments { ["question"] = question.Trim(), [Passage.Argument] = Passage.From(extractive.Citations), ["language"] = languageName ?? "" };
        using var timeout = new CancellationTokenSource(options.Value.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        string reply;
        try
        {
            reply = stream is null
                ? (await kernel.InvokeAsync(_function.Value, arguments, linked.Token)).GetValue<string>() ?? ""
                : await StreamAsync(arguments, stream, linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // The model boundary: whatever fails here, the extractive answer still stands, and why is recorded.
            var outcome = Outcome(e);
            GenerationLog.Rejected(logger, outcome, Elapsed(started));
            return extractive with { GenerationFallback = outcome };
        }
        var verified = AnswerVerifier.Verify(reply, Passage.Texts(arguments[Passage.Argument]), out var answer);
        if (answer is null)
        {
            var outcome = GroundingFilter.Kebab(verified);
            GenerationLog.Rejected(logger, outcome, Elapsed(started));
            return extractive with { GenerationFallback = outcome };
        }
        GenerationLog.Answered(logger, answer.CitedPassages.Count, Elapsed(started));
        return Renumber(extractive, answer);
    }

    private async Task<string> StreamAsync(KernelArguments arguments, Func<string, CancellationToken, Task> stream, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        await foreach (var part in kernel.InvokeStreamingAsync<StreamingChatMessageContent>(_function.Value, arguments, cancellationToken))
        {
            text.Append(part.Content);
            await stream(text.ToString(), cancellationToken);
        }
        return text.ToString();
    }

    // Markers are renumbered in order of first use, so citations read [1], [2]…
    private static Answer Renumber(Answer extractive, GeneratedAnswer generated)
    {
        var positions = generated.CitedPassages.Select((passage, i) => (passage, position: i + 1)).ToDictionary(x => x.passage, x => x.position);
        var text = Marker().Replace(generated.Text, m => $"[{positions[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]}]");
        var citations = generated.CitedPassages.Select(p => extractive.Citations[p - 1] with { Position = positions[p] }).ToList();
        return extractive with { Text = text, Citations = citations, Mode = Advisor.GenerativeMode };
    }

    /// <summary>Why a model call was not used: a failed check's own outcome, a timeout, or a failure.</summary>
    private static string Outcome(Exception e) => e switch
    {
        GroundingException g => g.Outcome,
        OperationCanceledException => "timed-out",
        _ => "failed",
    };

    private double Elapsed(long started) => timeProvider.GetElapsedTime(started).TotalMilliseconds;

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Marker();
}
