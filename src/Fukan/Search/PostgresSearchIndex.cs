using System.Globalization;
using System.Text;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Fukan.Search;

/// <summary>
/// Search over a PostgreSQL knowledge base without extensions: each passage's terms from our own analyzer (split as
/// FTS5's ascii tokenizer splits them, <see cref="FtsTerms"/>) in a positioned <c>tsvector</c> (body weight D, section
/// path weight A, a gap between them) with a GIN index, so phrases (<c>&lt;-&gt;</c>), prefixes, columns and NOT are
/// matched in the server. Ranking is BM25 computed here over the matching rows exactly as the SQLite index ranks: the
/// rows and lengths come from <c>search_docs</c>, term document frequencies from <c>search_terms</c> (both kept in
/// each document's transaction); a query matching few rows takes a phrase's frequency from its rarest term (as
/// <see cref="SmallSetRanker"/>), others count the phrase's rows (as FTS5's bm25()). So both engines give the same
/// hits in the same order.
/// </summary>
internal sealed class PostgresSearchIndex : ISearchIndex
{
    private readonly PostgresKnowledgeStore _store;
    private ISearchAnalyzer _analyzer;

    public PostgresSearchIndex(PostgresKnowledgeStore store, ISearchAnalyzer analyzer)
    {
        _store = store;
        _analyzer = analyzer;
    }

    public string AnalyzerName => _analyzer.Name;

    /// <summary>The analyzer the stored index was built with; recorded (as <paramref name="requested"/>, else bigram) when none is yet.</summary>
    public static async Task<string> StoredAnalyzerAsync(NpgsqlConnection connection, string? requested, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(requested is null
            ? "SELECT value FROM search_meta WHERE key = 'analyzer'"
            : "INSERT INTO search_meta(key, value) VALUES ('analyzer', @a) ON CONFLICT DO NOTHING; SELECT value FROM search_meta WHERE key = 'analyzer'", connection);
        if (requested is not null) cmd.Parameters.AddWithValue("a", requested);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string ?? "bigram";
    }

    public static ISearchAnalyzer AnalyzerNamed(string name, string location)
    {
        if (name != "mecab") return new BigramAnalyzer();
        return MecabAnalyzer.TryCreate(out var reason)
            ?? throw new StoreException($"{location}: the search index was built with MeCab, which is not available here ({reason}); install mecab or run `fukan reindex --analyzer bigram`");
    }

    /// <summary>A document's index rows, analysed ahead of the write.</summary>
    internal sealed record PreparedRows(string Analyzer, string Name, int[] Ordinals, string?[] RowPaths, string[] Bodies, string[] Paths, string[] Vectors,
        long Length, string[] Terms, long[] TermRows);

    /// <summary>Largest position a tsvector keeps, and most positions per lexeme.</summary>
    private const int MaxPosition = 16383, MaxPositions = 256;

    public PreparedRows Prepare(ProcessedDocument document) => Prepare(_analyzer, document);

