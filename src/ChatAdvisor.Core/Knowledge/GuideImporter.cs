namespace ChatAdvisor.Knowledge;

/// <summary>Chooses the reader for a knowledge file by its extension.</summary>
public static class GuideImporter
{
    public static bool CanImport(string path) =>
        System.IO.Path.GetExtension(path).Equals(".md", StringComparison.OrdinalIgnoreCase);

    public static KnowledgeDocument Import(string path, string displayName) =>
        GuideParser.Parse(File.ReadAllText(path), displayName);
}
