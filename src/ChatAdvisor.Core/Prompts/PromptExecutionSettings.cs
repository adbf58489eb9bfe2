namespace ChatAdvisor.Prompts;

/// <summary>The <c>execution_settings.default</c> block of a prompt file; null means "use the model's default".</summary>
public sealed record PromptExecutionSettings
{
    public static PromptExecutionSettings Default { get; } = new();

    /// <summary>Sampling temperature, 0–2.</summary>
    public float? Temperature { get; init; }

    /// <summary>Upper bound on generated tokens (<c>max_tokens</c>).</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Nucleus sampling mass, 0–1.</summary>
    public float? TopP { get; init; }

    public float? PresencePenalty { get; init; }

    public float? FrequencyPenalty { get; init; }

    public IReadOnlyList<string> StopSequences { get; init; } = [];
}
