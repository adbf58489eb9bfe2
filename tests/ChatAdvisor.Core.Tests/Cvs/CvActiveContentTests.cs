using ChatAdvisor.Cvs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static ChatAdvisor.Core.Tests.Cvs.CvFileInspectorTests;

namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>The upload attack corpus (<see cref="HostileCvSamples"/>): every file is refused for its own reason, with its own sentence.</summary>
public sealed class CvActiveContentTests
{
    private const string PdfActiveContent = "This PDF contains scripts, embedded files or actions that run by themselves, which we can't accept for security reasons. Please export your CV again as a plain PDF (for example with Print to PDF) or send it as a Word document (.docx).";
    private const string HiddenFile = "This file has another file hidden inside it or attached to its end, which we can't accept for security reasons. Please export your CV again from the program you wrote it in and send the new file.";
    private const string Markup = "This file contains web page code or markup (HTML, SVG or XML), which we can't accept as a CV. Please send your CV as a PDF or Word document, or as plain text without tags.";
    private const string EmbeddedObjects = "This document contains embedded objects or controls, which we can't accept for security reasons. Please remove them, or save your CV as a PDF and send that.";
    private const string RemoteContent = "This document loads content from elsewhere when it is opened (such as a linked template or picture), which we can't accept for security reasons. Please save your CV as a PDF and send that.";

    public static TheoryData<string, string, string, ActiveContent> HostileFiles() => new()
    {
        { nameof(HostileCvSamples.PdfOpenActionJavaScript), "cv.pdf", PdfActiveContent, ActiveContent.Script },
        { nameof(HostileCvSamples.PdfObfuscatedJavaScript), "cv.pdf", PdfActiveContent, ActiveContent.Script },
        { nameof(HostileCvSamples.PdfJavaScriptInObjectStream), "cv.pdf", PdfActiveContent, ActiveContent.Script },
        { nameof(HostileCvSamples.PdfLaunch), "cv.pdf", PdfActiveContent, ActiveContent.Launch },
        { nameof(HostileCvSamples.PdfEmbeddedFile), "cv.pdf", PdfActiveContent, ActiveContent.EmbeddedFile },
        { nameof(HostileCvSamples.PdfFileAttachmentAnnotation), "cv.pdf", PdfActiveContent, ActiveContent.EmbeddedFile },
        { nameof(HostileCvSamples.PdfXfa), "cv.pdf", PdfActiveContent, ActiveContent.XfaForm },
        { nameof(HostileCvSamples.PdfSubmitForm), "cv.pdf", PdfActiveContent, ActiveContent.RemoteAction },
        { nameof(HostileCvSamples.PdfAutomaticUri), "cv.pdf", PdfActiveContent, ActiveContent.AutomaticLink },
        { nameof(HostileCvSamples.PdfJavaScriptLink), "cv.pdf", PdfActiveContent, ActiveContent.Script },
        { nameof(HostileCvSamples.PdfObjectStreamWithUnknownFilter), "cv.pdf", CvProblems.PdfUncheckable, ActiveContent.UncheckableObjectStream },
        { nameof(HostileCvSamples.PdfObjectStreamThatDoesNotInflate), "cv.pdf", CvProblems.PdfUncheckable, ActiveContent.UncheckableObjectStream },
        { nameof(HostileCvSamples.PdfZipPolyglot), "cv.pdf", HiddenFile, ActiveContent.Polyglot },
        { nameof(HostileCvSamples.PdfWithHtmlAfterEof), "cv.pdf", HiddenFile, ActiveContent.Polyglot },
        { nameof(HostileCvSamples.DocxPdfPolyglot), "cv.docx", HiddenFile, ActiveContent.Polyglot },
        { nameof(HostileCvSamples.HtmlBeforePdf), "cv.pdf", Markup, ActiveContent.Markup },
        { nameof(HostileCvSamples.Html), "cv.txt", Markup, ActiveContent.Markup },
        { nameof(HostileCvSamples.Html), "cv.pdf", Markup, ActiveContent.Markup },
        { nameof(HostileCvSamples.Svg), "cv.pdf", Markup, ActiveContent.Markup },
        { nameof(HostileCvSamples.Svg), "cv.txt", Markup, ActiveContent.Markup },
        { nameof(HostileCvSamples.Xml), "cv.txt", Markup, ActiveContent.Markup },
        { nameof(HostileCvSamples.TextWithScript), "cv.txt", Markup, ActiveContent.Markup },
        { nameof(HostileCvSamples.TextWithEventHandler), "cv.txt", Markup, ActiveContent.Markup },
        { nameof(HostileCvSamples.Utf16Html), "cv.txt", Markup, ActiveContent.Markup },
        { nameof(HostileCvSamples.RtfObject), "cv.rtf", EmbeddedObjects, ActiveContent.EmbeddedObject },
        { nameof(HostileCvSamples.RtfHiddenObjectData), "cv.rtf", EmbeddedObjects, ActiveContent.EmbeddedObject },
        { nameof(HostileCvSamples.RtfShortHeaderObject), "cv.doc", EmbeddedObjects, ActiveContent.EmbeddedObject },
        { nameof(HostileCvSamples.RtfRemotePicture), "cv.rtf", RemoteContent, ActiveContent.RemoteContent },
        { nameof(HostileCvSamples.RtfObfuscatedRemoteInclude), "cv.rtf", RemoteContent, ActiveContent.RemoteContent },
        { nameof(HostileCvSamples.RtfDdeAuto), "cv.rtf", CvProblems.DdeField, ActiveContent.DdeField },
        { nameof(HostileCvSamples.RtfRemoteTemplate), "cv.rtf", RemoteContent, ActiveContent.RemoteContent },
        { nameof(HostileCvSamples.DocxWithOleObject), "cv.docx", EmbeddedObjects, ActiveContent.EmbeddedObject },
        { nameof(HostileCvSamples.DocxWithDisguisedOleObject), "cv.docx", EmbeddedObjects, ActiveContent.EmbeddedObject },
        { nameof(HostileCvSamples.DocxWithActiveX), "cv.docx", EmbeddedObjects, ActiveContent.EmbeddedObject },
        { nameof(HostileCvSamples.DocxWithRemoteTemplate), "cv.docx", RemoteContent, ActiveContent.RemoteContent },
        { nameof(HostileCvSamples.DocxWithExternalOleLink), "cv.docx", EmbeddedObjects, ActiveContent.EmbeddedObject },
        { nameof(HostileCvSamples.DocxWithDdeField), "cv.docx", CvProblems.DdeField, ActiveContent.DdeField },
        { nameof(HostileCvSamples.DocxWithRemotePictureField), "cv.docx", RemoteContent, ActiveContent.RemoteContent },
        { nameof(HostileCvSamples.DocxWithTrailingHtml), "cv.docx", HiddenFile, ActiveContent.Polyglot },
        { nameof(HostileCvSamples.OdtWithOleObject), "cv.odt", EmbeddedObjects, ActiveContent.EmbeddedObject },
        { nameof(HostileCvSamples.OdtWithMacroLink), "cv.odt", CvProblems.Macros, ActiveContent.ScriptBinding },
        { nameof(HostileCvSamples.OdtWithEventListener), "cv.odt", CvProblems.Macros, ActiveContent.ScriptBinding },
        { nameof(HostileCvSamples.DocWithEmbeddedObject), "cv.doc", EmbeddedObjects, ActiveContent.EmbeddedObject },
    };

