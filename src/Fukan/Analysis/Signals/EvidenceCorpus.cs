using Fukan.Model;
using Fukan.Storage;

namespace Fukan.Analysis.Signals;

/// <summary>A document as evidence: its metadata, passages and source text (for line numbers).</summary>
public sealed record EvidenceDocument(DocumentInfo Info, IReadOnlyList<Passage> Passages, SourceText Source);

/// <summary>
/// The documents signals are evaluated against. <see cref="LoadAsync"/> reads every document of a knowledge base;
/// tests build one from processed documents. Documents are kept newest first (undated last), then by id, which is
/// the order evidence is reported in.
/// </summary>
public sealed class EvidenceCorpus
{
    public EvidenceCorpus(IEnumerable<EvidenceDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var list = new List<EvidenceDocument>(documents);
        list.Sort(static (a, b) =>
        {
            int byDate = Nullable.Compare(b.Info.Date, a.Info.Date);
            return byDate != 0 ? byDate : string.CompareOrdinal(a.Info.Id.Value, b.Info.Id.Value);
        });
        Documents = list;
    }

    public IReadOnlyList<EvidenceDocument> Documents { get; }

    /// <summary>Every document of <paramref name="store"/> with its passages and source.</summary>
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
        return new EvidenceCorpus(list);
    }
}
