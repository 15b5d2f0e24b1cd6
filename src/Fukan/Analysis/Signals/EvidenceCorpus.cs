using Fukan.Model;
using Fukan.Search;
using Fukan.Storage;

namespace Fukan.Analysis.Signals;

/// <summary>
/// A document as evidence: its metadata, the passages to read and, when it is at hand, its source text (for line
/// numbers). Passages are in document order; they need not be all of the document's, but a table row comes with
/// the rows before it up to its table's header row (ordinals tell which passages are adjacent). Without
/// <see cref="Source"/>, line numbers inside a passage that spans several lines are read from the store.
/// </summary>
public sealed record EvidenceDocument(DocumentInfo Info, IReadOnlyList<Passage> Passages, SourceText? Source);

/// <summary>
/// The documents signals are evaluated against, kept newest first (undated last), then by id, which is the order
/// evidence is reported in. <see cref="FindAsync"/> reads from a knowledge base only the passages that can speak to
/// a watchlist, found through the search index; <see cref="LoadAsync"/> reads every passage of every document;
/// tests build one from processed documents.
/// </summary>
public sealed class EvidenceCorpus
{
    private readonly IKnowledgeStore? _store;

    public EvidenceCorpus(IEnumerable<EvidenceDocument> documents)
        : this(documents, null, null)
    {
    }

