namespace ChatAdvisor.Advice;

/// <summary>
/// What the advisor says to one question. <see cref="Text"/> is Markdown with <c>[n]</c> citation markers.
/// <see cref="GenerationFallback"/> says why a configured model's answer was not used (e.g. <c>unsupported-figure</c>).
/// <see cref="TranslatedFrom"/> is set when a model wrote the answer in the visitor's language from guides in another
/// (a language without translated guides): the language of the guides cited.
/// </summary>
public sealed record Answer(
    AnswerKind Kind,
    string Text,
    IReadOnlyList<Citation> Citations,
    double Confidence,
    IReadOnlyList<string> SuggestedQuestions,
    string Mode,
    AdviceContext Context,
    string? GenerationFallback = null,
    string? TranslatedFrom = null);

public enum AnswerKind
{
    Answered,
    Abstained,
}
