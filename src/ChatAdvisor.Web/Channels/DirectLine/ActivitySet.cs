using System.Globalization;
using System.Text;
using ChatAdvisor.Conversations;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>Writes <c>{ "activities": [...], "watermark": "n" }</c> straight from the stored activity JSON.</summary>
internal static class ActivitySet
{
    public static string Serialize(IReadOnlyList<TranscriptActivity> activities, long watermark)
    {
        var builder = new StringBuilder("{\"activities\":[");
        for (var i = 0; i < activities.Count; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append(activities[i].Json);
        }
        return builder.Append(CultureInfo.InvariantCulture, $"],\"watermark\":\"{watermark}\"}}").ToString();
    }
}
