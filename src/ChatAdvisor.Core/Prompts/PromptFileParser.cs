using System.Text.RegularExpressions;
using HandlebarsDotNet;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatAdvisor.Prompts;

/// <summary>Reads and validates one Semantic Kernel prompt-YAML file; every problem names the file.</summary>
internal static partial class PromptFileParser
{
    public const string HandlebarsFormat = "handlebars";
    private const string DefaultSettingsKey = "default";

    private static readonly IDeserializer s_yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static PromptTemplate Parse(string file, IHandlebars handlebars)
    {
        var prompt = Read(file);
        prompt.InputVariables ??= [];
        var problem = Problem(prompt);
        if (problem is not null)
        {
            throw Invalid(file, problem);
        }
        var source = prompt.Template!;
        try
        {
            var variables = prompt.InputVariables!
                .Select(v => new PromptInputVariable(v.Name!, v.Description ?? string.Empty, v.IsRequired, v.Default))
                .ToList();
            CheckVariables(variables, TemplateVariableScanner.RootVariables(source));
            return new PromptTemplate(
                prompt.Name!,
                prompt.Description ?? string.Empty,
                source,
                variables,
                Settings(prompt.ExecutionSettings),
                handlebars.Compile(source),
                Messages(source).Select(m => (m.Role, handlebars.Compile(m.Body))).ToList());
        }
        catch (Exception e) when (e is HandlebarsException or FormatException)
        {
            throw Invalid(file, e.Message, e);
        }
    }

    private static PromptFile Read(string file)
    {
        try
        {
            return s_yaml.Deserialize<PromptFile?>(File.ReadAllText(file)) ?? throw Invalid(file, "the file is empty");
        }
        catch (YamlException e)
        {
            throw Invalid(file, $"YAML error at line {e.Start.Line}, column {e.Start.Column}: {(e.InnerException ?? e).Message}", e);
        }
    }

    private static string? Problem(PromptFile prompt)
    {
        if (string.IsNullOrWhiteSpace(prompt.Name))
        {
            return "'name' is missing";
        }
        if (string.IsNullOrWhiteSpace(prompt.Template))
        {
            return "'template' is missing";
        }
        if (!string.Equals(prompt.TemplateFormat, HandlebarsFormat, StringComparison.Ordinal))
        {
            return $"'template_format' must be '{HandlebarsFormat}', not '{prompt.TemplateFormat}'";
        }
        if (prompt.InputVariables!.FirstOrDefault(v => v.Name is null || !Identifier().IsMatch(v.Name)) is { } bad)
        {
            return $"input variable name '{bad.Name}' is not an identifier";
        }
        if (prompt.InputVariables!.GroupBy(v => v.Name).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            return $"input variable '{duplicate.Key}' is declared twice";
        }
        if (prompt.ExecutionSettings?.Keys.FirstOrDefault(k => k != DefaultSettingsKey) is { } key)
        {
            return $"execution_settings has '{key}'; only '{DefaultSettingsKey}' is supported";
        }
        var settings = prompt.ExecutionSettings?.GetValueOrDefault(DefaultSettingsKey);
        return settings switch
        {
            { Temperature: < 0 or > 2 } => "temperature must be between 0 and 2",
            { TopP: < 0 or > 1 } => "top_p must be between 0 and 1",
            { MaxTokens: < 1 } => "max_tokens must be positive",
            _ => null,
        };
    }

    private static void CheckVariables(IReadOnlyList<PromptInputVariable> declared, IReadOnlySet<string> used)
    {
        var undeclared = used.Where(u => declared.All(d => d.Name != u)).Order(StringComparer.Ordinal).ToList();
        if (undeclared.Count > 0)
        {
            throw new FormatException($"the template uses undeclared variable(s) {string.Join(", ", undeclared)}");
        }
        var unused = declared.Where(d => !used.Contains(d.Name)).Select(d => d.Name).ToList();
        if (unused.Count > 0)
        {
            throw new FormatException($"declared variable(s) {string.Join(", ", unused)} are never used by the template");
        }
    }

    private static PromptExecutionSettings Settings(Dictionary<string, PromptFileSettings>? settings) =>
        settings?.GetValueOrDefault(DefaultSettingsKey) is { } s
            ? new PromptExecutionSettings
            {
                Temperature = s.Temperature,
                MaxTokens = s.MaxTokens,
                TopP = s.TopP,
                PresencePenalty = s.PresencePenalty,
                FrequencyPenalty = s.FrequencyPenalty,
                StopSequences = s.StopSequences ?? [],
            }
            : PromptExecutionSettings.Default;

    // Split on the template text, before any value is inserted, so a value can never open a new message.
    private static List<(PromptRole Role, string Body)> Messages(string source)
    {
        var matches = MessageBlock().Matches(source);
        if (matches.Count == 0)
        {
            return source.Contains("<message", StringComparison.Ordinal)
                ? throw new FormatException("a <message> tag is not of the form <message role=\"system|user|assistant\">…</message>")
                : [(PromptRole.User, source)];
        }
        if (MessageBlock().Replace(source, string.Empty).Trim().Length > 0)
        {
            throw new FormatException("text outside the <message> blocks");
        }
        return matches.Select(m => (Enum.Parse<PromptRole>(m.Groups["role"].Value, ignoreCase: true), m.Groups["body"].Value)).ToList();
    }

    private static InvalidOperationException Invalid(string file, string problem, Exception? inner = null) =>
        new($"Prompt file '{file}' is invalid: {problem}.", inner);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("""<message\s+role\s*=\s*"(?<role>system|user|assistant)"\s*>(?<body>.*?)</message>""", RegexOptions.Singleline)]
    private static partial Regex MessageBlock();
}
