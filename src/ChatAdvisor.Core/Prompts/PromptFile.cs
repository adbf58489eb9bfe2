namespace ChatAdvisor.Prompts;

// The Semantic Kernel prompt-YAML schema as YamlDotNet binds it (snake_case keys). Unknown keys fail the load,
// so a misspelt setting such as "max_token" is caught at startup instead of being silently ignored.
internal sealed class PromptFile
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? TemplateFormat { get; set; }

    public string? Template { get; set; }

    public List<PromptFileVariable>? InputVariables { get; set; }

    public PromptFileOutput? OutputVariable { get; set; }

    public Dictionary<string, PromptFileSettings>? ExecutionSettings { get; set; }
}

internal sealed class PromptFileVariable
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool IsRequired { get; set; } = true;

    public string? Default { get; set; }
}

internal sealed class PromptFileOutput
{
    public string? Description { get; set; }
}

internal sealed class PromptFileSettings
{
    public float? Temperature { get; set; }

    public int? MaxTokens { get; set; }

    public float? TopP { get; set; }

    public float? PresencePenalty { get; set; }

    public float? FrequencyPenalty { get; set; }

    public List<string>? StopSequences { get; set; }
}