    private EvidenceCorpus(IEnumerable<EvidenceDocument> documents, int? documentCount, IKnowledgeStore? store)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var list = new List<EvidenceDocument>(documents);
        list.Sort(static (a, b) =>
        {
            int byDate = Nullable.Compare(b.Info.Date, a.Info.Date);
            return byDate != 0 ? byDate : string.CompareOrdinal(a.Info.Id.Value, b.Info.Id.Value);
        });
        Documents = list;
        DocumentCount = documentCount ?? list.Count;
        _store = store;
    }

    /// <summary>The documents with passages to read.</summary>
    public IReadOnlyList<EvidenceDocument> Documents { get; }

    /// <summary>How many documents the evidence was looked for in (the whole knowledge base for a store).</summary>
    public int DocumentCount { get; }

    /// <summary>Every document of <paramref name="store"/> with all its passages and its source.</summary>
    public static async Task<EvidenceCorpus> LoadAsync(IKnowledgeStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var docs = await store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<EvidenceDocument>(docs.Count);
        foreach (var d in docs)
        {
            var passages = await store.GetPassagesAsync(d.Id, cancellationToken).ConfigureAwait(false);
            var source = await store.GetSourceAsync(d.Id, cancellationToken).ConfigureAwait(false);
            list.Add(new EvidenceDocument(d, passages, source));
        }
        return new EvidenceCorpus(list, docs.Count, store);
    }

    /// <summary>
    /// The passages of <paramref name="store"/> that can speak to a signal of <paramref name="watchlist"/>: those
    /// naming one of its aliases in their text or section headings (found through the search index), and the rows
    /// of tables whose header row names one. Source text is not loaded; line numbers of evidence inside a passage
    /// of several lines are read from the store when the evidence is reported. The cost follows what the aliases
    /// find, not the size of the knowledge base. When the index cannot stand in for the aliases (an index built
    /// with another analyzer than the default bigrams, or an alias with no letter, digit or kana to search for),
    /// every passage is read as <see cref="LoadAsync"/> does.
    /// </summary>
    public static async Task<EvidenceCorpus> FindAsync(IKnowledgeStore store, Watchlist watchlist, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(watchlist);
        if (!CanSearch(store.Search.AnalyzerName, watchlist)) return await LoadAsync(store, cancellationToken).ConfigureAwait(false);

        var docs = await store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signal in watchlist.Signals)
        {
            if (signal.AliasSet.IsEmpty) continue;
            var alternatives = new List<QueryTerm>(signal.AliasSet.Terms.Count);
            foreach (var alias in signal.AliasSet.Terms) alternatives.Add(new QueryTerm(alias, Quoted: true));
            var query = new SearchQuery(string.Join(" OR ", signal.AliasSet.Terms), [new QueryClause(alternatives)], [], SearchFilters.None);
            foreach (var id in store.Search.Matches(query)) ids.Add(id);
        }
        var passages = await store.GetPassagesByIdAsync(ids, cancellationToken).ConfigureAwait(false);

        var byDocument = new Dictionary<DocumentId, SortedDictionary<int, Passage>>();
        foreach (var p in passages) Of(byDocument, p.Document)[p.Ordinal] = p;
        await AddTablesAsync(store, watchlist, byDocument, cancellationToken).ConfigureAwait(false);

        var list = new List<EvidenceDocument>(byDocument.Count);
        foreach (var d in docs)
            if (byDocument.TryGetValue(d.Id, out var found)) list.Add(new EvidenceDocument(d, [.. found.Values], null));
        return new EvidenceCorpus(list, docs.Count, store);
    }

    /// <summary>
    /// True when every passage whose folded text holds an alias is found by searching for it: the bigram index
    /// folds at least as much as <see cref="TermSet"/> does and indexes every kana and ideograph pair, so an alias
    /// with something to search for is found wherever it occurs (a morphological index may cut it differently).
    /// </summary>
    private static bool CanSearch(string analyzer, Watchlist watchlist)
    {
        if (analyzer != "bigram") return false;
        foreach (var signal in watchlist.Signals)
            foreach (var alias in signal.AliasSet.Terms)
            {
                bool searchable = false;
                foreach (char c in alias)
                    if (SearchCharClasses.Of(c) != SearchCharClass.Separator) { searchable = true; break; }
                if (!searchable) return false;
            }
        return true;
    }

    /// <summary>How many passages are read at first while walking a table; each further read doubles it, up to <see cref="MaxTableStep"/>.</summary>
    private const int TableStep = 4, MaxTableStep = 64;

    /// <summary>
    /// A table row is read with its table's header row (see <see cref="SignalEvaluator"/>): for every row found, the
    /// rows back to its header; for a header row naming an alias, every row of its table.
    /// </summary>
    private static async Task AddTablesAsync(IKnowledgeStore store, Watchlist watchlist, Dictionary<DocumentId, SortedDictionary<int, Passage>> byDocument,
        CancellationToken cancellationToken)
    {
        foreach (var (doc, found) in byDocument)
        {
            var rows = new List<Passage>();
            foreach (var p in found.Values)
                if (p.Kind == PassageKind.TableRow) rows.Add(p);
            foreach (var row in rows)
            {
                // Back to the header: the first row after a passage that is not a table row.
                int ordinal = row.Ordinal, step = TableStep;
                while (ordinal > 0)
                {
                    if (!found.TryGetValue(ordinal - 1, out var before))
                    {
                        await ReadAsync(store, doc, Math.Max(0, ordinal - step), ordinal, found, cancellationToken).ConfigureAwait(false);
                        step = Math.Min(MaxTableStep, step * 2);
                        if (!found.TryGetValue(ordinal - 1, out before)) break;
                    }
                    if (before.Kind != PassageKind.TableRow) break;
                    ordinal--;
                }
                var header = found[ordinal];
                if (!NamesAlias(watchlist, FoldedText.Fold(header.Text))) continue;
                // The header names a signal: every row of the table speaks under it.
                int next = row.Ordinal + 1;
                step = TableStep;
                while (true)
                {
                    if (!found.TryGetValue(next, out var after))
                    {
                        await ReadAsync(store, doc, next, next + step, found, cancellationToken).ConfigureAwait(false);
                        step = Math.Min(MaxTableStep, step * 2);
                        if (!found.TryGetValue(next, out after)) break;
                    }
                    if (after.Kind != PassageKind.TableRow) break;
                    next++;
                }
            }
        }
    }

    private static bool NamesAlias(Watchlist watchlist, string folded)
    {
        foreach (var s in watchlist.Signals)
            if (s.AliasSet.Any(folded)) return true;
        return false;
    }

    /// <summary>Adds the passages of ordinals [from, to) of <paramref name="doc"/> not yet read.</summary>
    private static async Task ReadAsync(IKnowledgeStore store, DocumentId doc, int from, int to, SortedDictionary<int, Passage> found, CancellationToken cancellationToken)
    {
        var ids = new List<string>(to - from);
        for (int o = from; o < to; o++)
            if (!found.ContainsKey(o)) ids.Add(Passage.IdOf(doc, o));
        foreach (var p in await store.GetPassagesByIdAsync(ids, cancellationToken).ConfigureAwait(false))
            if (p.Document == doc) found[p.Ordinal] = p;
    }

    private static SortedDictionary<int, Passage> Of(Dictionary<DocumentId, SortedDictionary<int, Passage>> byDocument, DocumentId doc)
    {
        if (!byDocument.TryGetValue(doc, out var found)) byDocument[doc] = found = new SortedDictionary<int, Passage>();
        return found;
    }

    /// <summary>
    /// The original text of each span of a document (a passage's lines), for line numbers: from the document's
    /// source when it is at hand, else from the store.
    /// </summary>
    internal async Task<IReadOnlyList<string>> SourceTextAsync(EvidenceDocument document, IReadOnlyList<CharSpan> spans, CancellationToken cancellationToken)
    {
        if (document.Source is { } source)
        {
            var texts = new string[spans.Count];
            for (int i = 0; i < spans.Count; i++) texts[i] = source.Text[spans[i].Start..spans[i].End];
            return texts;
        }
        var store = _store ?? throw new InvalidOperationException($"{document.Info.Id.Short}: neither its source nor a store to read it from");
        return await store.GetSourceTextAsync(document.Info.Id, spans, cancellationToken).ConfigureAwait(false);
    }
}
