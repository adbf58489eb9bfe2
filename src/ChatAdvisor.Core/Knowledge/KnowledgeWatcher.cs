using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Knowledge;

/// <summary>Loads the index at start-up and reloads it, after a short quiet time, whenever a knowledge file changes.</summary>
public sealed class KnowledgeWatcher(
    KnowledgeBase knowledge,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await knowledge.ReloadAsync(stoppingToken);
        if (!options.Value.WatchForChanges || !Directory.Exists(knowledge.Folder))
        {
            return;
        }
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = new FileSystemWatcher(knowledge.Folder) { IncludeSubdirectories = true };
        FileSystemEventHandler onChange = (_, _) => changes.Writer.TryWrite(true);
        watcher.Changed += onChange;
        watcher.Created += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (_, _) => changes.Writer.TryWrite(true);
        watcher.EnableRaisingEvents = true;

        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            // Editors save in several steps; wait until the folder is quiet.
            do
            {
                changes.Reader.TryRead(out _);
                await Task.Delay(options.Value.ReloadDelay, time, stoppingToken);
            }
            while (changes.Reader.TryRead(out _));
            try
            {
                await knowledge.ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                KnowledgeLog.ReloadFailed(logger, ex);
            }
        }
    }
}
