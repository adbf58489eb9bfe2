using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ChatAdvisor.Knowledge;

/// <summary>Example phrasings of each hand-off intent, from <c>knowledge/intents.yaml</c> (intent → list of examples).</summary>
public sealed record IntentExamples(IReadOnlyList<(string Intent, string Text)> Examples)
{
    public static readonly IntentExamples Empty = new([]);

    /// <exception cref="KnowledgeFormatException">The file is not a mapping of names to lists of strings.</exception>
    public static IntentExamples Parse(string yaml, string file)
    {
        try
        {
            var map = new DeserializerBuilder().Build().Deserialize<Dictionary<string, List<string>>?>(yaml) ?? [];
            return new([.. map.SelectMany(p => (p.Value ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => (p.Key, t.Trim())))]);
        }
        catch (YamlException e)
        {
            throw new KnowledgeFormatException(file, (int)e.Start.Line, $"expected intent names with lists of examples ({(e.InnerException ?? e).Message})");
        }
    }
}
