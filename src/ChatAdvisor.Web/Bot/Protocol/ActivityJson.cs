using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatAdvisor.Web.Bot.Protocol;

/// <summary>Reads activities case-insensitively and writes camelCase without nulls (spec 1.1).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 128)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(IReadOnlyList<Activity>))]
public sealed partial class ActivityJson : JsonSerializerContext
{
    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Default.Activity);

    public static Activity? Deserialize(string json) => JsonSerializer.Deserialize(json, Default.Activity);
}
