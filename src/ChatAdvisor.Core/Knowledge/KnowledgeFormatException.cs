namespace ChatAdvisor.Knowledge;

/// <summary>A knowledge file that cannot be used, with the file and line to fix.</summary>
public sealed class KnowledgeFormatException(string file, int line, string message)
    : Exception($"{file}:{line}: {message}")
{
    public string File { get; } = file;

    public int Line { get; } = line;
}
