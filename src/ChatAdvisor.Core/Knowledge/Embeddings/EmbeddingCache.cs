using System.Security.Cryptography;
using System.Text;

namespace ChatAdvisor.Knowledge.Embeddings;

/// <summary>
/// Vectors already computed, kept on disk keyed by the SHA-256 of the model id and the text, so that a restart or a
/// reload embeds only what changed. One binary file per model: a header, then (hash, vector) records. A damaged or
/// foreign file is ignored and rewritten; the cache only ever saves time.
/// </summary>
public sealed class EmbeddingCache
{
    private const int HashBytes = 32;
    private static readonly byte[] s_magic = "CAEMB1\0\0"u8.ToArray();

    private readonly string? _file;
    private readonly string _model;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _dimensions;
    private bool _dirty;

    /// <param name="folder">Where the cache file lives; null keeps vectors in memory only.</param>
    /// <param name="model">Identifies the model: vectors of another model are never reused.</param>
    public EmbeddingCache(string? folder, string model)
    {
        _model = model;
        if (folder is not null)
        {
            _file = Path.Combine(folder, $"{Sanitize(model)}.bin");
            Load();
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _vectors.Count;
            }
        }
    }

    public bool TryGet(string text, out float[] vector)
    {
        lock (_lock)
        {
            return _vectors.TryGetValue(Key(text), out vector!);
        }
    }

    public void Add(string text, float[] vector)
    {
        lock (_lock)
        {
            if (_dimensions != 0 && vector.Length != _dimensions)
            {
                // The model changed its output size under the same name: start over.
                _vectors.Clear();
            }
            _dimensions = vector.Length;
            _vectors[Key(text)] = vector;
            _dirty = true;
        }
    }

    /// <summary>Vectors of texts no longer asked for that are kept anyway, so that hosts over other knowledge sharing the file do not undo each other's work.</summary>
    public const int MaxStale = 5_000;

    /// <summary>
    /// Writes the file if anything was added, replacing it atomically. Vectors of texts not in <paramref name="keep"/>
    /// (edited or removed sections) are dropped once there are more than <see cref="MaxStale"/> or as many as the texts kept.
    /// </summary>
    public void Save(IEnumerable<string> keep)
    {
        if (_file is null)
        {
            return;
        }
        lock (_lock)
        {
            var wanted = keep.Select(Key).ToHashSet(StringComparer.Ordinal);
            var stale = _vectors.Keys.Where(k => !wanted.Contains(k)).ToList();
            var prune = stale.Count > Math.Max(MaxStale, wanted.Count);
            if (!_dirty && !prune)
            {
                return;
            }
            if (prune)
            {
                stale.ForEach(k => _vectors.Remove(k));
            }
            // Its own temporary file: another process may be saving the same cache at this moment.
            var temporary = $"{_file}.{Guid.NewGuid():N}.tmp";
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                using (var writer = new BinaryWriter(stream))
                {
                    writer.Write(s_magic);
                    writer.Write(_dimensions);
                    writer.Write(_vectors.Count);
                    foreach (var (key, vector) in _vectors)
                    {
                        writer.Write(Convert.FromHexString(key));
                        foreach (var value in vector)
                        {
                            writer.Write(value);
                        }
                    }
                }
                File.Move(temporary, _file, overwrite: true);
                _dirty = false;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A full disk or a read-only folder costs the next start some time, nothing else.
                File.Delete(temporary);
            }
        }
    }

    private void Load()
    {
        if (!File.Exists(_file))
        {
            return;
        }
        try
        {
            using var reader = new BinaryReader(File.OpenRead(_file!));
            if (!reader.ReadBytes(s_magic.Length).AsSpan().SequenceEqual(s_magic))
            {
                return;
            }
            var dimensions = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (dimensions is <= 0 or > 8192 || count < 0)
            {
                return;
            }
            for (var i = 0; i < count; i++)
            {
                var key = Convert.ToHexString(reader.ReadBytes(HashBytes));
                var vector = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    vector[d] = reader.ReadSingle();
                }
                _vectors[key] = vector;
            }
            _dimensions = dimensions;
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or UnauthorizedAccessException)
        {
            _vectors.Clear();
        }
    }

    private string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{_model}\n{text}")));

    private static string Sanitize(string model) =>
        string.Concat(model.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
