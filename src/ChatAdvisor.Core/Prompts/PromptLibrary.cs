using System.Diagnostics.CodeAnalysis;
using HandlebarsDotNet;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Prompts;

/// <summary>
/// Every <c>*.yaml</c> prompt (Semantic Kernel prompt-YAML, Handlebars templates) in <see cref="PromptOptions.Path"/>,
/// loaded and validated when the library is constructed. Any bad file throws <see cref="InvalidOperationException"/>
/// naming the file and the problem, which fails host startup.
/// </summary>
public sealed class PromptLibrary
{
    private readonly Dictionary<string, PromptTemplate> _templates = new(StringComparer.Ordinal);

    public PromptLibrary(IOptions<PromptOptions> options, IHostEnvironment environment, ILogger<PromptLibrary> logger)
    {
        Folder = Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        if (!Directory.Exists(Folder))
        {
            throw new InvalidOperationException($"Prompt folder '{Folder}' does not exist (Prompts:Path is '{options.Value.Path}').");
        }
        // NoEscape: the output is a prompt, not HTML, so "&" or "<" in a guide must reach the model unchanged.
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var template = PromptFileParser.Parse(file, handlebars);
            if (!_templates.TryAdd(template.Name, template))
            {
                throw new InvalidOperationException(
                    $"Prompt file '{file}' is invalid: the name '{template.Name}' is already used by another file in '{Folder}'.");
            }
        }
        PromptLog.Loaded(logger, _templates.Count, Folder);
    }

    /// <summary>The absolute folder the prompts were loaded from.</summary>
    public string Folder { get; }

    public IReadOnlyCollection<PromptTemplate> Templates => _templates.Values;

    /// <exception cref="InvalidOperationException">No prompt file declares <paramref name="name"/>.</exception>
    public PromptTemplate Get(string name) =>
        TryGet(name, out var template)
            ? template
            : throw new InvalidOperationException($"No prompt named '{name}' in '{Folder}'.");

    public bool TryGet(string name, [NotNullWhen(true)] out PromptTemplate? template) =>
        _templates.TryGetValue(name, out template);
}
