using ChatAdvisor.Cvs;

namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>Damaged files of every kind get a verdict, never an exception.</summary>
public sealed class CvFileFuzzTests
{
    public static TheoryData<string> Kinds() => ["pdf", "docx", "odt", "doc", "text", "pdf-objects", "pdf-links", "rtf", "docx-fields"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CorruptedFilesAreJudgedWithoutThrowing(string kind)
    {
        var original = kind switch
        {
            "pdf" => CvSamples.Pdf(encrypted: true),
            "docx" => CvSamples.Docx(),
            "odt" => CvSamples.Odt(),
            "doc" => CompoundFileWriter.Build(new("WordDocument", CompoundFileWriter.WordDocumentStream()), new("1Table", new byte[10])),
            "pdf-objects" => HostileCvSamples.PdfJavaScriptInObjectStream(),
            "pdf-links" => HostileCvSamples.PdfWithScaryWordsInStrings(),
            "rtf" => HostileCvSamples.RtfObfuscatedRemoteInclude(),
            "docx-fields" => HostileCvSamples.DocxWithDdeField(),
            _ => CvSamples.Text(),
        };
        var random = new Random(kind.Length * 7919);
        for (var round = 0; round < 400; round++)
        {
            var damaged = (byte[])original.Clone();
            var changes = 1 + random.Next(8);
            for (var change = 0; change < changes; change++)
            {
                // Mostly single bytes; sometimes a run of 0xFF, which makes sizes and sector numbers huge.
                var at = random.Next(damaged.Length);
                var run = random.Next(4) == 0 ? Math.Min(4, damaged.Length - at) : 1;
                for (var index = at; index < at + run; index++)
                {
                    damaged[index] = run > 1 ? (byte)0xFF : (byte)random.Next(256);
                }
            }
            if (random.Next(5) == 0)
            {
                damaged = damaged[..random.Next(1, damaged.Length)];
            }

            var inspection = CvFileInspector.Inspect(damaged, "cv", CancellationToken.None);

            Assert.True(inspection.IsAccepted || inspection.Problem is { Length: > 0 });
        }
    }
}
