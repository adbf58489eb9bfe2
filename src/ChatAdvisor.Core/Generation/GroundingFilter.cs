using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ChatAdvisor.Generation;

/// <summary>
/// The grounding checks on the generative <c>answer</c> function, as a Semantic Kernel filter. A whole reply must
/// cite passages that exist and state no figure its cited passages lack. A streamed reply is released sentence by
/// sentence, each checked (every figure in a retrieved passage) before it goes out, and checked whole at its end; a
/// failed check throws <see cref="GroundingException"/>, so the caller keeps the extractive answer.
/// </summary>
internal sealed partial class GroundingFilter : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        await next(context);
        if (context.Function.Name != AnswerGeneration.FunctionName)
        {
            return;
        }
        var passages = Passage.Texts(context.Arguments.GetValueOrDefault(Passage.Argument));
        if (context.IsStreaming)
        {
            var stream = context.Result.GetValue<IAsyncEnumerable<StreamingChatMessageContent>>()
                ?? throw new GroundingException("empty-reply");
            context.Result = new FunctionResult(context.Result, Checked(stream, passages));
            return;
        }
        var outcome = AnswerVerifier.Verify(context.Result.GetValue<string>(), passages, out _);
        if (outcome != GenerationOutcome.Answered)
        {
            throw new GroundingException(Kebab(outcome));
        }
    }

    internal static string Kebab(GenerationOutcome outcome) =>
        string.Concat(outcome.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));

    private static async IAsyncEnumerable<StreamingChatMessageContent> Checked(
        IAsyncEnumerable<StreamingChatMessageContent> stream, IReadOnlyList<string> passages, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var allowed = passages.SelectMany(AnswerVerifier.Figures).ToHashSet(StringComparer.Ordinal);
        var whole = new StringBuilder();
        var pending = new StringBuilder();
        await foreach (var part in stream.WithCancellation(cancellationToken))
        {
            pending.Append(part.Content);
            whole.Append(part.Content);
            if (whole.ToString().Contains(AnswerVerifier.NoAnswerToken, StringComparison.Ordinal))
            {
                throw new GroundingException(Kebab(GenerationOutcome.NoAnswer));
            }
            while (SentenceEnd(pending) is var end and > 0)
            {
                var sentence = pending.ToString(0, end);
                pending.Remove(0, end);
                if (AnswerVerifier.Figures(AnswerVerifier.WithoutMarkers(sentence)).Any(f => !allowed.Contains(f)))
                {
                    throw new GroundingException(Kebab(GenerationOutcome.UnsupportedFigure));
                }
                yield return new StreamingChatMessageContent(AuthorRole.Assistant, sentence);
            }
        }
        var outcome = AnswerVerifier.Verify(whole.ToString(), passages, out _);
        if (outcome != GenerationOutcome.Answered)
        {
            throw new GroundingException(Kebab(outcome));
        }
        if (pending.Length > 0)
        {
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, pending.ToString());
        }
    }

    /// <summary>The length of the first complete sentence, its citation markers and the space after it; 0 if none yet.</summary>
    private static int SentenceEnd(StringBuilder text)
    {
        var match = CompleteSentence().Match(text.ToString());
        return match.Success ? match.Length : 0;
    }

    // A sentence is complete once something other than a marker follows its full stop (or line end).
    [GeneratedRegex(@"^.*?(?:[.!?](?:\s*\[\d+\])*|\n)\s+(?=[^\s\[])", RegexOptions.Singleline)]
    private static partial Regex CompleteSentence();
}
