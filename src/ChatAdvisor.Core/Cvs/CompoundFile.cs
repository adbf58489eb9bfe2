using System.Buffers.Binary;
using System.Text;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Just enough of the OLE compound file format ([MS-CFB]) to list the storages and streams of a legacy Office file
/// and read the first bytes of a stream. Every sector number and chain is bounds- and loop-checked; a file that breaks
/// the rules is reported as damaged (<see cref="TryOpen"/> returns null).
/// </summary>
internal sealed class CompoundFile
{
    private const int HeaderBytes = 512;
    private const int DirectoryEntryBytes = 128;
    private const int MiniSectorBytes = 64;
    private const uint EndOfChain = 0xFFFFFFFE;

    private readonly byte[] _file;
    private readonly int _sectorSize;
    private readonly uint _sectorCount;
    private readonly uint _miniStreamCutoff;
    private readonly uint[] _fat;

    private CompoundFile(byte[] file)
    {
        _file = file;
        var header = file.AsSpan(0, HeaderBytes);
        var majorVersion = U16(header, 0x1A);
        var sectorShift = U16(header, 0x1E);
        if (U16(header, 0x1C) != 0xFFFE || U16(header, 0x20) != 6
            || !((majorVersion == 3 && sectorShift == 9) || (majorVersion == 4 && sectorShift == 12)))
        {
            throw new InvalidDataException();
        }
        _sectorSize = 1 << sectorShift;
        var sectorCount = (file.Length / _sectorSize) - 1;
        _sectorCount = sectorCount >= 1 ? (uint)sectorCount : throw new InvalidDataException();
        _miniStreamCutoff = U32(header, 0x38);
        _fat = ReadFat(header);
        Entries = ReadDirectory(U32(header, 0x30), majorVersion);
    }

    internal enum EntryType : byte { Storage = 1, Stream = 2, Root = 5 }

    internal sealed record Entry(string Name, EntryType Type, uint StartSector, long Size);

    /// <summary>Every storage and stream, in directory order; the root comes first.</summary>
    public IReadOnlyList<Entry> Entries { get; }

    public static CompoundFile? TryOpen(byte[] file)
    {
        try
        {
            return file.Length >= HeaderBytes * 2 ? new CompoundFile(file) : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public bool Contains(string name) => Entries.Any(entry => string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase));

    public Entry? FindStream(string name) =>
        Entries.FirstOrDefault(entry => entry.Type == EntryType.Stream && string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first <paramref name="count"/> (at most 64) bytes of a stream, or null if the file is damaged.</summary>
    public byte[]? TryReadStart(Entry stream, int count)
    {
        if (count is < 1 or > MiniSectorBytes || stream.Size < count)
        {
            return null;
        }
        try
        {
            if (stream.Size >= _miniStreamCutoff)
            {
                return Sector(stream.StartSector)[..count].ToArray();
            }
            // Small streams live in the mini stream, itself stored in the root entry's sector chain.
            var offset = (long)stream.StartSector * MiniSectorBytes;
            if (offset + count > Entries[0].Size)
            {
                return null;
            }
            var sector = Chain(Entries[0].StartSector).Skip((int)(offset / _sectorSize)).Take(1).ToList();
            return sector.Count == 1 ? Sector(sector[0]).Slice((int)(offset % _sectorSize), count).ToArray() : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private uint[] ReadFat(ReadOnlySpan<byte> header)
    {
        var fatSectorCount = U32(header, 0x2C);
        if (fatSectorCount == 0 || fatSectorCount > _sectorCount)
        {
            throw new InvalidDataException();
        }
        var fatSectors = new List<uint>();
        for (var index = 0; index < 109 && fatSectors.Count < fatSectorCount; index++)
        {
            fatSectors.Add(U32(header, 0x4C + (index * 4)));
        }
        var difatSector = U32(header, 0x44);
        for (var steps = 0; fatSectors.Count < fatSectorCount; steps++)
        {
            if (steps > _sectorCount)
            {
                throw new InvalidDataException();
            }
            var sector = Sector(difatSector);
            for (var index = 0; index < (_sectorSize / 4) - 1 && fatSectors.Count < fatSectorCount; index++)
            {
                fatSectors.Add(U32(sector, index * 4));
            }
            difatSector = U32(sector, _sectorSize - 4);
        }

        var perSector = _sectorSize / 4;
        var fat = new uint[fatSectors.Count * perSector];
        for (var index = 0; index < fatSectors.Count; index++)
        {
            var sector = Sector(fatSectors[index]);
            for (var slot = 0; slot < perSector; slot++)
            {
                fat[(index * perSector) + slot] = U32(sector, slot * 4);
            }
        }
        return fat;
    }

    private List<Entry> ReadDirectory(uint firstSector, int majorVersion)
    {
        var entries = new List<Entry>();
        foreach (var sectorNumber in Chain(firstSector))
        {
            var sector = Sector(sectorNumber);
            for (var at = 0; at < _sectorSize; at += DirectoryEntryBytes)
            {
                var raw = sector.Slice(at, DirectoryEntryBytes);
                var type = raw[0x42];
                if (type is not ((byte)EntryType.Storage or (byte)EntryType.Stream or (byte)EntryType.Root))
                {
                    continue; // unused slot
                }
                var nameBytes = U16(raw, 0x40);
                if (nameBytes is < 2 or > 64 || nameBytes % 2 != 0)
                {
                    throw new InvalidDataException();
                }
                // Version 3 files may leave garbage in the high half of the size.
                var size = majorVersion == 3 ? U32(raw, 0x78) : (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(raw[0x78..]), long.MaxValue);
                entries.Add(new Entry(Encoding.Unicode.GetString(raw[..(nameBytes - 2)]), (EntryType)type, U32(raw, 0x74), size));
            }
        }
        return entries.Count > 0 && entries[0].Type == EntryType.Root ? entries : throw new InvalidDataException();
    }

    private IEnumerable<uint> Chain(uint start)
    {
        var current = start;
        for (var steps = 0; current != EndOfChain; steps++)
        {
            if (current >= _sectorCount || current >= _fat.Length || steps > _sectorCount)
            {
                throw new InvalidDataException();
            }
            yield return current;
            current = _fat[current];
        }
    }

    private ReadOnlySpan<byte> Sector(uint number) =>
        number < _sectorCount ? _file.AsSpan((int)((number + 1) * (long)_sectorSize), _sectorSize) : throw new InvalidDataException();

    private static ushort U16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]);

    private static uint U32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]);
}
