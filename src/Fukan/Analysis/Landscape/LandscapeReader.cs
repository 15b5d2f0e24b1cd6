using Fukan.Extraction.Landscape;
using Fukan.Model;
using Fukan.Storage;

namespace Fukan.Analysis.Landscape;

/// <summary>No document in the knowledge base (or the one named) has an international comparison.</summary>
public sealed class NoLandscapeException(string message) : Exception(message);

/// <summary>
/// Loads landscape facts from the knowledge base and picks the document to show: the one named, or by default
/// the newest report (by document date, then by ingestion time) that has comparison rows.
/// </summary>
public sealed class LandscapeReader
{
    private readonly IKnowledgeStore _store;

    public LandscapeReader(IKnowledgeStore store) => _store = store;

    /// <summary>What <see cref="ChooseAsync"/> picked and among how many candidates.</summary>
    public sealed record Choice(DocumentInfo Document, bool Defaulted, int Candidates);

    /// <summary>
    /// The document named by <paramref name="reference"/> (id prefix, file name prefix, path or title), or the
    /// newest report with comparison rows when it is null. Throws <see cref="DocumentReferenceException"/> for a
    /// reference that matches nothing or several, <see cref="NoLandscapeException"/> when there is nothing to show.
    /// </summary>
    public async Task<Choice> ChooseAsync(string? reference, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(reference))
        {
            var doc = await _store.ResolveAsync(reference, cancellationToken).ConfigureAwait(false);
            return new Choice(doc, false, 1);
        }
        var docs = await _store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        var counts = await _store.CountFactsAsync(ComparisonRow.FactKind, cancellationToken).ConfigureAwait(false);
        var withRows = docs.Where(d => counts.ContainsKey(d.Id)).ToList();
        if (withRows.Count == 0)
            throw new NoLandscapeException("no document in the knowledge base has an international comparison (国際比較) table; ingest a panoramic report first");
        withRows.Sort(Newer);
        return new Choice(withRows[0], true, withRows.Count);
    }

    /// <summary>Newest first: reports before other kinds, then by date (undated last), then by ingestion time.</summary>
    private static int Newer(DocumentInfo a, DocumentInfo b)
    {
        int kind = (b.Kind == DocumentKind.Report).CompareTo(a.Kind == DocumentKind.Report);
        if (kind != 0) return kind;
        int date = Nullable.Compare(b.Date, a.Date);
        if (date != 0) return date;
        return b.IngestedAt.CompareTo(a.IngestedAt);
    }

    /// <summary>Every landscape fact of <paramref name="document"/>.</summary>
    public async Task<LandscapeDocument> LoadAsync(DocumentInfo document, CancellationToken cancellationToken = default)
    {
        var rows = await Load<ComparisonRow>(ComparisonRow.FactKind, document, cancellationToken).ConfigureAwait(false);
        var areas = await Load<AreaProfile>(AreaProfile.FactKind, document, cancellationToken).ConfigureAwait(false);
        var divisions = await Load<LandscapeDivision>(LandscapeDivision.FactKind, document, cancellationToken).ConfigureAwait(false);
        var themes = await Load<PriorityTheme>(PriorityTheme.FactKind, document, cancellationToken).ConfigureAwait(false);
        return new LandscapeDocument(document, rows, areas, divisions, themes);
    }

    private async Task<IReadOnlyList<T>> Load<T>(string kind, DocumentInfo document, CancellationToken cancellationToken) where T : Fact
    {
        var stored = await _store.GetFactsAsync(kind, document.Id, cancellationToken).ConfigureAwait(false);
        var list = new List<T>(stored.Count);
        foreach (var f in stored) list.Add(FactSerializer.Deserialize<T>(f));
        return list;
    }
}
