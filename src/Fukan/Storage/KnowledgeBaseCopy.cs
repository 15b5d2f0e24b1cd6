using Fukan.Extraction.Entities;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Search;

namespace Fukan.Storage;

/// <summary>What a copy did, and what its check found.</summary>
public sealed record CopySummary(int Documents, int Copied, int AlreadyThere, long Passages, long Facts, double Seconds, IReadOnlyList<string> Mismatches)
{
    public bool Verified => Mismatches.Count == 0;
}

/// <summary>One document copied (or found already there).</summary>
public sealed record CopyProgress(int Done, int Total, DocumentInfo Document, bool Copied);

/// <summary>
/// Moves a knowledge base between stores, either way between engines: document by document (one in memory at a
/// time), each in the target's own transaction, with its source text, sections, passages (offset maps included),
/// diagnostics and facts (their stored JSON byte for byte); the target indexes the passages itself. A document the
/// target already holds is skipped, so an interrupted copy resumes where it stopped. At the end every source
/// document is checked in the target: present, with as many sections, passages and facts of each kind.
/// </summary>
public static class KnowledgeBaseCopy
{
    public static async Task<CopySummary> CopyAsync(IKnowledgeStore from, IKnowledgeStore to, IProgress<CopyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (to.IsReadOnly) throw new StoreException($"{to.Location}: opened for reading; a copy needs it opened for writing");
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        var documents = await from.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        int copied = 0, there = 0, done = 0;
        long passages = 0, facts = 0;
        var expected = new Dictionary<DocumentId, Dictionary<string, int>>();
        foreach (var info in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kinds = await from.GetFactKindsAsync(info.Id, cancellationToken).ConfigureAwait(false);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            expected[info.Id] = counts;
            bool present = await to.ContainsAsync(info.Id, cancellationToken).ConfigureAwait(false);
            var all = new List<Fact>();
            foreach (var kind in kinds)
            {
                var stored = await from.GetFactsAsync(kind, info.Id, cancellationToken).ConfigureAwait(false);
                counts[kind] = stored.Count;
                if (!present) foreach (var f in stored) all.Add(StoredJsonFact.Of(f));
            }
            facts += counts.Values.Sum();
            passages += info.PassageCount;
            if (present)
            {
                there++;
            }
            else
            {
                var document = new ProcessedDocument(info,
                    await from.GetSourceAsync(info.Id, cancellationToken).ConfigureAwait(false),
                    await from.GetSectionsAsync(info.Id, cancellationToken).ConfigureAwait(false),
                    await from.GetPassagesAsync(info.Id, cancellationToken).ConfigureAwait(false),
                    all,
                    await from.GetDiagnosticsAsync(info.Id, cancellationToken).ConfigureAwait(false),
                    StageTimings.Zero);
                await to.SaveAsync(document, cancellationToken).ConfigureAwait(false);
                copied++;
            }
            progress?.Report(new CopyProgress(++done, documents.Count, info, !present));
        }
        // Analysts' decisions on conflicts go along (those in force; the target's own are kept, the copied ones appended).
        static string Key(StoredResolution r) => $"{r.GroupId}\n{r.Preferred}\n{string.Join('\n', r.Deprecated)}\n{r.Note}\n{r.By}\n{r.At.UtcTicks}";
        var decided = (await to.ListResolutionsAsync(cancellationToken).ConfigureAwait(false)).Select(Key).ToHashSet(StringComparer.Ordinal);
        foreach (var r in await from.ListResolutionsAsync(cancellationToken).ConfigureAwait(false))
            if (!decided.Contains(Key(r))) await to.SaveResolutionAsync(r, cancellationToken).ConfigureAwait(false);
        var mismatches = await VerifyAsync(documents, expected, to, cancellationToken).ConfigureAwait(false);
        return new CopySummary(documents.Count, copied, there, passages, facts, System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds, mismatches);
    }

    private static async Task<List<string>> VerifyAsync(IReadOnlyList<DocumentInfo> documents, Dictionary<DocumentId, Dictionary<string, int>> expected, IKnowledgeStore to, CancellationToken ct)
    {
        var mismatches = new List<string>();
        var target = (await to.ListDocumentsAsync(ct).ConfigureAwait(false)).ToDictionary(d => d.Id);
        foreach (var info in documents)
        {
            var name = $"{info.Id.Short} {Path.GetFileName(info.Path)}";
            if (!target.TryGetValue(info.Id, out var copy)) { mismatches.Add($"{name}: missing in the target"); continue; }
            int sections = (await to.GetSectionsAsync(info.Id, ct).ConfigureAwait(false)).Count;
            if (sections != info.SectionCount) mismatches.Add($"{name}: {sections} sections, not {info.SectionCount}");
            int passages = (await to.GetPassagesAsync(info.Id, ct).ConfigureAwait(false)).Count;
            if (passages != info.PassageCount) mismatches.Add($"{name}: {passages} passages, not {info.PassageCount}");
            foreach (var (kind, count) in expected[info.Id])
            {
                int got = kind == MentionFact.KindName
                    ? (await to.GetFactsAsync(kind, info.Id, ct).ConfigureAwait(false)).Count
                    : (await to.QueryFactsAsync(new FactQuery(kind) { Document = info.Id, Limit = 0 }, ct).ConfigureAwait(false)).Total;
                // Fact rows skip no kind but mentions; a kind without typed keys still has one row per fact.
                if (got != count) mismatches.Add($"{name}: {got} {kind} facts, not {count}");
            }
        }
        return mismatches;
    }

    /// <summary>The analyzer a copy's target should index with: the one the source's index was built with.</summary>
    public static ISearchAnalyzer AnalyzerOf(IKnowledgeStore from) =>
        from.Search.AnalyzerName == "mecab"
            ? MecabAnalyzer.TryCreate(out var reason) ?? throw new StoreException($"{from.Location}: its search index was built with MeCab, which is not available here ({reason})")
            : new BigramAnalyzer();
}
