namespace ChatAdvisor.Cvs;

/// <summary>
/// Why a file was refused for what it could do rather than what it is: the label that goes to the logs (never the
/// file's bytes or name). <see cref="None"/> for every other verdict.
/// </summary>
public enum ActiveContent
{
    None,

    /// <summary>JavaScript in a PDF (<c>/JS</c>, <c>/JavaScript</c>), or a script URL or tag in markup.</summary>
    Script,

    /// <summary>A PDF <c>/Launch</c> action, which starts a program or opens a file.</summary>
    Launch,

    /// <summary>Files carried inside a PDF (<c>/EmbeddedFile</c>, <c>/EmbeddedFiles</c>, <c>/EF</c>, <c>/FileAttachment</c>).</summary>
    EmbeddedFile,

    /// <summary>An XFA form, which is a program of its own inside the PDF.</summary>
    XfaForm,

    /// <summary>Flash or other rich media (<c>/RichMedia</c>).</summary>
    RichMedia,

    /// <summary>Actions that send or fetch data or open other documents: <c>/SubmitForm</c>, <c>/ImportData</c>, <c>/GoToR</c>, <c>/GoToE</c>.</summary>
    RemoteAction,

    /// <summary>A web link a PDF opens by itself (<c>/OpenAction</c> or <c>/AA</c> leading to <c>/URI</c>), without a click.</summary>
    AutomaticLink,

    /// <summary>A PDF object stream we could not decode or that unpacks past our limit: its objects cannot be checked.</summary>
    UncheckableObjectStream,

    /// <summary>A second format in the same bytes: a ZIP, web page or other file appended to or hidden in the document.</summary>
    Polyglot,

    /// <summary>An HTML, SVG or XML document (or script-capable markup) offered as plain text or under another name.</summary>
    Markup,

    /// <summary>An OLE object, ActiveX control or embedded program inside an RTF, Word or OpenDocument file.</summary>
    EmbeddedObject,

    /// <summary>A document that fetches content when opened: a remote template, picture, frame or included file.</summary>
    RemoteContent,

    /// <summary>A field that asks another program for data (DDE, DDEAUTO): a known way to run commands.</summary>
    DdeField,

    /// <summary>Script bindings in an OpenDocument file (event listeners, macro links) without a macro library.</summary>
    ScriptBinding,
}
