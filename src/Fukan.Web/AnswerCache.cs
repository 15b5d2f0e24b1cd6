using System.Collections.Concurrent;
using Fukan.Contracts;

namespace Fukan.Web;

/// <summary>
/// Remembers the answers that cost a pass over the whole knowledge base (the watchlist evaluation, rankings) for as
/// long as the knowledge base is unchanged: the key includes a fingerprint of the stored documents (ids and ingest
/// times), so an ingest or removal by another process is seen on the next request. Bounded: at most
/// <see cref="Capacity"/> answers, all dropped when full.
/// </summary>
public sealed class AnswerCache
{
    public const int Capacity = 64;

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _answers = new(StringComparer.Ordinal);

    public async Task<T> GetAsync<T>(FukanQueries q, string key, Func<Task<T>> compute, CancellationToken ct) where T : class
    {
        var docs = await q.Store.ListDocumentsAsync(ct).ConfigureAwait(false);
        var hash = new HashCode();
        foreach (var d in docs) { hash.Add(d.Id.Value); hash.Add(d.IngestedAt); }
        var full = $"{docs.Count}:{hash.ToHashCode()}:{key}";
        if (_answers.Count >= Capacity) _answers.Clear();
        var lazy = _answers.GetOrAdd(full, _ => new Lazy<Task<object>>(async () => await compute().ConfigureAwait(false)));
        try { return (T)await lazy.Value.ConfigureAwait(false); }
        catch
        {
            _answers.TryRemove(full, out _);   // a failed answer is not remembered
            throw;
        }
    }
}
