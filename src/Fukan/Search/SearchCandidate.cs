using Fukan.Model;

namespace Fukan.Search;

/// <summary>A ranked row before its snippet is cut: what every engine's index hands to the shared last steps.</summary>
internal sealed record SearchCandidate(string PassageId, DocumentId Document, string Title, DocumentKind Kind, string SectionPath,
    string Text, byte[] Map, Provenance Provenance, double Score)
{
    /// <summary>How much a document title holding every query clause raises a hit's score (0.2 = 20%).</summary>
    internal const double TitleBoost = 0.2;

    /// <summary>
    /// Re-ranks the pool: a hit whose document title holds query clauses gains up to
    /// <see cref="TitleBoost"/> of its score (all clauses in the title), then the best <paramref name="limit"/> are kept.
    /// </summary>
    public static void BoostTitles(List<SearchCandidate> hits, SnippetBuilder snippets, IReadOnlyList<AnalyzedTerm> terms, int clauseCount, int limit)
    {
        var titleShare = new Dictionary<DocumentId, double>();
        for (int i = 0; i < hits.Count; i++)
        {
            var h = hits[i];
            if (!titleShare.TryGetValue(h.Document, out double share))
            {
                var clausesInTitle = new HashSet<int>();
                foreach (var m in snippets.FindMatches(h.Title, terms)) clausesInTitle.Add(m.Clause);
                share = clausesInTitle.Count / (double)clauseCount;
                titleShare[h.Document] = share;
            }
            if (share > 0) hits[i] = h with { Score = h.Score * (1 + TitleBoost * share) };
        }
        // Stable: equal scores keep the index's order.
        var ordered = hits.Select((h, i) => (h, i)).OrderByDescending(x => x.h.Score).ThenBy(x => x.i).Select(x => x.h).Take(limit).ToList();
        hits.Clear();
        hits.AddRange(ordered);
    }

    public static List<SearchHit> WithSnippets(List<SearchCandidate> candidates, SnippetBuilder snippets, IReadOnlyList<AnalyzedTerm> terms, int snippetLength)
    {
        var hits = new List<SearchHit>(candidates.Count);
        foreach (var c in candidates)
        {
            var (snippet, highlights) = snippets.Build(c.Text, OffsetMap.FromBytes(c.Map), terms, snippetLength);
            hits.Add(new SearchHit(c.PassageId, c.Document, c.Title, c.Score, c.SectionPath, c.Provenance, snippet, highlights) { DocumentKind = c.Kind });
        }
        return hits;
    }
}

/// <summary>A query's clauses, exclusions and section filters analysed into index terms: the same for every engine.</summary>
internal sealed record AnalyzedQuery(List<IReadOnlyList<AnalyzedTerm>> Clauses, List<AnalyzedTerm> All, List<AnalyzedTerm> Excluded, List<AnalyzedTerm> Sections)
{
    public static AnalyzedQuery Of(SearchQuery query, ISearchAnalyzer analyzer, TokenBuffer buffer)
    {
        var clauses = new List<IReadOnlyList<AnalyzedTerm>>();
        var all = new List<AnalyzedTerm>();
        foreach (var clause in query.Clauses)
        {
            var alternatives = new List<AnalyzedTerm>();
            foreach (var t in clause.Alternatives)
            {
                if (AnalyzedTerm.Analyze(analyzer, buffer, t, clauses.Count) is { } a) alternatives.Add(a);
                // Japanese is written without spaces: "バックサイド 電源" also means バックサイド電源.
                if (t.Quoted && QueryTerm.JoinCjkSpaces(t.Text) is { } joined
                    && AnalyzedTerm.Analyze(analyzer, buffer, new QueryTerm(joined, true), clauses.Count) is { } j)
                    alternatives.Add(j);
            }
            if (alternatives.Count == 0) continue;
            clauses.Add(alternatives);
            all.AddRange(alternatives);
        }
        if (clauses.Count == 0) throw new SearchQueryException($"nothing to search for in '{query.Text}'");
        var excluded = AnalyzeAll(query.Excluded, analyzer, buffer);
        var sections = AnalyzeAll(query.Filters.Sections.Select(s => new QueryTerm(s, true)), analyzer, buffer);
        if (sections.Count == 0 && query.Filters.Sections.Count > 0)
            throw new SearchQueryException("section: value has nothing to match");
        return new AnalyzedQuery(clauses, all, excluded, sections);
    }

    public static List<AnalyzedTerm> AnalyzeAll(IEnumerable<QueryTerm> terms, ISearchAnalyzer analyzer, TokenBuffer buffer)
    {
        var list = new List<AnalyzedTerm>();
        foreach (var t in terms)
            if (AnalyzedTerm.Analyze(analyzer, buffer, t, -1) is { } a) list.Add(a);
        return list;
    }
}
