using Microsoft.AspNetCore.Http;
using Fukan.Contracts;
using Fukan.Storage;

namespace Fukan.Web;

/// <summary>
/// The knowledge base the server reads: opened once, read-only (nothing is ever written over HTTP), and shared by
/// every request (the store serves concurrent readers). Disposed with the server.
/// </summary>
public sealed class KnowledgeBaseReader(FukanWebOptions options, IHttpContextAccessor? http = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IKnowledgeStore? _store;

    public string Location => options.Database;

    /// <summary>
    /// Runs a read on the knowledge base. A request with <c>asOf</c> (and optionally <c>knownAt</c>) in its query
    /// string reads the store's as-of view instead, on every route and page (the same rule as the CLI's
    /// <c>--as-of</c>/<c>--known-at</c>); remembered answers are keyed by the documents a view holds, so views and the
    /// whole store never share an answer.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<FukanQueries, Task<T>> read, CancellationToken ct)
    {
        var store = await StoreAsync(ct).ConfigureAwait(false);
        if (AsOfOfRequest() is not { } asOf) return await read(new FukanQueries(store)).ConfigureAwait(false);
        await using var view = new AsOfKnowledgeStore(store, asOf, leaveOpen: true);
        return await read(new FukanQueries(view)).ConfigureAwait(false);
    }

    /// <summary>The as-of bounds the current request asks for (<c>?asOf=2022-06&amp;knownAt=…</c>), or null.</summary>
    private AsOf? AsOfOfRequest()
    {
        if (http?.HttpContext?.Request is not { } request) return null;
        string? Value(string name) => request.Query.TryGetValue(name, out var v) && v.Count > 0 ? v[^1] : null;
        try { return AsOf.Parse(Value("asOf"), Value("knownAt")); }
        catch (FormatException e) { throw QueryException.BadParameter(e.Message.Replace("--as-of", "asOf", StringComparison.Ordinal).Replace("--known-at", "knownAt", StringComparison.Ordinal)); }
    }

    private async Task<IKnowledgeStore> StoreAsync(CancellationToken ct)
    {
        if (_store is { } open) return open;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_store is null)
            {
                try { _store = await KnowledgeBase.OpenAsync(options.Database, StoreAccess.Read, cancellationToken: ct).ConfigureAwait(false); }
                catch (StoreException e) { throw QueryException.NotFound(e.Message); }
            }
            return _store;
        }
        finally { _gate.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
