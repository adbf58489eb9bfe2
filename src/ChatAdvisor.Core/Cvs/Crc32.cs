namespace ChatAdvisor.Cvs;

/// <summary>The CRC-32 of ZIP (IEEE 802.3, reflected polynomial 0xEDB88320), to check inflated parts against their headers.</summary>
internal static class Crc32
{
    private static readonly uint[] s_table = CreateTable();

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        crc = ~crc;
        foreach (var value in data)
        {
            crc = s_table[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }
        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint index = 0; index < table.Length; index++)
        {
            var value = index;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? 0xEDB88320 ^ (value >> 1) : value >> 1;
            }
            table[index] = value;
        }
        return table;
    }
}
