using System.Globalization;
using System.Text;
using ChatAdvisor.Knowledge;

/// <summary>
/// Writes the real guides plus synthetic ones whose sections reuse the real vocabulary mixed with thousands of
/// made-up words, so the index and the typo repair work on a realistically large vocabulary.
/// </summary>
internal static class SyntheticKnowledge
{
    public static void Write(string realFolder, string target, int guides, int sectionsPerGuide)
    {
        foreach (var file in Directory.EnumerateFiles(realFolder, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(realFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        var random = new Random(20261123);
        var realWords = Directory.EnumerateFiles(realFolder, "*.md", SearchOption.AllDirectories)
            .SelectMany(f => TextAnalyzer.Words(File.ReadAllText(f))).Where(w => w.Length > 3 && !char.IsDigit(w[0])).Distinct().ToArray();
        var madeUp = Enumerable.Range(0, 8000).Select(_ => MadeUpWord(random)).Distinct().ToArray();
        var folder = Path.Combine(target, "synthetic");
        Directory.CreateDirectory(folder);
        for (var g = 0; g < guides; g++)
        {
            var role = $"{Capitalise(madeUp[random.Next(madeUp.Length)])} Specialist {g}";
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"---\nid: synthetic-{g}\ntitle: {role} guide\nrole: {role}\naliases: []\nsource: synthetic\nlast_reviewed: 2026-11-23\n---\n# {role}\n\n");
            for (var s = 0; s < sectionsPerGuide; s++)
            {
                text.Append(CultureInfo.InvariantCulture, $"## {Sentence(random, realWords, madeUp, 4).TrimEnd('.')} {{#section-{s}}}\n");
                text.Append(CultureInfo.InvariantCulture, $"Also asked: {Sentence(random, realWords, madeUp, 6).TrimEnd('.')}?\n\n");
                for (var p = 0; p < 4; p++)
                {
                    text.Append(Sentence(random, realWords, madeUp, 18)).Append('\n');
                }
                text.Append('\n');
            }
            File.WriteAllText(Path.Combine(folder, $"synthetic-{g}.md"), text.ToString());
        }
    }

    private static string Sentence(Random random, string[] realWords, string[] madeUp, int length)
    {
        var words = Enumerable.Range(0, length).Select(_ => random.Next(3) == 0 ? madeUp[random.Next(madeUp.Length)] : realWords[random.Next(realWords.Length)]);
        return Capitalise(string.Join(' ', words)) + ".";
    }

    private static string MadeUpWord(Random random)
    {
        const string consonants = "bcdfghklmnprstvz";
        const string vowels = "aeiou";
        var length = random.Next(3, 6);
        var word = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            word.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
        }
        return word.ToString();
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