    private static PreparedRows Prepare(ISearchAnalyzer analyzer, ProcessedDocument document)
    {
        var passages = document.Passages;
        var bodies = SqliteSearchIndex.JoinAll(analyzer, passages);
        var labels = new SqliteSearchIndex.RowLabels();
        var ordinals = new int[passages.Count];
        var rowPaths = new string?[passages.Count];
        var paths = new string[passages.Count];
        var vectors = new string[passages.Count];
        var termRows = new Dictionary<string, long>(StringComparer.Ordinal);
        var body = new FtsTerms();
        var path = new FtsTerms();
        var buffer = new TokenBuffer();
        var sb = new StringBuilder();
        var positions = new Dictionary<string, List<(int Position, bool Path)>>(StringComparer.Ordinal);
        long length = 0;
        string? lastPath = null, lastJoined = null;
        for (int i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            ordinals[i] = p.Ordinal;
            var rowPath = labels.PathOf(p);
            rowPaths[i] = rowPath == p.SectionPath ? null : rowPath;
            if (rowPath != lastPath)
            {
                lastPath = rowPath;
                analyzer.Analyze(rowPath, buffer);
                sb.Clear();
                for (int t = 0; t < buffer.Count; t++) { if (t > 0) sb.Append(' '); sb.Append(buffer.Term(t)); }
                lastJoined = sb.ToString();
            }
            paths[i] = lastJoined!;
            body.Clear(); body.Add(bodies[i]);
            path.Clear(); path.Add(paths[i]);
            length += body.Count + path.Count;
            positions.Clear();
            for (int t = 0; t < body.Count; t++) Position(positions, body[t].ToString(), t + 1, false);
            for (int t = 0; t < path.Count; t++) Position(positions, path[t].ToString(), body.Count + 2 + t, true);
            sb.Clear();
            foreach (var (lexeme, at) in positions)
            {
                termRows[lexeme] = termRows.GetValueOrDefault(lexeme) + 1;
                if (sb.Length > 0) sb.Append(' ');
                AppendQuoted(sb, lexeme);
                sb.Append(':');
                for (int k = 0; k < at.Count && k < MaxPositions; k++)
                {
                    if (k > 0) sb.Append(',');
                    sb.Append(Math.Min(at[k].Position, MaxPosition).ToString(CultureInfo.InvariantCulture));
                    if (at[k].Path) sb.Append('A');
                }
            }
            vectors[i] = sb.ToString();
        }
        var terms = termRows.Keys.ToArray();
        Array.Sort(terms, StringComparer.Ordinal);
        var counts = new long[terms.Length];
        for (int i = 0; i < terms.Length; i++) counts[i] = termRows[terms[i]];
        return new PreparedRows(analyzer.Name, Path.GetFileName(document.Info.Path), ordinals, rowPaths, bodies, paths, vectors, length, terms, counts);
    }

    private static void Position(Dictionary<string, List<(int, bool)>> positions, string lexeme, int position, bool path)
    {
        if (!positions.TryGetValue(lexeme, out var list)) positions[lexeme] = list = new List<(int, bool)>(2);
        list.Add((position, path));
    }

