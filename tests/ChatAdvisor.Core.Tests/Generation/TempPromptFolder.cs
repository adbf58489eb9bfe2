namespace ChatAdvisor.Core.Tests.Generation;

/// <summary>A throw-away folder of prompt files, deleted on dispose.</summary>
public sealed class TempPromptFolder : IDisposable
{
    public TempPromptFolder()
    {
        Directory.CreateDirectory(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chatadvisor-prompts-" + Guid.NewGuid().ToString("N"));

    public TempPromptFolder Write(string fileName, string yaml)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), yaml.ReplaceLineEndings("\n"));
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
