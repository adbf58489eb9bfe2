using HandlebarsDotNet;

namespace ChatAdvisor.Prompts;

/// <summary>
/// A validated prompt from <c>prompts/*.yaml</c>, compiled once. Values are inserted verbatim (no HTML escaping)
/// and never re-parsed, so a question that contains <c>{{...}}</c> or <c>&lt;message&gt;</c> stays plain text.
/// </summary>
public sealed class PromptTemplate
{
    private readonly HandlebarsTemplate<object, object> _whole;
    private readonly IReadOnlyList<(PromptRole Role, HandlebarsTemplate<object, object> Render)> _messages;

    internal PromptTemplate(
        string name,
        string description,
        string source,
        IReadOnlyList<PromptInputVariable> inputVariables,
        PromptExecutionSettings executionSettings,
        HandlebarsTemplate<object, object> whole,
        IReadOnlyList<(PromptRole Role, HandlebarsTemplate<object, object> Render)> messages)
    {
        Name = name;
        Description = description;
        Source = source;
        InputVariables = inputVariables;
        ExecutionSettings = executionSettings;
        _whole = whole;
        _messages = messages;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>The template text as written in the file.</summary>
    public string Source { get; }

    public IReadOnlyList<PromptInputVariable> InputVariables { get; }

    public PromptExecutionSettings ExecutionSettings { get; }

    /// <summary>Renders the whole template, message tags included, as one string.</summary>
    /// <exception cref="ArgumentException">A required variable is missing or null, or a value is not declared.</exception>
    public string Render(IReadOnlyDictionary<string, object?> values) => _whole(Bind(values));

    /// <summary>
    /// Renders one message per <c>&lt;message role="system|user|assistant"&gt;</c> block; a template without
    /// message blocks becomes a single user message.
    /// </summary>
    /// <exception cref="ArgumentException">A required variable is missing or null, or a value is not declared.</exception>
    public IReadOnlyList<PromptMessage> RenderMessages(IReadOnlyDictionary<string, object?> values)
    {
        var context = Bind(values);
        return _messages.Select(m => new PromptMessage(m.Role, m.Render(context).Trim())).ToList();
    }

    private Dictionary<string, object?> Bind(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var undeclared = values.Keys.Where(k => InputVariables.All(v => v.Name != k)).ToList();
        if (undeclared.Count > 0)
        {
            throw new ArgumentException($"Prompt '{Name}' does not declare {Join(undeclared)}.", nameof(values));
        }
        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var variable in InputVariables)
        {
            var value = values.GetValueOrDefault(variable.Name);
            if (value is null && variable.IsRequired)
            {
                missing.Add(variable.Name);
            }
            context[variable.Name] = value ?? variable.Default;
        }
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Prompt '{Name}' requires {Join(missing)}.", nameof(values));
        }
        return context;
    }

    private static string Join(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
