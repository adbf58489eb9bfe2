using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatAdvisor.Web.Bot.Protocol;

/// <summary>
/// Reads a string out of client-supplied JSON without trusting its shape: a number, array or null anywhere on the
/// path gives null, where the indexers and <c>GetValue</c> would throw.
/// </summary>
public static class JsonPath
{
    public static string? StringAt(this JsonNode? node, params ReadOnlySpan<string> path)
    {
        foreach (var name in path)
        {
            node = node is JsonObject o && o.TryGetPropertyValue(name, out var child) ? child : null;
        }
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }
}
