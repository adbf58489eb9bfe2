namespace ChatAdvisor.Advice;

/// <summary>
/// What the advisor says to one question. <see cref="Text"/> is Markdown with <c>[n]</c> citation markers.
/// <see cref="GenerationFallback"/> says why a configured model's answer was not used (e.g. <c>unsupported-figure</c>).
/// </summary>
public sealed record Answer(
    AnswerKind Kind,
    string Text,
    IReadOnlyList<Citation> Citations,
    double Confidence,
    IReadOnlyList<string> SuggestedQuestions,
    string Mode,
    AdviceContext Context,
    string? GenerationFallback = null);

public enum AnswerKind
{
    Answered,
    Abstained,
}
