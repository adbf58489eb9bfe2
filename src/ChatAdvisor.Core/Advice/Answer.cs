namespace ChatAdvisor.Advice;

/// <summary>What the advisor says to one question. <see cref="Text"/> is Markdown with <c>[n]</c> citation markers.</summary>
public sealed record Answer(
    AnswerKind Kind,
    string Text,
    IReadOnlyList<Citation> Citations,
    double Confidence,
    IReadOnlyList<string> SuggestedQuestions,
    string Mode,
    AdviceContext Context);

public enum AnswerKind
{
    Answered,
    Abstained,
}
