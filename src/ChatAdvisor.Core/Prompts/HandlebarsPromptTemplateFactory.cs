using System.Diagnostics.CodeAnalysis;
using HandlebarsDotNet;
using Microsoft.SemanticKernel;

namespace ChatAdvisor.Prompts;

/// <summary>
/// Semantic Kernel's <c>handlebars</c> template format over Handlebars.Net (SK's own Handlebars package is not
/// available to this project). HTML escaping stays on: a question or passage containing
/// <c>&lt;/message&gt;&lt;message role="system"&gt;</c> arrives as text inside its message, because SK reads the
/// rendered prompt as XML and decodes the entities only after it has split the messages.
/// </summary>
public sealed class HandlebarsPromptTemplateFactory : IPromptTemplateFactory
{
    public const string Format = "handlebars";

    private readonly IHandlebars _handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });

    public bool TryCreate(PromptTemplateConfig templateConfig, [NotNullWhen(true)] out IPromptTemplate? result)
    {
        ArgumentNullException.ThrowIfNull(templateConfig);
        result = templateConfig.TemplateFormat == Format ? new Template(templateConfig, _handlebars.Compile(templateConfig.Template)) : null;
        return result is not null;
    }

    private sealed class Template(PromptTemplateConfig config, HandlebarsTemplate<object, object> render) : IPromptTemplate
    {
        public Task<string> RenderAsync(Kernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            var missing = new List<string>();
            foreach (var variable in config.InputVariables)
            {
                var value = arguments is not null && arguments.TryGetValue(variable.Name, out var given) ? given : null;
                if (value is null && variable.IsRequired && variable.Default is null)
                {
                    missing.Add(variable.Name);
                }
                values[variable.Name] = value ?? variable.Default;
            }
            if (missing.Count > 0)
            {
                throw new KernelException($"Prompt '{config.Name}' requires {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
            }
            return Task.FromResult(render(values));
        }
    }
}
