using System.Collections.Concurrent;
using ChatAdvisor.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>
/// How many files and bytes each conversation has uploaded, so one visitor cannot fill the disk: at most
/// <see cref="InputLimitsOptions.MaxAttachmentsPerConversation"/> files in all and
/// <see cref="InputLimitsOptions.MaxUploadBytesPerConversationPerHour"/> in any hour. Kept per instance in memory;
/// the attachment sweep forgets conversations that have been quiet for a day.
/// </summary>
public sealed class UploadBudget(IOptions<InputLimitsOptions> options, TimeProvider time)
{
    private static readonly TimeSpan s_window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, Usage> _usage = new(StringComparer.Ordinal);

    /// <summary>Takes the files from the budget, or says why they do not fit (and takes nothing).</summary>
    public string? TryTake(string conversationId, IReadOnlyCollection<long> fileSizes)
    {
        var limits = options.Value;
        var now = time.GetUtcNow();
        var usage = _usage.GetOrAdd(conversationId, _ => new Usage());
        lock (usage)
        {
            usage.Recent.RemoveAll(u => u.At <= now - s_window);
            if (usage.Files + fileSizes.Count > limits.MaxAttachmentsPerConversation)
            {
                return $"This conversation has reached its limit of {limits.MaxAttachmentsPerConversation} files.";
            }
            if (usage.Recent.Sum(u => u.Bytes) + fileSizes.Sum() > limits.MaxUploadBytesPerConversationPerHour)
            {
                return $"This conversation may upload at most {limits.MaxUploadBytesPerConversationPerHour / (1024 * 1024)} MB per hour; please try again later.";
            }
            usage.Files += fileSizes.Count;
            usage.Recent.Add((now, fileSizes.Sum()));
            usage.LastUpload = now;
            return null;
        }
    }

    /// <summary>Forgets conversations with no upload for a day, so the table does not grow without end.</summary>
    public void Forget(TimeSpan quietFor)
    {
        var cutoff = time.GetUtcNow() - quietFor;
        foreach (var (id, usage) in _usage)
        {
            if (usage.LastUpload < cutoff)
            {
                _usage.TryRemove(id, out _);
            }
        }
    }

    private sealed class Usage
    {
        public int Files { get; set; }

        public DateTimeOffset LastUpload { get; set; }

        public List<(DateTimeOffset At, long Bytes)> Recent { get; } = [];
    }
}
