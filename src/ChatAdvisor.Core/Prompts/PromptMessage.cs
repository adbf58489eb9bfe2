namespace ChatAdvisor.Prompts;

/// <summary>One chat message of a rendered prompt, from a <c>&lt;message role="..."&gt;</c> block of the template.</summary>
public sealed record PromptMessage(PromptRole Role, string Text);

public enum PromptRole
{
    System,
    User,
    Assistant,
}
