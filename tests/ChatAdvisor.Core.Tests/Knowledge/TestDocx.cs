using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatAdvisor.Core.Tests.Knowledge;

/// <summary>Writes small Word documents for the import tests, with a styles part so style ids resolve to names.</summary>
internal static class TestDocx
{
    /// <summary>A paragraph in a style (null for none), optionally numbered as a list, made of one or more runs.</summary>
    public sealed record Para(string? StyleId, bool Numbered, params string[] Runs);

    public static void Write(string path, WordprocessingDocumentType type, params Para[] paragraphs)
    {
        using var document = WordprocessingDocument.Create(path, type);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body(paragraphs.Select(ToParagraph)));
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            Style("Normal", "Normal", basedOn: null),
            Style("Title", "Title", "Normal"),
            // A localised id, as German Word writes it: only the name says it is Heading 2.
            Style("berschrift2", "heading 2", "Normal"),
            Style("Heading3", "heading 3", "Normal"),
            Style("ListParagraph", "List Paragraph", "Normal"),
            Style("TOC1", "toc 1", "Normal"),
            Style("RoleHeading", "Role Heading", "berschrift2"));
        styles.Styles.Save();
        main.Document.Save();
    }

    private static Paragraph ToParagraph(Para para)
    {
        var properties = new ParagraphProperties();
        if (para.StyleId is not null)
        {
            properties.Append(new ParagraphStyleId { Val = para.StyleId });
        }
        if (para.Numbered)
        {
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 }));
        }
        var paragraph = new Paragraph(properties);
        foreach (var run in para.Runs)
        {
            paragraph.Append(new Run(new Text(run) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return paragraph;
    }

    private static Style Style(string id, string name, string? basedOn)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }
        return style;
    }
}
