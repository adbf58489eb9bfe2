using System.Text.RegularExpressions;

namespace ChatAdvisor.Prompts;

/// <summary>
/// Finds the root-context variables a Handlebars template reads, so the library can compare them with the declared
/// inputs. Inside <c>#each</c>/<c>#with</c> bare names belong to the item, so only <c>../</c> or <c>@root.</c>
/// paths that climb back to the root count there.
/// </summary>
internal static partial class TemplateVariableScanner
{
    private static readonly HashSet<string> s_contextBlocks = new(StringComparer.Ordinal) { "each", "with" };
    private static readonly HashSet<string> s_literals = new(StringComparer.Ordinal) { "true", "false", "null", "undefined" };

    /// <exception cref="FormatException">The template uses a construct the library does not support (partials).</exception>
    public static IReadOnlySet<string> RootVariables(string template)
    {
        var variables = new HashSet<string>(StringComparer.Ordinal);
        // One entry per open block: true while the block has its own context (the body of #each or #with).
        var blocks = new Stack<bool>();
        foreach (Match match in Mustache().Matches(Comment().Replace(template, string.Empty)))
        {
            var body = match.Groups["body"].Value.Trim();
            if (body.Length == 0)
            {
                continue;
            }
            var depth = blocks.Count(changesContext => changesContext);
            switch (body[0])
            {
                case '#' or '^' when body != "^":
                    var tokens = Tokenize(body[1..]);
                    var isContextBlock = body[0] == '#' && tokens.Count > 0 && s_contextBlocks.Contains(tokens[0]);
                    AddReferences(variables, body[0] == '^' ? tokens : tokens.Skip(1), depth);
                    blocks.Push(isContextBlock);
                    break;
                case '/':
                    blocks.TryPop(out _);
                    break;
                case '>':
                    throw new FormatException($"partials are not supported ('{{{{{body}}}}}')");
                case '&':
                    AddReferences(variables, Tokenize(body[1..]), depth);
                    break;
                default:
                    AddExpression(variables, blocks, body, depth);
                    break;
            }
        }
        return variables;
    }

    private static void AddExpression(HashSet<string> variables, Stack<bool> blocks, string body, int depth)
    {
        var tokens = Tokenize(body);
        if (tokens.Count == 0)
        {
            return;
        }
        if (body == "^" || tokens[0] == "else")
        {
            // The else branch of #each/#with runs in the enclosing context.
            if (blocks.TryPop(out var changesContext))
            {
                depth -= changesContext ? 1 : 0;
                blocks.Push(false);
            }
            AddReferences(variables, tokens.Skip(2), depth);
            return;
        }
        AddReferences(variables, tokens.Count == 1 ? tokens : tokens.Skip(1), depth);
    }

    private static void AddReferences(HashSet<string> variables, IEnumerable<string> tokens, int depth)
    {
        var afterParenthesis = false;
        foreach (var raw in tokens)
        {
            if (raw == "as")
            {
                return; // block parameters (as |item index|) name locals, not inputs
            }
            if (raw is "(" or ")")
            {
                afterParenthesis = raw == "(";
                continue;
            }
            if (afterParenthesis)
            {
                afterParenthesis = false; // a subexpression's helper name
                continue;
            }
            var token = raw.Contains('=', StringComparison.Ordinal) ? raw[(raw.IndexOf('=', StringComparison.Ordinal) + 1)..] : raw;
            if (RootName(token, depth) is { } name)
            {
                variables.Add(name);
            }
        }
    }

    private static string? RootName(string token, int depth)
    {
        if (token.Length == 0 || token[0] is '"' or '\'' or '-' || char.IsAsciiDigit(token[0]) || s_literals.Contains(token))
        {
            return null;
        }
        if (token.StartsWith("@root.", StringComparison.Ordinal))
        {
            return FirstSegment(token["@root.".Length..]);
        }
        if (token[0] == '@')
        {
            return null; // @index, @key, @first, @last
        }
        while (token.StartsWith("../", StringComparison.Ordinal))
        {
            token = token[3..];
            depth--;
        }
        token = token.StartsWith("this.", StringComparison.Ordinal) ? token[5..] : token.StartsWith("./", StringComparison.Ordinal) ? token[2..] : token;
        return depth > 0 || token is "this" or "." or "" ? null : FirstSegment(token);
    }

    private static string FirstSegment(string path) => path.Split(['.', '/', '['], 2)[0];

    private static List<string> Tokenize(string expression) =>
        Token().Matches(expression.TrimEnd('~').TrimStart('~')).Select(m => m.Value).ToList();

    [GeneratedRegex(@"\{\{~?!--.*?--~?\}\}|\{\{~?![^}]*\}\}", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"(?<!\\)\{\{\{?~?(?<body>.*?)~?\}?\}\}", RegexOptions.Singleline)]
    private static partial Regex Mustache();

    [GeneratedRegex(@"""[^""]*""|'[^']*'|[()]|[^\s()""']+")]
    private static partial Regex Token();
}
