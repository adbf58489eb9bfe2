namespace ChatAdvisor.Prompts;

/// <summary>
/// A declared template input (<c>input_variables</c> entry). <see cref="Default"/> is used when the caller passes
/// no value; a required variable never falls back to it.
/// </summary>
public sealed record PromptInputVariable(string Name, string Description, bool IsRequired, string? Default);
