using System.Buffers.Binary;

namespace ChatAdvisor.Cvs;

/// <summary>Checks an OLE compound file: only an unencrypted Word 97–2003 document without macros is a CV we accept.</summary>
internal static class CompoundFileCheck
{
    /// <summary>Offset of the flags word in the Word file information block (FIB) at the start of <c>WordDocument</c>.</summary>
    private const int FibFlagsOffset = 0x0A;

    /// <summary>FIB flag <c>fEncrypted</c>: the document has a password (RC4 or XOR obfuscation).</summary>
    private const ushort FibEncrypted = 0x0100;

    /// <summary>Storages and streams that hold VBA macros in Word (<c>Macros</c>) and other Office files.</summary>
    private static readonly string[] s_macroEntries = ["Macros", "_VBA_PROJECT_CUR", "_VBA_PROJECT"];

    /// <summary>
    /// Streams every embedded OLE object has in Word's <c>ObjectPool</c> (<c>\u0003ObjInfo</c>), and the one that
    /// carries a packaged file (<c>\u0001Ole10Native</c>). An empty <c>ObjectPool</c>, which Word sometimes leaves, passes.
    /// </summary>
    private static readonly string[] s_embeddedObjectStreams = ["\u0003ObjInfo", "\u0001Ole10Native"];

    /// <returns>The verdict, or null for a sound compound file that is not a Word document (e.g. an .xls).</returns>
    public static CvInspection? Inspect(byte[] file)
    {
        var compound = CompoundFile.TryOpen(file);
        if (compound is null)
        {
            return CvInspection.Reject(CvProblems.Damaged);
        }
        // Password-protected .docx/.xlsx files are compound files wrapping an EncryptedPackage stream ([MS-OFFCRYPTO]).
        if (compound.Contains("EncryptedPackage"))
        {
            return CvInspection.Reject(CvProblems.EncryptedDocument);
        }
        var word = compound.FindStream("WordDocument");
        if (s_macroEntries.Any(compound.Contains))
        {
            return CvInspection.Reject(CvProblems.Macros, word is null ? CvFileType.Unknown : CvFileType.Doc);
        }
        if (word is null)
        {
            return null;
        }
        var fib = compound.TryReadStart(word, FibFlagsOffset + 2);
        if (fib is null)
        {
            return CvInspection.Reject(CvProblems.Damaged, CvFileType.Doc);
        }
        if ((BinaryPrimitives.ReadUInt16LittleEndian(fib.AsSpan(FibFlagsOffset)) & FibEncrypted) != 0)
        {
            return CvInspection.Reject(CvProblems.EncryptedDocument, CvFileType.Doc);
        }
        return s_embeddedObjectStreams.Any(compound.Contains)
            ? CvInspection.Refuse(ActiveContent.EmbeddedObject, CvFileType.Doc)
            : CvInspection.Accept(CvFileType.Doc);
    }
}