    public static TheoryData<string, CvFileType> LookAlikes() => new()
    {
        { nameof(HostileCvSamples.PdfWithLink), CvFileType.Pdf },
        { nameof(HostileCvSamples.PdfWithHarmlessObjectStream), CvFileType.Pdf },
        { nameof(HostileCvSamples.PdfWithScaryWordsInStrings), CvFileType.Pdf },
        { nameof(HostileCvSamples.RtfWithHyperlink), CvFileType.Rtf },
        { nameof(HostileCvSamples.TextNamingSkills), CvFileType.Txt },
        { nameof(HostileCvSamples.DocxWithLocalTemplateAndLinks), CvFileType.Docx },
        { nameof(HostileCvSamples.OdtWithChart), CvFileType.Odt },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task HostileFilesAreRefusedWithWhatToSendInstead(string sample, string fileName, string problem, ActiveContent finding)
    {
        var inspection = await InspectAsync(Build(sample), fileName);

        AssertRejected(inspection, problem);
        Assert.Equal(finding, inspection.Finding);
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public async Task LookAlikesOfActiveContentAreAccepted(string sample, CvFileType type)
    {
        Assert.Equal(new CvInspection(true, type, null), await InspectAsync(Build(sample), "cv" + type.Extension()));
    }

    [Fact]
    public void EveryHostileSampleIsInTheCorpusAndEveryLookAlikeIsTested()
    {
        var used = HostileFiles().Select(row => (string)row[0]).Concat(LookAlikes().Select(row => (string)row[0])).ToHashSet();
        var built = typeof(HostileCvSamples).GetMethods().Where(method => method.IsStatic && method.ReturnType == typeof(byte[]) && method.GetParameters().Length == 0).Select(method => method.Name);

        Assert.Empty(built.Except(used));
    }

    [Fact]
    public async Task ARefusalForActiveContentIsLoggedWithItsFindingButNotTheFile()
    {
        var logger = new ListLogger();
        var inspector = new CvFileInspector(Options.Create(new CvOptions()), TimeProvider.System, logger);

        await inspector.InspectAsync(new MemoryStream(HostileCvSamples.PdfObfuscatedJavaScript()), "jane-secret-name.pdf", CancellationToken.None);

        var entry = Assert.Single(logger.Entries, entry => entry.Id == 2011);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("CV file refused for active content Script (detected type Pdf)", entry.Message);
        Assert.DoesNotContain(logger.Entries, logged => logged.Message.Contains("jane", StringComparison.OrdinalIgnoreCase) || logged.Message.Contains("alert", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryFindingHasASentenceThatSaysWhatToSend()
    {
        foreach (var finding in Enum.GetValues<ActiveContent>().Where(finding => finding != ActiveContent.None))
        {
            foreach (var type in CvFileTypes.Accepted)
            {
                Assert.Contains("Please", CvProblems.ForActiveContent(finding, type), StringComparison.Ordinal);
            }
        }
    }

    private static byte[] Build(string sample) => (byte[])typeof(HostileCvSamples).GetMethod(sample)!.Invoke(null, null)!;

    private sealed class ListLogger : ILogger<CvFileInspector>
    {
        public List<(int Id, LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((eventId.Id, logLevel, formatter(state, exception)));
    }
}
