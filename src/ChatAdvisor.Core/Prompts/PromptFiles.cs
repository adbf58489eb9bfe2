using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ChatAdvisor.Knowledge;
using Microsoft.SemanticKernel;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ChatAdvisor.Prompts;

/// <summary>
/// Every <c>prompts/*.yaml</c> file as a Semantic Kernel <see cref="PromptTemplateConfig"/>, read when the host
/// starts. SK's own YAML loader is not available to this project, so YamlDotNet reads the file, the result goes to
/// <see cref="PromptTemplateConfig.FromJson(string)"/>, and the checks SK's loader would leave to the first call run here:
/// a bad file (malformed YAML, an unknown key, a format other than Handlebars, a variable used but not declared or
/// declared but never used) throws <see cref="InvalidOperationException"/> naming the file, which fails start-up.
/// </summary>
public sealed class PromptFiles
{
    private static readonly HashSet<string> s_keys = new(StringComparer.Ordinal)
    {
        "name", "description", "template_format", "template", "input_variables", "output_variable", "execution_settings",
    };

    private static readonly IDeserializer s_yaml = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();

    private readonly Dictionary<string, PromptTemplateConfig> _prompts = new(StringComparer.Ordinal);

    public PromptFiles(IOptions<PromptOptions> options, IHostEnvironment environment, ILogger<PromptFiles> logger)
    {
        Folder = ContentPaths.Resolve(options.Value.Path, environment);
        if (!Directory.Exists(Folder))
        {
            throw new InvalidOperationException($"Prompt folder '{Folder}' does not exist (Prompts:Path is '{options.Value.Path}').");
        }
        foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var config = Read(file);
            if (!_prompts.TryAdd(config.Name!, config))
            {
                throw Invalid(file, $"the name '{config.Name}' is already used by another file in '{Folder}'");
            }
        }
        PromptLog.Loaded(logger, _prompts.Count, Folder);
    }

    public string Folder { get; }

    public IReadOnlyCollection<PromptTemplateConfig> All => _prompts.Values;

    /// <exception cref="InvalidOperationException">No prompt file declares <paramref name="name"/>.</exception>
    public PromptTemplateConfig Get(string name) =>
        _prompts.TryGetValue(name, out var config) ? config : throw new InvalidOperationException($"No prompt named '{name}' in '{Folder}'.");

    internal static PromptTemplateConfig Read(string file)
    {
        object? document;
        try
        {
            document = s_yaml.Deserialize(new StringReader(File.ReadAllText(file)));
        }
        catch (YamlException e)
        {
            throw Invalid(file, $"YAML error at line {e.Start.Line}, column {e.Start.Column}: {(e.InnerException ?? e).Message}", e);
        }
        if (document is not Dictionary<object, object> root)
        {
            throw Invalid(file, "the file is not a YAML mapping");
        }
        if (root.Keys.Select(k => k.ToString()!).FirstOrDefault(k => !s_keys.Contains(k)) is { } unknown)
        {
            throw Invalid(file, $"unknown key '{unknown}'");
        }
        PromptTemplateConfig config;
        try
        {
            config = PromptTemplateConfig.FromJson(JsonSerializer.Serialize(ToJson(root)));
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw Invalid(file, e.Message, e);
        }
        var problem = Problem(config);
        return problem is null ? config : throw Invalid(file, problem);
    }

    private static string? Problem(PromptTemplateConfig config)
    {
        if (string.IsNullOrWhiteSpace(config.Name))
        {
            return "'name' is missing";
        }
        if (string.IsNullOrWhiteSpace(config.Template))
        {
            return "'template' is missing";
        }
        if (config.TemplateFormat != HandlebarsPromptTemplateFactory.Format)
        {
            return $"'template_format' must be '{HandlebarsPromptTemplateFactory.Format}', not '{config.TemplateFormat}'";
        }
        if (config.InputVariables.GroupBy(v => v.Name).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            return $"input variable '{duplicate.Key}' is declared twice";
        }
        IReadOnlySet<string> used;
        try
        {
            used = TemplateVariableScanner.RootVariables(config.Template);
        }
        catch (FormatException e)
        {
            return e.Message;
        }
        var undeclared = used.Where(u => config.InputVariables.All(d => d.Name != u)).Order(StringComparer.Ordinal).ToList();
        if (undeclared.Count > 0)
        {
            return $"the template uses undeclared variable(s) {string.Join(", ", undeclared)}";
        }
        var unused = config.InputVariables.Where(d => !used.Contains(d.Name)).Select(d => d.Name).ToList();
        return unused.Count > 0 ? $"declared variable(s) {string.Join(", ", unused)} are never used by the template" : null;
    }

    // YamlDotNet gives mappings with object keys and typed scalars; JSON wants string keys.
    private static object? ToJson(object? node) => node switch
    {
        Dictionary<object, object> map => map.ToDictionary(p => p.Key.ToString()!, p => ToJson(p.Value), StringComparer.Ordinal),
        List<object> list => list.Select(ToJson).ToList(),
        _ => node,
    };

    private static InvalidOperationException Invalid(string file, string problem, Exception? inner = null) =>
        new($"Prompt file '{file}' is invalid: {problem}.", inner);
}
