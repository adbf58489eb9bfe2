using System.Text;
using ChatAdvisor.Knowledge;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ChatAdvisor.Languages;

/// <summary>
/// What the bot says in one language outside the guides' own text: the welcome and AI disclosure, declines,
/// hand-offs. English is built in (<see cref="MessageKeys"/>); a translation is <c>knowledge/&lt;code&gt;/messages.yaml</c>,
/// one <c>key: text</c> per message, with the same <c>{placeholders}</c>. A key a translation lacks is said in English.
/// </summary>
public sealed class MessageSet
{
    private readonly IReadOnlyDictionary<string, string> _texts;
    private readonly MessageSet? _fallback;

    private MessageSet(string language, IReadOnlyDictionary<string, string> texts, MessageSet? fallback)
    {
        Language = language;
        _texts = texts;
        _fallback = fallback;
    }

    public static MessageSet English { get; } = new("en", MessageKeys.English, null);

    public string Language { get; }

    /// <summary>The keys this set translates itself (not through English).</summary>
    public IEnumerable<string> OwnKeys => _texts.Keys;

    public string Get(string key, params (string Name, string Value)[] values)
    {
        var template = _texts.GetValueOrDefault(key) ?? _fallback?._texts.GetValueOrDefault(key)
            ?? throw new KeyNotFoundException($"No message '{key}'.");
        if (values.Length == 0)
        {
            return template;
        }
        var text = new StringBuilder(template);
        foreach (var (name, value) in values)
        {
            text.Replace("{" + name + "}", value);
        }
        return text.ToString();
    }

    /// <summary>A translation file: every key must be one English has, with the same placeholders.</summary>
    public static MessageSet Parse(string language, string yaml, string file)
    {
        Dictionary<string, string>? texts;
        try
        {
            texts = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>(yaml);
        }
        catch (YamlException ex)
        {
            throw new KnowledgeFormatException(file, (int)ex.Start.Line + 1, ex.Message);
        }
        texts ??= [];
        foreach (var (key, text) in texts)
        {
            if (!MessageKeys.English.TryGetValue(key, out var english))
            {
                throw new KnowledgeFormatException(file, 1, $"'{key}' is not a message key (see the English keys in knowledge/README.md)");
            }
            var expected = Placeholders(english);
            if (!expected.SetEquals(Placeholders(text ?? "")))
            {
                throw new KnowledgeFormatException(file, 1, $"'{key}' must use the placeholders {string.Join(", ", expected.Order().Select(p => "{" + p + "}"))}");
            }
        }
        return new MessageSet(language, texts.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value.TrimEnd(), StringComparer.Ordinal), English);
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{([a-z]+)\}").Select(m => m.Groups[1].Value)];
}
