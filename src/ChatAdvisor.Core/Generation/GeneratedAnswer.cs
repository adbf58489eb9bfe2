namespace ChatAdvisor.Generation;

/// <summary>
/// A model answer that passed verification. <see cref="Text"/> carries <c>[n]</c> markers, n being the 1-based
/// index into the passages given to <see cref="GenerativeAnswerer.AnswerAsync"/>; <see cref="CitedPassages"/> lists
/// each n once, in order of first use.
/// </summary>
public sealed record GeneratedAnswer(string Text, IReadOnlyList<int> CitedPassages);