    /// <summary>A lexeme quoted for tsvector and tsquery input: quotes and backslashes doubled.</summary>
    private static void AppendQuoted(StringBuilder sb, string lexeme) =>
        sb.Append('\'').Append(lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)).Append('\'');

    /// <summary>Indexes a document inside the store's transaction.</summary>
    public async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long docKey, ProcessedDocument document, PreparedRows? prepared, CancellationToken ct)
    {
        if (prepared is null || prepared.Analyzer != _analyzer.Name) prepared = Prepare(document);
        var stored = await StoredAnalyzerAsync(connection, null, ct).ConfigureAwait(false);
        if (stored != _analyzer.Name)
            throw new InvalidOperationException($"the search index was built with the '{stored}' analyzer, not '{_analyzer.Name}': run fukan reindex");
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO search_docs(doc_key, name, rows, length) VALUES (@key, @name, @rows, @length);
            INSERT INTO search_rows(doc_key, ordinal, row_path, body, path, tsv)
                SELECT @key, o, rp, b, p, v::tsvector FROM unnest(@ords, @rowPaths, @bodies, @paths, @vectors) AS u(o, rp, b, p, v);
            INSERT INTO search_terms(term, rows) SELECT t, n FROM unnest(@terms, @counts) AS u(t, n)
                ON CONFLICT(term) DO UPDATE SET rows = search_terms.rows + excluded.rows;
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue("key", docKey);
            cmd.Parameters.AddWithValue("name", prepared.Name);
            cmd.Parameters.AddWithValue("rows", prepared.Ordinals.Length);
            cmd.Parameters.AddWithValue("length", prepared.Length);
            cmd.Parameters.AddWithValue("ords", prepared.Ordinals);
            cmd.Parameters.AddWithValue("rowPaths", NpgsqlDbType.Array | NpgsqlDbType.Text, prepared.RowPaths);
            cmd.Parameters.AddWithValue("bodies", prepared.Bodies);
            cmd.Parameters.AddWithValue("paths", prepared.Paths);
            cmd.Parameters.AddWithValue("vectors", prepared.Vectors);
            // Terms in one (ordinal) order for every writer: two documents sharing terms wait, never deadlock.
            cmd.Parameters.AddWithValue("terms", prepared.Terms);
            cmd.Parameters.AddWithValue("counts", prepared.TermRows);
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Takes a document's terms out of the frequencies (its rows go with the document, by cascade).</summary>
    public async Task RemoveAsync(NpgsqlConnection connection, NpgsqlTransaction tx, DocumentId id, CancellationToken ct)
    {
        var terms = new List<string>();
        var counts = new List<long>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT u.lexeme, count(*) FROM search_rows r JOIN documents d ON d.doc_key = r.doc_key, unnest(r.tsv) AS u
            WHERE d.id = @id GROUP BY u.lexeme
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue("id", id.Value);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false)) { terms.Add(reader.GetString(0)); counts.Add(reader.GetInt64(1)); }
        }
        if (terms.Count == 0) return;
        var order = Enumerable.Range(0, terms.Count).OrderBy(i => terms[i], StringComparer.Ordinal).ToArray();
        await using (var cmd = new NpgsqlCommand("""
            UPDATE search_terms s SET rows = s.rows - u.n FROM unnest(@terms, @counts) AS u(t, n) WHERE s.term = u.t;
            DELETE FROM search_terms WHERE term = ANY(@terms) AND rows <= 0;
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue("terms", order.Select(i => terms[i]).ToArray());
            cmd.Parameters.AddWithValue("counts", order.Select(i => counts[i]).ToArray());
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Re-analyses every document with <paramref name="analyzer"/> inside the caller's transaction.</summary>
    public async Task<int> RebuildAsync(NpgsqlConnection connection, NpgsqlTransaction tx, ISearchAnalyzer analyzer, IReadOnlyList<ProcessedDocument> documents, CancellationToken ct)
    {
        await using (var cmd = new NpgsqlCommand("""
            DELETE FROM search_rows; DELETE FROM search_docs; DELETE FROM search_terms;
            INSERT INTO search_meta(key, value) VALUES ('analyzer', @a) ON CONFLICT(key) DO UPDATE SET value = excluded.value;
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue("a", analyzer.Name);
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        var previous = _analyzer;
        _analyzer = analyzer;
        try
        {
            int passages = 0;
            await using var keys = new NpgsqlCommand("SELECT doc_key FROM documents WHERE id = @id", connection, tx);
            var id = keys.Parameters.Add("id", NpgsqlDbType.Text);
            foreach (var d in documents)
            {
                id.Value = d.Info.Id.Value;
                long key = (long)(await keys.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
                await AddAsync(connection, tx, key, d, null, ct).ConfigureAwait(false);
                passages += d.Passages.Count;
            }
            return passages;
        }
        catch
        {
            _analyzer = previous;
            throw;
        }
    }

    public IReadOnlyList<SearchHit> Search(SearchQuery query, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);
        var analyzer = _analyzer;
        // Per call: a snippet builder keeps buffers, and searches run on many threads at once.
        var snippets = new SnippetBuilder(analyzer);
        var analyzed = AnalyzedQuery.Of(query, analyzer, new TokenBuffer());
        int pool = Math.Max(options.Limit * 3, 20);
        var phrases = new List<SmallSetRanker.Phrase>();
        foreach (var t in analyzed.All) phrases.Add(new SmallSetRanker.Phrase(FtsTerms.Of(t.Terms), InBody: true, InPath: true, Prefix: t.IsLoneCjkChar));
        foreach (var t in analyzed.Sections) phrases.Add(new SmallSetRanker.Phrase(FtsTerms.Of(t.Terms), InBody: false, InPath: true, Prefix: t.IsLoneCjkChar));
        var match = TsQuery(analyzed);
        if (match is null) return [];
        bool prefix = phrases.Any(p => p.Prefix);
        using var connection = _store.Open();
        try
        {
            var (rows, averageLength) = Averages(connection);
            var df = new Dictionary<string, long>(StringComparer.Ordinal);
            long cap = 0;
            if (!prefix)
            {
                long postings = 0;
                foreach (var p in phrases) foreach (var term in p.Terms) postings += Frequency(connection, df, term);
                cap = Math.Min(SqliteSearchIndex.SmallSetLimit, postings / SmallSetRanker.RowCost);
            }
            var candidates = Candidates(connection, match, query.Filters, cap >= 1 ? cap + 1 : null);
            var idf = new double[phrases.Count];
            if (cap >= 1 && candidates.Count <= cap)
            {
                // Few matches: a phrase counts as often as its rarest term (SmallSetRanker).
                for (int i = 0; i < phrases.Count; i++)
                {
                    long rarest = long.MaxValue;
                    foreach (var term in phrases[i].Terms) rarest = Math.Min(rarest, Frequency(connection, df, term));
                    idf[i] = SmallSetRanker.Idf(rows, rarest == long.MaxValue ? 0 : rarest);
                }
            }
            else
            {
                if (cap >= 1) candidates = Candidates(connection, match, query.Filters, null);
                // As FTS5's bm25(): the rows each phrase (in its columns) occurs in.
                for (int i = 0; i < phrases.Count; i++)
                    idf[i] = SmallSetRanker.Idf(rows, PhraseRows(connection, phrases[i], df));
            }
            var top = Rank(candidates, phrases, idf, SqliteSearchIndex.BodyWeight, SqliteSearchIndex.PathWeight, averageLength, pool);
            var hits = Hits(connection, top);
            SearchCandidate.BoostTitles(hits, snippets, analyzed.All, analyzed.Clauses.Count, options.Limit);
            return SearchCandidate.WithSnippets(hits, snippets, analyzed.All, options.SnippetLength);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreException($"{_store.Location}: search failed: {e.Message}", e);
        }
    }

    /// <summary>Every passage <paramref name="query"/> matches, in index order: no ranking, no snippets, no passage text read.</summary>
    public IReadOnlyList<string> Matches(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var match = TsQuery(AnalyzedQuery.Of(query, _analyzer, new TokenBuffer()));
        if (match is null) return [];
        using var connection = _store.Open();
        try
        {
            using var cmd = Matching(connection, "d.id, r.ordinal", match, query.Filters, null);
            var ids = new List<string>();
            using var r = cmd.ExecuteReader();
            while (r.Read()) ids.Add($"{new DocumentId(r.GetString(0)).Short}-{r.GetInt32(1).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            return ids;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreException($"{_store.Location}: search failed: {e.Message}", e);
        }
    }

    public IReadOnlyList<SearchHit> Related(string passageId, int limit)
    {
        ArgumentNullException.ThrowIfNull(passageId);
        int dash = passageId.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(passageId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int ordinal)) return [];
        var analyzer = _analyzer;
        using var connection = _store.Open();
        long selfKey;
        string text;
        using (var cmd = new NpgsqlCommand("""
            SELECT d.doc_key, p.text FROM documents d JOIN passages p ON p.doc_id = d.id
            WHERE starts_with(d.id, @prefix) AND p.ordinal = @ord AND EXISTS (SELECT 1 FROM search_rows r WHERE r.doc_key = d.doc_key AND r.ordinal = p.ordinal)
            """, connection))
        {
            cmd.Parameters.AddWithValue("prefix", passageId[..dash].ToLowerInvariant());
            cmd.Parameters.AddWithValue("ord", ordinal);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return [];
            selfKey = r.GetInt64(0);
            text = r.GetString(1);
        }
        var buffer = new TokenBuffer();
        analyzer.Analyze(text, buffer);
        var tf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < buffer.Count; i++)
        {
            var t = buffer.TermString(i);
            tf[t] = tf.GetValueOrDefault(t) + 1;
        }
        var (n, averageLength) = Averages(connection);
        var df = new Dictionary<string, long>(StringComparer.Ordinal);
        var weighted = new List<(string Term, double Weight)>(tf.Count);
        foreach (var (term, count) in tf)
        {
            long docs = Frequency(connection, df, term);
            if (docs <= 1) continue; // only this passage has it
            weighted.Add((term, count * Math.Log((double)n / docs)));
        }
        weighted.Sort((a, b) => b.Weight.CompareTo(a.Weight));
        int keep = Math.Min(12, weighted.Count);
        if (keep == 0) return [];
        var terms = new List<AnalyzedTerm>(keep);
        var phrases = new List<SmallSetRanker.Phrase>(keep);
        var sb = new StringBuilder();
        for (int i = 0; i < keep; i++)
        {
            terms.Add(new AnalyzedTerm(new QueryTerm(weighted[i].Term, false), [weighted[i].Term], [0], i));
            var phrase = new SmallSetRanker.Phrase(FtsTerms.Of([weighted[i].Term]), InBody: true, InPath: false);
            if (phrase.Terms.Length == 0) continue;
            phrases.Add(phrase);
            if (sb.Length > 0) sb.Append(" | ");
            AppendPhrase(sb, phrase, 'D');
        }
        if (phrases.Count == 0) return [];
        var candidates = Candidates(connection, sb.ToString(), SearchFilters.None, null);
        candidates.RemoveAll(c => c.DocKey == selfKey && c.Ordinal == ordinal);
        var idf = new double[phrases.Count];
        for (int i = 0; i < phrases.Count; i++) idf[i] = SmallSetRanker.Idf(n, PhraseRows(connection, phrases[i], df));
        var top = Rank(candidates, phrases, idf, 1.0, 0.0, averageLength, Math.Max(1, limit));
        return SearchCandidate.WithSnippets(Hits(connection, top), new SnippetBuilder(analyzer), terms, SearchOptions.Default.SnippetLength);
    }

    /// <summary>Rows indexed and their average length in terms (all columns), as FTS5 keeps them.</summary>
    private static (long Rows, double AverageLength) Averages(NpgsqlConnection connection)
    {
        using var cmd = new NpgsqlCommand("SELECT coalesce(sum(rows), 0)::bigint, coalesce(sum(length), 0)::bigint FROM search_docs", connection);
        using var r = cmd.ExecuteReader();
        r.Read();
        long rows = r.GetInt64(0), total = r.GetInt64(1);
        return (rows, rows > 0 && total > 0 ? total / (double)rows : 1);
    }

    /// <summary>How many rows hold <paramref name="term"/> in any column (stored, kept per document's transaction).</summary>
    private static long Frequency(NpgsqlConnection connection, Dictionary<string, long> known, string term)
    {
        if (known.TryGetValue(term, out long value)) return value;
        using var cmd = new NpgsqlCommand("SELECT rows FROM search_terms WHERE term = @t", connection);
        cmd.Parameters.AddWithValue("t", term);
        value = cmd.ExecuteScalar() is long d ? d : 0;
        known[term] = value;
        return value;
    }

    /// <summary>How many rows the phrase occurs in, in its columns: stored for a single term in any column, else counted.</summary>
    private static long PhraseRows(NpgsqlConnection connection, SmallSetRanker.Phrase phrase, Dictionary<string, long> df)
    {
        if (phrase.Terms.Length == 1 && !phrase.Prefix && phrase.InBody && phrase.InPath) return Frequency(connection, df, phrase.Terms[0]);
        var sb = new StringBuilder();
        AppendPhrase(sb, phrase, phrase.InBody && phrase.InPath ? null : phrase.InPath ? 'A' : 'D');
        using var cmd = new NpgsqlCommand("SELECT count(*) FROM search_rows WHERE tsv @@ @q::tsquery", connection);
        cmd.Parameters.AddWithValue("q", sb.ToString());
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>The query as a tsquery: clauses AND, alternatives OR, sections on the path, exclusions NOT in the body; null when nothing can match.</summary>
    private static string? TsQuery(AnalyzedQuery q)
    {
        var sb = new StringBuilder();
        foreach (var clause in q.Clauses)
        {
            if (!AppendAlternatives(sb, clause, null)) return null;
        }
        if (q.Sections.Count > 0 && !AppendAlternatives(sb, q.Sections, 'A')) return null;
        foreach (var e in q.Excluded)
        {
            var phrase = new SmallSetRanker.Phrase(FtsTerms.Of(e.Terms), true, false, e.IsLoneCjkChar);
            if (phrase.Terms.Length == 0) continue;
            sb.Append(" & !(");
            AppendPhrase(sb, phrase, 'D');
            sb.Append(')');
        }
        return sb.ToString();
    }

    private static bool AppendAlternatives(StringBuilder sb, IReadOnlyList<AnalyzedTerm> alternatives, char? weight)
    {
        var parts = new List<string>();
        foreach (var a in alternatives)
        {
            var phrase = new SmallSetRanker.Phrase(FtsTerms.Of(a.Terms), true, true, a.IsLoneCjkChar);
            if (phrase.Terms.Length == 0) continue;
            var one = new StringBuilder();
            AppendPhrase(one, phrase, weight);
            parts.Add(one.ToString());
        }
        if (parts.Count == 0) return false;
        if (sb.Length > 0) sb.Append(" & ");
        sb.Append("((").Append(string.Join(") | (", parts)).Append("))");
        return true;
    }

    private static void AppendPhrase(StringBuilder sb, SmallSetRanker.Phrase phrase, char? weight)
    {
        for (int i = 0; i < phrase.Terms.Length; i++)
        {
            if (i > 0) sb.Append(" <-> ");
            AppendQuoted(sb, phrase.Terms[i]);
            if (phrase.Prefix || weight is not null)
            {
                sb.Append(':');
                if (phrase.Prefix) sb.Append('*');
                if (weight is { } w) sb.Append(w);
            }
        }
    }

    private sealed record Row(long DocKey, int Ordinal, string Body, string Path);

    private static List<Row> Candidates(NpgsqlConnection connection, string match, SearchFilters filters, long? limit)
    {
        using var cmd = Matching(connection, "r.doc_key, r.ordinal, r.body, r.path", match, filters, limit);
        var rows = new List<Row>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) rows.Add(new Row(r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetString(3)));
        return rows;
    }

    /// <summary>The rows a tsquery and the filters match, in index order: <paramref name="columns"/> of <c>search_rows r</c> and <c>documents d</c>.</summary>
    private static NpgsqlCommand Matching(NpgsqlConnection connection, string columns, string match, SearchFilters filters, long? limit)
    {
        var cmd = new NpgsqlCommand("", connection);
        var sql = new StringBuilder($"""
            SELECT {columns} FROM search_rows r
            JOIN documents d ON d.doc_key = r.doc_key JOIN search_docs sd ON sd.doc_key = r.doc_key
            """);
        if (filters.Areas.Count > 0) sql.Append(" JOIN passages p ON p.doc_id = d.id AND p.ordinal = r.ordinal");
        sql.Append(" WHERE r.tsv @@ @q::tsquery");
        cmd.Parameters.AddWithValue("q", match);
        AppendFilters(sql, cmd, filters);
        sql.Append(" ORDER BY r.doc_key, r.ordinal");
        if (limit is { } l) { sql.Append(" LIMIT @limit"); cmd.Parameters.AddWithValue("limit", l); }
        cmd.CommandText = sql.ToString();
        return cmd;
    }

    /// <summary>The same filters as the SQLite index (ASCII-only case folding, as SQLite's lower()).</summary>
    private static void AppendFilters(StringBuilder sql, NpgsqlCommand cmd, SearchFilters f)
    {
        if (f.Kinds.Count > 0)
        {
            sql.Append(" AND d.kind = ANY(@kinds)");
            cmd.Parameters.AddWithValue("kinds", f.Kinds.Select(k => k.ToName()).ToArray());
        }
        if (f.Documents.Count > 0)
        {
            sql.Append(" AND (");
            for (int i = 0; i < f.Documents.Count; i++)
            {
                if (i > 0) sql.Append(" OR ");
                // An id prefix, a file name prefix, or words of the title.
                sql.Append(CultureInfo.InvariantCulture, $"""starts_with(d.id, lower(@doc{i} COLLATE "C")) OR starts_with(sd.name, @doc{i}) OR strpos(lower(d.title COLLATE "C"), lower(@doc{i} COLLATE "C")) > 0""");
                cmd.Parameters.AddWithValue("doc" + i, f.Documents[i]);
            }
            sql.Append(')');
        }
        if (f.Areas.Count > 0)
        {
            sql.Append(" AND (");
            for (int i = 0; i < f.Areas.Count; i++)
            {
                if (i > 0) sql.Append(" OR ");
                // 2.1.1 covers 2.1.1, 2.1.1(7), 2.1.1.2 and 2.1.1#3, not 2.1.10.
                sql.Append(CultureInfo.InvariantCulture, $"(starts_with(p.section_id, @area{i}) AND (length(p.section_id) = length(@area{i}) OR substr(p.section_id, length(@area{i}) + 1, 1) IN ('.', '(', '#')))");
                cmd.Parameters.AddWithValue("area" + i, f.Areas[i].Normalize(NormalizationForm.FormKC).Trim().TrimEnd('.'));
            }
            sql.Append(')');
        }
        if (f.After is DateOnly after)
        {
            sql.Append(" AND d.date_start COLLATE \"C\" >= @after");
            cmd.Parameters.AddWithValue("after", after.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (f.Before is DateOnly before)
        {
            sql.Append(" AND d.date_start COLLATE \"C\" <= @before");
            cmd.Parameters.AddWithValue("before", before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The best <paramref name="take"/> rows by BM25; equal scores in index order (document, then passage).</summary>
    private static List<(Row Row, double Score)> Rank(List<Row> rows, IReadOnlyList<SmallSetRanker.Phrase> phrases, double[] idf,
        double bodyWeight, double pathWeight, double averageLength, int take)
    {
        var body = new FtsTerms();
        var path = new FtsTerms();
        var scored = new List<(Row Row, double Score)>(rows.Count);
        foreach (var row in rows)
        {
            body.Clear(); body.Add(row.Body);
            path.Clear(); path.Add(row.Path);
            scored.Add((row, SmallSetRanker.ScoreRow(body, path, phrases, idf, bodyWeight, pathWeight, averageLength)));
        }
        // Rows come in index order; OrderByDescending is stable.
        return scored.OrderByDescending(s => s.Score).Take(take).ToList();
    }

    private static List<SearchCandidate> Hits(NpgsqlConnection connection, List<(Row Row, double Score)> top)
    {
        if (top.Count == 0) return [];
        using var cmd = new NpgsqlCommand("""
            SELECT d.doc_key, p.ordinal, d.id, d.title, d.kind, p.section_path, p.text, p.map, p.line, p.end_line, p.start, p."end"
            FROM unnest(@keys, @ords) AS u(k, o) JOIN documents d ON d.doc_key = u.k JOIN passages p ON p.doc_id = d.id AND p.ordinal = u.o
            """, connection);
        cmd.Parameters.AddWithValue("keys", top.Select(t => t.Row.DocKey).ToArray());
        cmd.Parameters.AddWithValue("ords", top.Select(t => t.Row.Ordinal).ToArray());
        var byKey = new Dictionary<(long, int), SearchCandidate>();
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var doc = new DocumentId(r.GetString(2));
                DocumentKindNames.TryParse(r.GetString(4), out var kind);
                int ord = r.GetInt32(1);
                byKey[(r.GetInt64(0), ord)] = new SearchCandidate($"{doc.Short}-{ord}", doc, r.GetString(3), kind, r.GetString(5), r.GetString(6), (byte[])r.GetValue(7),
                    new Provenance(doc, r.GetInt32(8), r.GetInt32(9), new CharSpan(r.GetInt32(10), r.GetInt32(11))), 0);
            }
        var hits = new List<SearchCandidate>(top.Count);
        foreach (var (row, score) in top)
            if (byKey.TryGetValue((row.DocKey, row.Ordinal), out var c)) hits.Add(c with { Score = score });
        return hits;
    }
}
