using System.Text;
using System.Xml;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Reads one XML part of a DOCX or ODT (DTDs refused) for content that acts when the document is opened:
/// <list type="bullet">
/// <item>package relationships with <c>TargetMode="External"</c>: an external <c>oleObject</c> (an OLE link) always,
/// any other type but <c>hyperlink</c> (a remote <c>attachedTemplate</c>, <c>frame</c>, <c>subDocument</c>,
/// <c>image</c>…) when <see cref="RemoteTarget"/> says the target is on the network;</item>
/// <item>WordprocessingML fields (<c>w:fldSimple</c>, and the <c>w:instrText</c> runs between <c>begin</c> and
/// <c>separate</c>, however they are split), judged by <see cref="FieldInstruction"/>; <c>w:object</c> and
/// <c>w:control</c> (OLE objects and ActiveX controls);</item>
/// <item>OpenDocument script bindings (<c>script:event-listener</c>, <c>xlink:href</c> to <c>vnd.sun.star.script:</c>,
/// <c>macro:</c> or a script URL), OLE objects, applets and plug-ins, DDE links, and <c>xlink:href</c> targets on
/// the network outside hyperlinks (linked pictures, sections, frames, templates).</item>
/// </list>
/// Elements are matched by namespace and local name, so prefixes cannot disguise them.
/// </summary>
internal static class OfficeXmlCheck
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string XlinkNamespace = "http://www.w3.org/1999/xlink";
    private const string OdfPrefix = "urn:oasis:names:tc:opendocument:xmlns:";

    public static ActiveContent Scan(byte[] xml, int maxCharacters)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = maxCharacters };
        using var reader = XmlReader.Create(new MemoryStream(xml, writable: false), settings);
        var fields = new List<Field>();
        var inInstruction = false;
        while (reader.Read())
        {
            var finding = ActiveContent.None;
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.NamespaceURI == RelationshipsNamespace:
                    finding = Relationship(reader);
                    break;
                case XmlNodeType.Element when IsWordprocessing(reader.NamespaceURI):
                    inInstruction = reader.LocalName == "instrText" && !reader.IsEmptyElement;
                    finding = WordElement(reader, fields);
                    break;
                case XmlNodeType.Element when reader.NamespaceURI.StartsWith(OdfPrefix, StringComparison.Ordinal):
                    finding = OdfElement(reader);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inInstruction:
                    fields.ForEach(field => field.Instruction.Append(reader.Value));
                    break;
                case XmlNodeType.EndElement:
                    inInstruction = false;
                    break;
            }
            if (finding != ActiveContent.None)
            {
                return finding;
            }
        }
        return fields.Select(field => field.Judged ? ActiveContent.None : FieldInstruction.Judge(field.Instruction.ToString()))
            .FirstOrDefault(finding => finding != ActiveContent.None);
    }

    private static ActiveContent Relationship(XmlReader reader)
    {
        if (reader.LocalName != "Relationship" || !string.Equals(reader.GetAttribute("TargetMode")?.Trim(), "External", StringComparison.OrdinalIgnoreCase))
        {
            return ActiveContent.None;
        }
        var type = reader.GetAttribute("Type")?.Trim() ?? string.Empty;
        return type.EndsWith("/oleObject", StringComparison.OrdinalIgnoreCase) ? ActiveContent.EmbeddedObject
            : type.EndsWith("/hyperlink", StringComparison.OrdinalIgnoreCase) ? ActiveContent.None
            : RemoteTarget.IsRemote(reader.GetAttribute("Target") ?? string.Empty) ? ActiveContent.RemoteContent
            : ActiveContent.None;
    }

    /// <summary>Transitional and Strict WordprocessingML.</summary>
    private static bool IsWordprocessing(string namespaceUri) =>
        namespaceUri is "http://schemas.openxmlformats.org/wordprocessingml/2006/main" or "http://purl.oclc.org/ooxml/wordprocessingml/main";

    private static ActiveContent WordElement(XmlReader reader, List<Field> fields)
    {
        switch (reader.LocalName)
        {
            case "object" or "control":
                return ActiveContent.EmbeddedObject;
            case "fldSimple":
                return FieldInstruction.Judge(WordAttribute(reader, "instr") ?? string.Empty);
            case "fldChar":
                var type = WordAttribute(reader, "fldCharType");
                if (type == "begin")
                {
                    fields.Add(new Field());
                    return ActiveContent.None;
                }
                if (type is not ("separate" or "end") || fields.Count == 0)
                {
                    return ActiveContent.None;
                }
                var field = fields[^1];
                var finding = field.Judged ? ActiveContent.None : FieldInstruction.Judge(field.Instruction.ToString());
                field.Judged = true;
                if (type == "end")
                {
                    fields.RemoveAt(fields.Count - 1);
                }
                return finding;
            default:
                return ActiveContent.None;
        }
    }

    private static string? WordAttribute(XmlReader reader, string localName) =>
        reader.GetAttribute(localName, reader.NamespaceURI) ?? reader.GetAttribute(localName);

    private static ActiveContent OdfElement(XmlReader reader)
    {
        var name = reader.LocalName;
        if (name == "event-listener")
        {
            return ActiveContent.ScriptBinding;
        }
        if (name is "object-ole" or "applet" or "plugin")
        {
            return ActiveContent.EmbeddedObject;
        }
        if (name is "dde-source" or "dde-connection-decl" or "dde-link")
        {
            return ActiveContent.DdeField;
        }
        var href = reader.GetAttribute("href", XlinkNamespace)?.Trim();
        if (string.IsNullOrEmpty(href))
        {
            return ActiveContent.None;
        }
        var compact = new string([.. href.Where(character => !char.IsWhiteSpace(character))]);
        if (compact.StartsWith("vnd.sun.star.script:", StringComparison.OrdinalIgnoreCase) || compact.StartsWith("macro:", StringComparison.OrdinalIgnoreCase)
            || compact.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || compact.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase))
        {
            return ActiveContent.ScriptBinding;
        }
        // Hyperlinks may point anywhere: they are followed only when the reader clicks them.
        return name != "a" && RemoteTarget.IsRemote(href) ? ActiveContent.RemoteContent : ActiveContent.None;
    }

    /// <summary>A field being read: its instruction so far (nested fields add to every open one) and whether it was judged.</summary>
    private sealed class Field
    {
        public StringBuilder Instruction { get; } = new();

        public bool Judged { get; set; }
    }
}
