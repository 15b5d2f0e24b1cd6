using Fukan.Contracts;
using Fukan.Pipeline;

namespace Fukan.Web;

/// <summary>
/// Opens the knowledge base for one request and hands out its queries. Each request gets its own connection, so
/// many readers run side by side; nothing here writes.
/// </summary>
public sealed class KnowledgeBase(FukanWebOptions options)
{
    public string Location => options.Database;

    public async Task<T> ReadAsync<T>(Func<FukanQueries, Task<T>> read, CancellationToken ct)
    {
        if (!File.Exists(options.Database)) throw QueryException.NotFound($"{options.Database}: no knowledge base here");
        await using var store = await FukanDefaults.OpenStoreAsync(options.Database, cancellationToken: ct).ConfigureAwait(false);
        return await read(new FukanQueries(store)).ConfigureAwait(false);
    }
}
