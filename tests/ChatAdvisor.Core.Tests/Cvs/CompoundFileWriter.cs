using System.Buffers.Binary;
using System.Text;

namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>
/// Writes a tiny OLE compound file (version 3, 512-byte sectors): one FAT sector, the directory, then each stream
/// padded to at least 4096 bytes so it lives in regular sectors (no mini stream). All items are children of the root.
/// </summary>
internal static class CompoundFileWriter
{
    private const int SectorSize = 512;
    private const int MiniStreamCutoff = 4096;
    private const uint NoStream = 0xFFFFFFFF;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;

    /// <summary>A storage (<paramref name="Content"/> null) or a stream.</summary>
    internal sealed record Item(string Name, byte[]? Content = null);

    /// <summary>The start of a Word 97–2003 <c>WordDocument</c> stream: its FIB, optionally flagged as encrypted.</summary>
    public static byte[] WordDocumentStream(bool encrypted = false)
    {
        var stream = new byte[MiniStreamCutoff];
        BinaryPrimitives.WriteUInt16LittleEndian(stream, 0xA5EC); // wIdent
        BinaryPrimitives.WriteUInt16LittleEndian(stream.AsSpan(2), 0x00C1); // nFib (Word 97)
        BinaryPrimitives.WriteUInt16LittleEndian(stream.AsSpan(0x0A), (ushort)(encrypted ? 0x0100 : 0));
        return stream;
    }

    public static byte[] Build(params Item[] items)
    {
        var directorySectors = (items.Length + 1 + 3) / 4;
        var fat = new List<uint> { FatSector };
        AddChain(fat, directorySectors);
        var starts = new uint[items.Length];
        var data = new List<byte[]>();
        for (var index = 0; index < items.Length; index++)
        {
            if (items[index].Content is not { } content)
            {
                starts[index] = EndOfChain;
                continue;
            }
            var padded = new byte[RoundUp(Math.Max(content.Length, MiniStreamCutoff))];
            content.CopyTo(padded, 0);
            starts[index] = (uint)fat.Count;
            AddChain(fat, padded.Length / SectorSize);
            data.Add(padded);
        }
        if (fat.Count > SectorSize / 4)
        {
            throw new InvalidOperationException("This writer supports one FAT sector (64 KB) only.");
        }

        var file = new byte[SectorSize * (1 + fat.Count)];
        WriteHeader(file);
        for (var slot = 0; slot < SectorSize / 4; slot++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SectorSize + (slot * 4)), slot < fat.Count ? fat[slot] : NoStream);
        }
        var directory = file.AsSpan(SectorSize * 2, directorySectors * SectorSize);
        WriteEntry(directory, 0, "Root Entry", type: 5, child: items.Length > 0 ? 1u : NoStream, rightSibling: NoStream, EndOfChain, 0);
        for (var index = 0; index < items.Length; index++)
        {
            var item = items[index];
            var rightSibling = index + 1 < items.Length ? (uint)(index + 2) : NoStream;
            WriteEntry(directory, index + 1, item.Name, item.Content is null ? (byte)1 : (byte)2, NoStream, rightSibling, starts[index], item.Content is null ? 0 : Math.Max(item.Content.Length, MiniStreamCutoff));
        }
        var at = SectorSize * (2 + directorySectors);
        foreach (var padded in data)
        {
            padded.CopyTo(file, at);
            at += padded.Length;
        }
        return file;
    }

    private static void WriteHeader(Span<byte> file)
    {
        ReadOnlySpan<byte> signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file);
        BinaryPrimitives.WriteUInt16LittleEndian(file[0x18..], 0x003E); // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(file[0x1A..], 3); // major version
        BinaryPrimitives.WriteUInt16LittleEndian(file[0x1C..], 0xFFFE); // byte order
        BinaryPrimitives.WriteUInt16LittleEndian(file[0x1E..], 9); // 512-byte sectors
        BinaryPrimitives.WriteUInt16LittleEndian(file[0x20..], 6); // 64-byte mini sectors
        BinaryPrimitives.WriteUInt32LittleEndian(file[0x2C..], 1); // one FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(file[0x30..], 1); // directory starts at sector 1
        BinaryPrimitives.WriteUInt32LittleEndian(file[0x38..], MiniStreamCutoff);
        BinaryPrimitives.WriteUInt32LittleEndian(file[0x3C..], EndOfChain); // no mini FAT
        BinaryPrimitives.WriteUInt32LittleEndian(file[0x44..], EndOfChain); // no DIFAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(file[0x4C..], 0); // the FAT is sector 0
        for (var slot = 1; slot < 109; slot++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file[(0x4C + (slot * 4))..], NoStream);
        }
    }

    private static void WriteEntry(Span<byte> directory, int index, string name, byte type, uint child, uint rightSibling, uint start, long size)
    {
        var entry = directory.Slice(index * 128, 128);
        var nameBytes = Encoding.Unicode.GetBytes(name + "\0");
        nameBytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)nameBytes.Length);
        entry[0x42] = type;
        entry[0x43] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], NoStream); // left sibling
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], rightSibling);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], start);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[0x78..], (ulong)size);
    }

    private static void AddChain(List<uint> fat, int sectors)
    {
        for (var index = 0; index < sectors; index++)
        {
            fat.Add(index + 1 < sectors ? (uint)fat.Count + 1 : EndOfChain);
        }
    }

    private static int RoundUp(int bytes) => (bytes + SectorSize - 1) / SectorSize * SectorSize;
}
