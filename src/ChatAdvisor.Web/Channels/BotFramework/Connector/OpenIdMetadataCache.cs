using System.Collections.Concurrent;
using Microsoft.IdentityModel.Protocols;

namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

/// <summary>
/// One <see cref="ConfigurationManager{T}"/> per metadata URL (IdentityModel defaults: refresh every 12 h, forced
/// refresh at most every 5 min), fetching through a named <see cref="HttpClient"/>.
/// </summary>
internal sealed class OpenIdMetadataCache(IHttpClientFactory httpClientFactory, BotOptions options, TimeProvider timeProvider)
{
    public const string HttpClientName = "ChatAdvisor.Bot.OpenIdMetadata";

    private readonly ConcurrentDictionary<string, Source> _sources = new(StringComparer.Ordinal);

    public Task<SigningMetadata> GetAsync(string metadataUrl, CancellationToken cancellationToken) =>
        SourceFor(metadataUrl).Manager.GetConfigurationAsync(cancellationToken);

    /// <summary>
    /// Fresh metadata after a token named an unknown key, or null when none could be had. Callers within one refresh
    /// interval share one refresh, so a stream of unknown key ids costs one fetch per 5 minutes.
    /// </summary>
    public Task<SigningMetadata?> RefreshAsync(string metadataUrl, SigningMetadata stale, CancellationToken cancellationToken) =>
        SourceFor(metadataUrl).RefreshAsync(stale).WaitAsync(cancellationToken);

    private Source SourceFor(string metadataUrl) =>
        _sources.GetOrAdd(metadataUrl, url => new Source(url, new DocumentRetriever(httpClientFactory, options.RequireHttpsMetadata), options.HttpTimeout, timeProvider));

    private sealed class Source
    {
        private readonly Lock _gate = new();
        private readonly Retriever _retriever = new();
        private readonly TimeSpan _httpTimeout;
        private readonly TimeProvider _clock;
        private Task<SigningMetadata?>? _refresh;
        private long _refreshStarted;

        public Source(string metadataUrl, IDocumentRetriever documents, TimeSpan httpTimeout, TimeProvider clock)
        {
            Manager = new(metadataUrl, _retriever, documents);
            _httpTimeout = httpTimeout;
            _clock = clock;
        }

        public ConfigurationManager<SigningMetadata> Manager { get; }

        public Task<SigningMetadata?> RefreshAsync(SigningMetadata stale)
        {
            lock (_gate)
            {
                if (_refresh is null || _clock.GetElapsedTime(_refreshStarted) >= Manager.RefreshInterval)
                {
                    _refreshStarted = _clock.GetTimestamp();
                    // Metadata and key set: two requests, each bounded by the client's timeout.
                    _refresh = RefreshCoreAsync(stale, _httpTimeout * 2);
                }
                return _refresh;
            }
        }

        // IdentityModel 8.x refreshes in the background by default: RequestRefresh starts a fetch and
        // GetConfigurationAsync keeps returning the old document until it lands. To retry a token once against the
        // new keys, wait (bounded) for the fetch that RequestRefresh started. With the blocking switch
        // (Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking) GetConfigurationAsync itself returns the new one.
        private async Task<SigningMetadata?> RefreshCoreAsync(SigningMetadata stale, TimeSpan wait)
        {
            var next = _retriever.NextRetrieval;
            Manager.RequestRefresh();
            var current = await Manager.GetConfigurationAsync(CancellationToken.None);
            if (!ReferenceEquals(current, stale))
            {
                return current;
            }
            try
            {
                return await next.WaitAsync(wait, _clock);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }
    }

    /// <summary>Fetches <see cref="SigningMetadata"/> and signals each completed fetch to waiting refreshes.</summary>
    private sealed class Retriever : IConfigurationRetriever<SigningMetadata>
    {
        private TaskCompletionSource<SigningMetadata?> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<SigningMetadata?> NextRetrieval => Volatile.Read(ref _next).Task;

        public async Task<SigningMetadata> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
        {
            SigningMetadata? metadata = null;
            try
            {
                metadata = await SigningMetadata.RetrieveAsync(address, retriever, cancel);
                return metadata;
            }
            finally
            {
                // A failed fetch completes the wait with null: the manager keeps serving the old document.
                Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(metadata);
            }
        }
    }

    /// <summary>A fresh factory client per fetch, so a long-lived manager never pins one connection pool.</summary>
    private sealed class DocumentRetriever(IHttpClientFactory httpClientFactory, bool requireHttps) : IDocumentRetriever
    {
        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
            new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName)) { RequireHttps = requireHttps }
                .GetDocumentAsync(address, cancel);
    }
}
