using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace ChatAdvisor.Web.Tests.Portal;

/// <summary>RFC 6238 time-based one-time passwords as authenticator apps compute them: HMAC-SHA1, 30 s steps, 6 digits.</summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static readonly Dictionary<string, long> s_lastStepUsed = [];

    public static string Code(string base32Key, DateTimeOffset at) => Code(Decode(base32Key), at.ToUnixTimeSeconds() / 30);

    /// <summary>
    /// A code of the time step of <paramref name="now"/> (the portal's clock; the system clock when not given), or of a
    /// later one when this process already used that one with <paramref name="base32Key"/>: the portal refuses a step
    /// it has accepted before, and accepts two steps ahead, as an app would show them in the next minute.
    /// </summary>
    public static string NextCode(string base32Key, DateTimeOffset? now = null)
    {
        var key = base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        long step;
        lock (s_lastStepUsed)
        {
            step = Math.Max((now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30, s_lastStepUsed.GetValueOrDefault(key) + 1);
            s_lastStepUsed[key] = step;
        }
        return Code(Decode(key), step);
    }

    /// <summary>A well-formed code that matches none of the steps a server accepts around <paramref name="at"/> (±2).</summary>
    public static string WrongCode(string base32Key, DateTimeOffset at)
    {
        var key = Decode(base32Key);
        var step = at.ToUnixTimeSeconds() / 30;
        var accepted = Enumerable.Range(-2, 5).Select(i => Code(key, step + i)).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => (i * 111111).ToString("D6", CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }

    private static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        // RFC 6238 with the SHA-1 default that authenticator apps use.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, ignoring case, spaces and padding.</summary>
    private static byte[] Decode(string base32)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            Assert.True(value >= 0, $"'{c}' is not a base32 character.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
            }
        }
        return [.. bytes];
    }
}
