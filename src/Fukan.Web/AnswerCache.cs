using System.Collections.Concurrent;
using Fukan.Contracts;

namespace Fukan.Web;

/// <summary>
/// Remembers the answers that cost a pass over much of the knowledge base (the watchlist evaluation, rankings,
/// money, timelines) for as long as the knowledge base is unchanged: the key includes a fingerprint of the stored
/// documents (ids and ingest times), so an ingest or removal by another process is seen on the next request.
/// Answers sit on shelves by kind, each bounded (all of a shelf dropped when it is full), so many large answers of one
/// kind (timelines over different years) cannot crowd out the rest or grow without bound; and every shelf is
/// emptied when the managed heap is more than half of what the process may use (<c>fukan serve</c> runs under the
/// CLI's 224 MB heap limit, and one timeline or ranking of a ×100 corpus holds tens of megabytes).
/// </summary>
public sealed class AnswerCache
{
    /// <summary>Answers kept per shelf unless <see cref="ShelfCapacity"/> says otherwise.</summary>
    public const int Capacity = 64;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Lazy<Task<object>>>> _shelves = new(StringComparer.Ordinal);

    /// <summary>How many answers a shelf keeps: whole timelines can be tens of megabytes at ×100, so few of them.</summary>
    public static int ShelfCapacity(string shelf) => shelf switch
    {
        "timeline" => 4,
        "money" or "signals" or "diff" => 16,
        // A report's landscape or a document's source is a few megabytes at most; a reader moves between a few.
        "landscape" or "source" => 8,
        _ => Capacity,
    };

    public Task<T> GetAsync<T>(FukanQueries q, string key, Func<Task<T>> compute, CancellationToken ct) where T : class =>
        GetAsync(q, key.Split('|', 2)[0], key, compute, ct);

    public async Task<T> GetAsync<T>(FukanQueries q, string shelf, string key, Func<Task<T>> compute, CancellationToken ct) where T : class
    {
        var docs = await q.Store.ListDocumentsAsync(ct).ConfigureAwait(false);
        var hash = new HashCode();
        foreach (var d in docs) { hash.Add(d.Id.Value); hash.Add(d.IngestedAt); }
        var full = $"{docs.Count}:{hash.ToHashCode()}:{key}";
        var answers = _shelves.GetOrAdd(shelf, _ => new ConcurrentDictionary<string, Lazy<Task<object>>>(StringComparer.Ordinal));
        if (!answers.ContainsKey(full))
        {
            if (HeapIsHalfFull()) Clear();
            else if (answers.Count >= ShelfCapacity(shelf)) answers.Clear();
        }
        // The computation does not take the request's token: other requests may be waiting for the same answer.
        // The computation starts on the thread pool, so the Lazy's lock is held only to start it: store calls that
        // complete synchronously (SQLite) do not keep other requests for the same answer blocked on the lock.
        var lazy = answers.GetOrAdd(full, _ => new Lazy<Task<object>>(() => Task.Run(async () => (object)await compute().ConfigureAwait(false))));
        try { return (T)await lazy.Value.WaitAsync(ct).ConfigureAwait(false); }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            answers.TryRemove(full, out _);   // a failed answer is not remembered
            throw;
        }
    }

    /// <summary>Forgets every answer (after the heap ran out).</summary>
    public void Clear()
    {
        foreach (var shelf in _shelves.Values) shelf.Clear();
    }

    /// <summary>Whether the managed heap holds more than half of what the process may use (its hard limit, else the machine's memory).</summary>
    private static bool HeapIsHalfFull() => GC.GetTotalMemory(false) > GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;
}
