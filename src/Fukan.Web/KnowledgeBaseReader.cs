using Fukan.Contracts;
using Fukan.Storage;

namespace Fukan.Web;

/// <summary>
/// The knowledge base the server reads: opened once, read-only (nothing is ever written over HTTP), and shared by
/// every request (the store serves concurrent readers). Disposed with the server.
/// </summary>
public sealed class KnowledgeBaseReader(FukanWebOptions options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IKnowledgeStore? _store;

    public string Location => options.Database;

    public async Task<T> ReadAsync<T>(Func<FukanQueries, Task<T>> read, CancellationToken ct) =>
        await read(new FukanQueries(await StoreAsync(ct).ConfigureAwait(false))).ConfigureAwait(false);

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
