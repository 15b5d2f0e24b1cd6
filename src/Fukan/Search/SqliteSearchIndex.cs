using System.Globalization;
using System.Text;
using Fukan.Model;
using Microsoft.Data.Sqlite;

namespace Fukan.Search;

/// <summary>
/// The search index as SQLite FTS5 tables inside the store's database, written on the caller's connection and
/// transaction so one transaction per document covers the passages and their index entries: a crash leaves
/// both or neither, and replacing or removing a document leaves nothing stale. Terms come from an
/// <see cref="ISearchAnalyzer"/> (FTS5 only splits them on spaces); ranking is FTS5's BM25 with matches in the
/// section path (headings) weighted above the body.
/// </summary>
public sealed class SqliteSearchIndex : ISearchIndex
{
    /// <summary>BM25 column weights: body, section path.</summary>
    internal const double BodyWeight = 1.0, PathWeight = 2.0;

    /// <summary>How much a document title holding every query clause raises a hit's score (0.2 = 20%).</summary>
    internal const double TitleBoost = 0.2;

    private readonly SqliteConnection _connection;
    private readonly ISearchAnalyzer _analyzer;
    private readonly TokenBuffer _buffer = new();
    private readonly SnippetBuilder _snippets;
    private readonly StringBuilder _joined = new();

    /// <summary>Opens the index on <paramref name="connection"/> (open, not owned), creating its tables if needed.</summary>
    public SqliteSearchIndex(SqliteConnection connection, ISearchAnalyzer? analyzer = null)
        : this(connection, analyzer, readOnly: false)
    {
    }

    /// <summary>
    /// With <paramref name="readOnly"/>, nothing is written: the index is read as it is (a reader of a knowledge base
    /// never takes the write lock); <see cref="IsCurrent"/> says whether it can answer.
    /// </summary>
    internal SqliteSearchIndex(SqliteConnection connection, ISearchAnalyzer? analyzer, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _analyzer = analyzer ?? new BigramAnalyzer();
        _snippets = new SnippetBuilder(_analyzer);
        if (readOnly)
        {
            IsCurrent = Scalar(connection, null, "SELECT value FROM search_meta WHERE key = 'layout'") is Layout
                && (TableExists(connection, null, "search_passage", "view") || TableExists(connection, null, "search_passage"));
            IndexedAnalyzer = Scalar(connection, null, "SELECT value FROM search_meta WHERE key = 'analyzer'") as string ?? _analyzer.Name;
        }
        else
        {
            IndexedAnalyzer = EnsureSchema(connection, _analyzer.Name);
            IsCurrent = true;
        }
        SharesStoreContent = TableExists(connection, null, "passage_rows");
    }

    /// <summary>False when a read-only index is missing or of an older layout (an ingest or `fukan migrate` rebuilds it).</summary>
    internal bool IsCurrent { get; }

    public ISearchAnalyzer Analyzer => _analyzer;

    string ISearchIndex.AnalyzerName => IndexedAnalyzer;

    /// <summary>The analyzer the stored index was built with; differs from <see cref="Analyzer"/> until a reindex.</summary>
    public string IndexedAnalyzer { get; private set; }

    /// <summary>
    /// Creates the search tables if missing and returns the analyzer name the index was built with (recording
    /// <paramref name="analyzerName"/> for a new index).
    /// </summary>
    public static string EnsureSchema(SqliteConnection connection, string analyzerName = "bigram", SqliteTransaction? transaction = null)
    {
        // Layout 2 keeps no copy of passage text: next to a Fukan store it reads the store's passages; alone, it keeps
        // search_passage and search_content tables of its own. Layout 3 adds the comparison-table row labels to the
        // path terms; layout 4 keeps that path (row_path, when it differs from the section path) for ranking small
        // result sets in our code. Layout 5 numbers rows doc << 24 | ordinal (TextBlocks.Key): next to a store,
        // search_passage is a view over its passage rows and the text is read from its text blocks. An index of an
        // older layout is dropped; the store hook rebuilds it.
        if (Scalar(connection, transaction, "SELECT value FROM search_meta WHERE key = 'layout'") is not Layout
            && (TableExists(connection, transaction, "search_passage") || TableExists(connection, transaction, "search_passage", "view")))
        {
            // Tables that reference search_document first.
            foreach (var name in new[] { "search_content", "search_passage" })
            {
                if (TableExists(connection, transaction, name, "view")) Exec(connection, transaction, $"DROP VIEW {name}");
                if (TableExists(connection, transaction, name)) Exec(connection, transaction, $"DROP TABLE {name}");
            }
            Exec(connection, transaction, "DROP TABLE IF EXISTS search_vocab; DROP TABLE IF EXISTS search_fts; DROP TABLE IF EXISTS search_row_path; DROP TABLE IF EXISTS search_document; DELETE FROM search_meta WHERE key = 'layout';");
        }
        Exec(connection, transaction, """
            CREATE TABLE IF NOT EXISTS search_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS search_document(
                doc_rowid INTEGER PRIMARY KEY,
                document_id TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                title TEXT NOT NULL,
                kind TEXT NOT NULL,
                date TEXT);
            CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(body, path, tokenize='ascii', detail=full, content='', contentless_delete=1);
            CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search_fts, 'row');
            """);
        if (TableExists(connection, transaction, "passage_rows"))
        {
            // Next to a store: the passage a row is comes from the store's rows; a row path (kept only where it
            // differs from the section path) is the section path and the labels in search_row_path.
            Exec(connection, transaction, """
                CREATE TABLE IF NOT EXISTS search_row_path(rowid INTEGER PRIMARY KEY, suffix TEXT NOT NULL);
                CREATE VIEW IF NOT EXISTS search_passage AS
                    SELECT p.id AS rowid, substr(d.id, 1, 12) || '-' || (p.id & 16777215) AS passage_id, p.id >> 24 AS doc_rowid,
                           p.id & 16777215 AS ordinal, coalesce(p.section_id, s.id) AS section_id, coalesce(p.path, s.path, '') AS section_path,
                           p.line AS line, p.end_line AS end_line, p.start AS span_start, p."end" AS span_end, coalesce(p.path, s.path, '') || r.suffix AS row_path
                    FROM passage_rows p JOIN documents d ON d.doc_key = p.id >> 24
                    LEFT JOIN sections s ON s.doc_id = d.id AND s.ord = p.section
                    LEFT JOIN search_row_path r ON r.rowid = p.id;
                """);
        }
        else
        {
            Exec(connection, transaction, """
                CREATE TABLE IF NOT EXISTS search_passage(
                    rowid INTEGER PRIMARY KEY,
                    passage_id TEXT NOT NULL UNIQUE,
                    doc_rowid INTEGER NOT NULL REFERENCES search_document(doc_rowid),
                    ordinal INTEGER NOT NULL,
                    section_id TEXT,
                    section_path TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    end_line INTEGER NOT NULL,
                    span_start INTEGER NOT NULL,
                    span_end INTEGER NOT NULL,
                    row_path TEXT);
                CREATE TABLE IF NOT EXISTS search_content(rowid INTEGER PRIMARY KEY, text TEXT NOT NULL, map BLOB NOT NULL);
                """);
        }
        Exec(connection, transaction, $"INSERT OR REPLACE INTO search_meta(key, value) VALUES ('layout', '{Layout}')");
        // FTS5 flushes pending terms to a new segment every hashsize bytes (1 MB by default); larger batches
        // mean fewer segments to merge later.
        Exec(connection, transaction, "INSERT INTO search_fts(search_fts, rank) VALUES ('hashsize', 33554432)");
        using var cmd = Command(connection, transaction, "INSERT OR IGNORE INTO search_meta(key, value) VALUES ('analyzer', $a); SELECT value FROM search_meta WHERE key = 'analyzer'");
        cmd.Parameters.AddWithValue("$a", analyzerName);
        return (string)cmd.ExecuteScalar()!;
    }

    /// <summary>True when passages and their text live in the store's own tables (nothing is copied).</summary>
    private bool SharesStoreContent { get; }

    private static bool TableExists(SqliteConnection connection, SqliteTransaction? transaction, string name, string type = "table")
    {
        using var cmd = Command(connection, transaction, "SELECT count(*) FROM sqlite_schema WHERE type = $type AND name = $name");
        cmd.Parameters.AddWithValue("$type", type);
        cmd.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        try
        {
            using var cmd = Command(connection, transaction, sql);
            return cmd.ExecuteScalar();
        }
        catch (SqliteException) { return null; }   // the table does not exist yet
    }

    public void Add(DocumentInfo document, IReadOnlyList<Passage> passages)
    {
        using var tx = _connection.BeginTransaction();
        Add(document, passages, tx);
        tx.Commit();
    }

    /// <summary>Indexes <paramref name="document"/>'s passages on the caller's transaction, replacing earlier entries.</summary>
    public void Add(DocumentInfo document, IReadOnlyList<Passage> passages, SqliteTransaction? transaction) => Add(document, passages, transaction, null);

    /// <summary>As <see cref="Add(DocumentInfo, IReadOnlyList{Passage}, SqliteTransaction?)"/>, with the bodies <see cref="Prepare"/> analysed ahead.</summary>
    internal void Add(DocumentInfo document, IReadOnlyList<Passage> passages, SqliteTransaction? transaction, PreparedBodies? prepared)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(passages);
        CheckAnalyzer();
        Remove(document.Id, transaction);

        // Next to a store the document's row number is the store's doc_key (the store wrote its passages first).
        long docRow;
        using (var cmd = Command(_connection, transaction, SharesStoreContent
            ? """
              INSERT INTO search_document(doc_rowid, document_id, name, title, kind, date)
              VALUES ((SELECT doc_key FROM documents WHERE id = $id), $id, $name, $title, $kind, $date) RETURNING doc_rowid
              """
            : "INSERT INTO search_document(document_id, name, title, kind, date) VALUES ($id, $name, $title, $kind, $date) RETURNING doc_rowid"))
        {
            cmd.Parameters.AddWithValue("$id", document.Id.Value);
            cmd.Parameters.AddWithValue("$name", Path.GetFileName(document.Path));
            cmd.Parameters.AddWithValue("$title", document.Title);
            cmd.Parameters.AddWithValue("$kind", document.Kind.ToName());
            cmd.Parameters.AddWithValue("$date", document.Date is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
            docRow = cmd.ExecuteScalar() is long row ? row : throw new InvalidOperationException($"document {document.Id.Short} is not in the store");
        }

        using var insertPassage = SharesStoreContent ? null : Command(_connection, transaction, """
            INSERT INTO search_passage(rowid, passage_id, doc_rowid, ordinal, section_id, section_path, line, end_line, span_start, span_end, row_path)
            VALUES ($row, $pid, $doc, $ord, $sid, $spath, $line, $end, $s0, $s1, $rpath)
            """);
        using var insertRowPath = SharesStoreContent ? Command(_connection, transaction, "INSERT INTO search_row_path(rowid, suffix) VALUES ($row, $suffix)") : null;
        using var insertContent = SharesStoreContent ? null : Command(_connection, transaction, "INSERT INTO search_content(rowid, text, map) VALUES ($row, $text, $map)");
        using var insertFts = Command(_connection, transaction, "INSERT INTO search_fts(rowid, body, path) VALUES ($row, $body, $path)");
        var fRow = insertFts.Parameters.Add("$row", SqliteType.Integer);
        var fBody = insertFts.Parameters.Add("$body", SqliteType.Text);
        var fPath = insertFts.Parameters.Add("$path", SqliteType.Text);

        // Bodies analysed ahead (Prepare) are taken as they are; else the second core analyses them while this one writes passage rows.
        var bodies = prepared is { } ready && ready.Analyzer == _analyzer.Name && ready.Bodies.Length == passages.Count ? Task.FromResult(ready.Bodies)
            : passages.Count >= 64 ? Task.Run(() => JoinAll(_analyzer, passages)) : Task.FromResult(JoinAll(_analyzer, passages));
        // Passage rows first, then their index rows: interleaving writes to the two b-trees is twice as slow.
        var rowids = new long[passages.Count];
        var paths = new string[passages.Count];
        var rows = new RowLabels();
        for (int i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            if (p.Document != document.Id) throw new ArgumentException($"passage {p.Id} belongs to another document", nameof(passages));
            Fukan.Storage.TextBlocks.CheckOrdinal(p);
            paths[i] = rows.PathOf(p);
            rowids[i] = Fukan.Storage.TextBlocks.Key(docRow, p.Ordinal);
            object rowPath = paths[i] == p.SectionPath ? DBNull.Value : paths[i];
            if (insertPassage is not null)
            {
                var c = insertPassage.Parameters;
                c.Clear();
                c.AddWithValue("$row", rowids[i]); c.AddWithValue("$pid", p.Id); c.AddWithValue("$doc", docRow); c.AddWithValue("$ord", p.Ordinal);
                c.AddWithValue("$sid", (object?)p.SectionId ?? DBNull.Value); c.AddWithValue("$spath", p.SectionPath);
                c.AddWithValue("$line", p.Source.Line); c.AddWithValue("$end", p.Source.EndLine);
                c.AddWithValue("$s0", p.Source.Span.Start); c.AddWithValue("$s1", p.Source.Span.End); c.AddWithValue("$rpath", rowPath);
                insertPassage.ExecuteNonQuery();
            }
            if (insertContent is not null)
            {
                var c = insertContent.Parameters;
                c.Clear();
                c.AddWithValue("$row", rowids[i]); c.AddWithValue("$text", p.Text); c.AddWithValue("$map", p.Map.ToBytes());
                insertContent.ExecuteNonQuery();
            }
            if (insertRowPath is not null && rowPath is string)
            {
                if (!paths[i].StartsWith(p.SectionPath, StringComparison.Ordinal)) throw new InvalidOperationException($"passage {p.Id}: its row path does not extend its section path");
                var c = insertRowPath.Parameters;
                c.Clear();
                c.AddWithValue("$row", rowids[i]); c.AddWithValue("$suffix", paths[i][p.SectionPath.Length..]);
                insertRowPath.ExecuteNonQuery();
            }
        }
        string? lastPath = null, lastPathTerms = null;
        var bodyTerms = bodies.GetAwaiter().GetResult();
        for (int i = 0; i < passages.Count; i++)
        {
            fRow.Value = rowids[i];
            fBody.Value = bodyTerms[i];
            // Consecutive passages share a section (and a comparison row): analyse their path once.
            var path = paths[i];
            if (path != lastPath)
            {
                lastPath = path;
                lastPathTerms = Joined(path);
            }
            fPath.Value = lastPathTerms;
            insertFts.ExecuteNonQuery();
        }
    }

    public void Remove(DocumentId document) => Remove(document, null);

    /// <summary>Removes everything indexed for <paramref name="document"/> on the caller's transaction.</summary>
    public void Remove(DocumentId document, SqliteTransaction? transaction)
    {
        long docRow;
        using (var find = Command(_connection, transaction, "SELECT doc_rowid FROM search_document WHERE document_id = $id"))
        {
            find.Parameters.AddWithValue("$id", document.Value);
            if (find.ExecuteScalar() is not long row) return;
            docRow = row;
        }
        var (first, last) = Fukan.Storage.TextBlocks.Range(docRow);
        using var cmd = Command(_connection, transaction, (SharesStoreContent
            ? "DELETE FROM search_row_path WHERE rowid BETWEEN $first AND $last;"
            : "DELETE FROM search_content WHERE rowid BETWEEN $first AND $last; DELETE FROM search_passage WHERE rowid BETWEEN $first AND $last;") + """
            DELETE FROM search_fts WHERE rowid BETWEEN $first AND $last;
            DELETE FROM search_document WHERE doc_rowid = $doc;
            """);
        cmd.Parameters.AddWithValue("$first", first);
        cmd.Parameters.AddWithValue("$last", last);
        cmd.Parameters.AddWithValue("$doc", docRow);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Empties the index (before a reindex) and records the current analyzer.</summary>
    public void Clear(SqliteTransaction? transaction = null)
    {
        Exec(_connection, transaction, (SharesStoreContent ? "DELETE FROM search_row_path;" : "DELETE FROM search_content; DELETE FROM search_passage;") + """
            DELETE FROM search_fts;
            DELETE FROM search_document;
            """);
        using var cmd = Command(_connection, transaction, "INSERT OR REPLACE INTO search_meta(key, value) VALUES ('analyzer', $a)");
        cmd.Parameters.AddWithValue("$a", _analyzer.Name);
        cmd.ExecuteNonQuery();
        IndexedAnalyzer = _analyzer.Name;
    }

    /// <summary>Merges FTS5 segments; worth it after a bulk load or reindex.</summary>
    public void Optimize(SqliteTransaction? transaction = null) =>
        Exec(_connection, transaction, "INSERT INTO search_fts(search_fts) VALUES ('optimize')");

    /// <summary>How many passages are indexed.</summary>
    public long PassageCount(SqliteTransaction? transaction = null)
    {
        using var cmd = Command(_connection, transaction, SharesStoreContent ? "SELECT count(*) FROM passage_rows" : "SELECT count(*) FROM search_passage");
        return (long)cmd.ExecuteScalar()!;
    }

    public IReadOnlyList<SearchHit> Search(SearchQuery query, SearchOptions options) => Search(query, options, null);

    public IReadOnlyList<SearchHit> Search(SearchQuery query, SearchOptions options, SqliteTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);
        CheckAnalyzer();
        var (clauses, all, excluded, sections) = AnalyzedQuery.Of(query, _analyzer, _buffer);

        int pool = Math.Max(options.Limit * 3, 20);
        var match = Fts5MatchBuilder.Build(clauses, excluded, sections);
        var hits = RankSmallSet(match, query.Filters, all, sections, pool, transaction);
        LastRanking = hits is null ? RankingChoice.Bm25 : RankingChoice.SmallSet;
        hits ??= RankWithBm25(match, query.Filters, pool, transaction);
        SearchCandidate.BoostTitles(hits, _snippets, all, clauses.Count, options.Limit);
        return SearchCandidate.WithSnippets(hits, _snippets, all, options.SnippetLength);
    }

    public IReadOnlyList<string> Matches(SearchQuery query) => Matches(query, null);

    /// <summary>Every passage <paramref name="query"/> matches, in index order: no ranking, no snippets, no passage text read.</summary>
    public IReadOnlyList<string> Matches(SearchQuery query, SqliteTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckAnalyzer();
        var (clauses, _, excluded, sections) = AnalyzedQuery.Of(query, _analyzer, _buffer);
        using var cmd = Command(_connection, transaction, "");
        var sql = new StringBuilder("SELECT p.passage_id FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH $match");
        cmd.Parameters.AddWithValue("$match", Fts5MatchBuilder.Build(clauses, excluded, sections));
        AppendFilterClause(sql, cmd, query.Filters);
        sql.Append(") f JOIN search_passage p ON p.rowid = f.rowid ORDER BY f.rowid");
        cmd.CommandText = sql.ToString();
        using var r = cmd.ExecuteReader();
        var ids = new List<string>();
        while (r.Read()) ids.Add(r.GetString(0));
        return ids;
    }

    /// <summary>Which ranking <see cref="Search(SearchQuery, SearchOptions, SqliteTransaction?)"/> uses; tests compare the two.</summary>
    internal enum RankingChoice { Auto, SmallSet, Bm25 }

    internal RankingChoice Ranking { get; set; } = RankingChoice.Auto;

    /// <summary>The ranking the last search used.</summary>
    internal RankingChoice LastRanking { get; private set; }

    /// <summary>Queries matching at most this many passages are ranked by <see cref="SmallSetRanker"/>, others by FTS5's bm25().</summary>
    internal const int SmallSetLimit = 400;

    /// <summary>The columns <see cref="ReadHits"/> reads, in its order (then the score); the text is read after.</summary>
    private const string HitColumns = "p.rowid, d.document_id, d.title, d.kind, p.section_path, p.passage_id, p.line, p.end_line, p.span_start, p.span_end";

    /// <summary>Ranks inside FTS5 on rowids alone; only the top rows are joined for their text.</summary>
    private List<SearchCandidate> RankWithBm25(string match, SearchFilters filters, int pool, SqliteTransaction? transaction)
    {
        var sql = new StringBuilder($"""
            SELECT {HitColumns}, f.score
            FROM (SELECT rowid, bm25(search_fts, {BodyWeight.ToString(CultureInfo.InvariantCulture)}, {PathWeight.ToString(CultureInfo.InvariantCulture)}) AS score
                  FROM search_fts WHERE search_fts MATCH $match
            """);
        using var cmd = Command(_connection, transaction, "");
        cmd.Parameters.AddWithValue("$match", match);
        AppendFilterClause(sql, cmd, filters);
        sql.Append("""
             ORDER BY score LIMIT $pool) f
            JOIN search_passage p ON p.rowid = f.rowid
            JOIN search_document d ON d.doc_rowid = p.doc_rowid
            ORDER BY f.score
            """);
        cmd.Parameters.AddWithValue("$pool", pool);
        cmd.CommandText = sql.ToString();
        return ReadHits(cmd, transaction);
    }

    /// <summary>
    /// When the whole query matches few passages but its phrases occur in many (so that FTS5's bm25(), which counts
    /// each phrase over the whole index, would cost more than reading the matches), ranks the matches with
    /// <see cref="SmallSetRanker"/>; else null. Prefix terms (a lone CJK character) are left to FTS5.
    /// </summary>
    private List<SearchCandidate>? RankSmallSet(string match, SearchFilters filters, IReadOnlyList<AnalyzedTerm> terms, IReadOnlyList<AnalyzedTerm> sections,
        int pool, SqliteTransaction? transaction)
    {
        if (terms.Any(t => t.IsLoneCjkChar) || sections.Any(t => t.IsLoneCjkChar)) return null;
        var phrases = new List<SmallSetRanker.Phrase>(terms.Count + sections.Count);
        foreach (var t in terms) phrases.Add(new SmallSetRanker.Phrase(FtsTerms.Of(t.Terms), InBody: true, InPath: true));
        foreach (var t in sections) phrases.Add(new SmallSetRanker.Phrase(FtsTerms.Of(t.Terms), InBody: false, InPath: true));
        var ranker = _ranker ??= new SmallSetRanker(_connection);
        ranker.Begin(transaction);
        // Worth it up to this many matching rows.
        long cap = Ranking switch
        {
            RankingChoice.SmallSet => SmallSetLimit,
            RankingChoice.Bm25 => 0,
            _ => Math.Min(SmallSetLimit, ranker.PostingsOf(phrases, transaction) / SmallSetRanker.RowCost),
        };
        if (cap < 1) return null;
        var ids = new List<long>();
        using (var cmd = Command(_connection, transaction, ""))
        {
            var sql = new StringBuilder("SELECT rowid FROM search_fts WHERE search_fts MATCH $match");
            cmd.Parameters.AddWithValue("$match", match);
            AppendFilterClause(sql, cmd, filters);
            sql.Append(" LIMIT $cap");
            cmd.Parameters.AddWithValue("$cap", cap + 1);
            cmd.CommandText = sql.ToString();
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (ids.Count == cap) return null;
                ids.Add(r.GetInt64(0));
            }
        }
        if (ids.Count == 0) return [];

        var rows = new List<SmallSetRanker.Row>(ids.Count);
        var rowids = new List<long>(ids.Count);
        var rowPaths = new List<string>(ids.Count);
        using (var cmd = Command(_connection, transaction, """
            SELECT p.rowid, coalesce(p.row_path, p.section_path)
            FROM search_passage p
            WHERE p.rowid IN (SELECT value FROM json_each($ids))
            """))
        {
            cmd.Parameters.AddWithValue("$ids", JsonArray(ids));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                rowids.Add(r.GetInt64(0));
                rowPaths.Add(r.GetString(1));
            }
        }
        var texts = Texts(rowids, transaction);
        for (int i = 0; i < rowids.Count; i++) rows.Add(new SmallSetRanker.Row(texts.TryGetValue(rowids[i], out var t) ? t.Text : "", rowPaths[i]));
        var scores = ranker.Score(rows, phrases, _analyzer, _buffer, BodyWeight, PathWeight, transaction);
        var top = Enumerable.Range(0, rows.Count).OrderByDescending(i => scores[i]).ThenBy(i => rowids[i]).Take(pool).ToList();
        var scoreOf = top.ToDictionary(i => rowids[i], i => scores[i]);

        using var full = Command(_connection, transaction, $"""
            SELECT {HitColumns}, 0.0
            FROM search_passage p
            JOIN search_document d ON d.doc_rowid = p.doc_rowid
            WHERE p.rowid IN (SELECT value FROM json_each($ids))
            """);
        full.Parameters.AddWithValue("$ids", JsonArray(top.Select(i => rowids[i])));
        var read = new List<long>(top.Count);
        var hits = ReadHits(full, transaction, read);
        var rank = new Dictionary<long, int>(top.Count);
        for (int k = 0; k < top.Count; k++) rank[rowids[top[k]]] = k;
        var ordered = new SearchCandidate[hits.Count];
        for (int i = 0; i < hits.Count; i++) ordered[rank[read[i]]] = hits[i] with { Score = scoreOf[read[i]] };
        return [.. ordered];
    }

    private static string JsonArray(IEnumerable<long> values) => "[" + string.Join(',', values) + "]";

    private SmallSetRanker? _ranker;

    /// <summary>Restricts FTS5 rowids to the passages that pass <paramref name="filters"/> (nothing when there are none).</summary>
    private static void AppendFilterClause(StringBuilder sql, SqliteCommand cmd, SearchFilters filters)
    {
        if (filters.IsEmpty) return;
        // A row's document is its rowid's high bits: filters on the document need no passage rows.
        sql.Append(filters.Areas.Count == 0
            ? " AND (rowid >> 24) IN (SELECT d.doc_rowid FROM search_document d WHERE 1"
            : " AND rowid IN (SELECT p.rowid FROM search_passage p JOIN search_document d ON d.doc_rowid = p.doc_rowid WHERE 1");
        AppendFilters(sql, cmd, filters);
        sql.Append(')');
    }

    public IReadOnlyList<SearchHit> Related(string passageId, int limit) => Related(passageId, limit, null);

    /// <summary>
    /// Passages sharing the most distinctive terms of <paramref name="passageId"/>: its terms weighted by
    /// tf·idf, the best dozen searched as alternatives and ranked by BM25.
    /// </summary>
    public IReadOnlyList<SearchHit> Related(string passageId, int limit, SqliteTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(passageId);
        CheckAnalyzer();
        if (RowOf(passageId, transaction) is not { } rowid || !Texts([rowid], transaction).TryGetValue(rowid, out var content)) return [];
        var text = content.Text;
        _analyzer.Analyze(text, _buffer);
        var tf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _buffer.Count; i++)
        {
            var t = _buffer.TermString(i);
            tf[t] = tf.GetValueOrDefault(t) + 1;
        }
        double n = PassageCount(transaction);
        var weighted = new List<(string Term, double Weight)>(tf.Count);
        using (var df = Command(_connection, transaction, "SELECT doc FROM search_vocab WHERE term = $t"))
        {
            var pt = df.Parameters.Add("$t", SqliteType.Text);
            foreach (var (term, count) in tf)
            {
                pt.Value = term;
                long docs = df.ExecuteScalar() is long d ? d : 0;
                if (docs <= 1) continue; // only this passage has it
                weighted.Add((term, count * Math.Log(n / docs)));
            }
        }
        weighted.Sort((a, b) => b.Weight.CompareTo(a.Weight));
        int keep = Math.Min(12, weighted.Count);
        if (keep == 0) return [];
        var terms = new List<AnalyzedTerm>(keep);
        var strings = new List<string>(keep);
        for (int i = 0; i < keep; i++)
        {
            strings.Add(weighted[i].Term);
            terms.Add(new AnalyzedTerm(new QueryTerm(weighted[i].Term, false), [weighted[i].Term], [0], i));
        }
        using var q = Command(_connection, transaction, $"""
            SELECT {HitColumns}, f.score
            FROM (SELECT rowid, bm25(search_fts, 1.0, 0.0) AS score FROM search_fts
                  WHERE search_fts MATCH $match AND rowid <> $self ORDER BY score LIMIT $limit) f
            JOIN search_passage p ON p.rowid = f.rowid
            JOIN search_document d ON d.doc_rowid = p.doc_rowid
            ORDER BY f.score
            """);
        q.Parameters.AddWithValue("$match", Fts5MatchBuilder.AnyOf(strings));
        q.Parameters.AddWithValue("$self", rowid);
        q.Parameters.AddWithValue("$limit", Math.Max(1, limit));
        return SearchCandidate.WithSnippets(ReadHits(q, transaction), _snippets, terms, SearchOptions.Default.SnippetLength);
    }

    private static void AppendFilters(StringBuilder sql, SqliteCommand cmd, SearchFilters f)
    {
        if (f.Kinds.Count > 0)
        {
            sql.Append(" AND d.kind IN (");
            for (int i = 0; i < f.Kinds.Count; i++)
            {
                if (i > 0) sql.Append(", ");
                sql.Append("$kind").Append(i);
                cmd.Parameters.AddWithValue("$kind" + i, f.Kinds[i].ToName());
            }
            sql.Append(')');
        }
        if (f.Documents.Count > 0)
        {
            sql.Append(" AND (");
            for (int i = 0; i < f.Documents.Count; i++)
            {
                if (i > 0) sql.Append(" OR ");
                // An id prefix, a file name prefix, or words of the title.
                sql.Append($"substr(d.document_id, 1, length($doc{i})) = lower($doc{i}) OR substr(d.name, 1, length($doc{i})) = $doc{i} OR instr(lower(d.title), lower($doc{i})) > 0");
                cmd.Parameters.AddWithValue("$doc" + i, f.Documents[i]);
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
                sql.Append($"(substr(p.section_id, 1, length($area{i})) = $area{i} AND (length(p.section_id) = length($area{i}) OR substr(p.section_id, length($area{i}) + 1, 1) IN ('.', '(', '#')))");
                cmd.Parameters.AddWithValue("$area" + i, AreaValue(f.Areas[i]));
            }
            sql.Append(')');
        }
        if (f.After is DateOnly after)
        {
            sql.Append(" AND d.date >= $after");
            cmd.Parameters.AddWithValue("$after", after.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (f.Before is DateOnly before)
        {
            sql.Append(" AND d.date <= $before");
            cmd.Parameters.AddWithValue("$before", before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Folds full-width digits and dots (２．１．１) so the value compares with section ids.</summary>
    private static string AreaValue(string value) => value.Normalize(NormalizationForm.FormKC).Trim().TrimEnd('.');

    /// <summary>Reads ranked rows (<see cref="HitColumns"/> and the score), then their text; with <paramref name="rowids"/>, also their rowids.</summary>
    private List<SearchCandidate> ReadHits(SqliteCommand cmd, SqliteTransaction? transaction, List<long>? rowids = null)
    {
        var hits = new List<SearchCandidate>();
        var read = rowids ?? new List<long>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                read.Add(r.GetInt64(0));
                var doc = new DocumentId(r.GetString(1));
                var prov = new Provenance(doc, r.GetInt32(6), r.GetInt32(7), new CharSpan(r.GetInt32(8), r.GetInt32(9)));
                DocumentKindNames.TryParse(r.GetString(3), out var kind);
                hits.Add(new SearchCandidate(r.GetString(5), doc, r.GetString(2), kind, r.GetString(4), "", [], prov, -r.GetDouble(10)));
            }
        }
        var texts = Texts(read, transaction);
        for (int i = 0; i < hits.Count; i++)
            if (texts.TryGetValue(read[i], out var t)) hits[i] = hits[i] with { Text = t.Text, Map = t.Map };
        return hits;
    }

    /// <summary>
    /// The text and offset map of the passages at <paramref name="rowids"/>: from the store's text blocks (one block
    /// read and decompressed for all its passages asked for), or from the index's own table when alone.
    /// </summary>
    private Dictionary<long, (string Text, byte[] Map)> Texts(IReadOnlyList<long> rowids, SqliteTransaction? transaction)
    {
        var result = new Dictionary<long, (string, byte[])>(rowids.Count);
        if (rowids.Count == 0) return result;
        if (!SharesStoreContent)
        {
            using var cmd = Command(_connection, transaction, "SELECT rowid, text, map FROM search_content WHERE rowid IN (SELECT value FROM json_each($ids))");
            cmd.Parameters.AddWithValue("$ids", JsonArray(rowids));
            using var r = cmd.ExecuteReader();
            while (r.Read()) result[r.GetInt64(0)] = (r.GetString(1), (byte[])r.GetValue(2));
            return result;
        }
        static long BlockKey(long rowid) =>
            (rowid & ~Fukan.Storage.TextBlocks.OrdinalMask) | (long)Fukan.Storage.TextBlocks.BlockOf((int)(rowid & Fukan.Storage.TextBlocks.OrdinalMask));
        var wanted = new Dictionary<long, HashSet<int>>();
        foreach (var rowid in rowids)
        {
            var key = BlockKey(rowid);
            if (!wanted.TryGetValue(key, out var set)) wanted[key] = set = new HashSet<int>();
            set.Add(Fukan.Storage.TextBlocks.IndexInBlock((int)(rowid & Fukan.Storage.TextBlocks.OrdinalMask)));
        }
        using (var cmd = Command(_connection, transaction, "SELECT id, data FROM text_blocks WHERE id IN (SELECT value FROM json_each($ids))"))
        {
            cmd.Parameters.AddWithValue("$ids", JsonArray(wanted.Keys));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                long key = r.GetInt64(0);
                // The block's key with the passage's index in place of the block number is the passage's row.
                long first = key & ~Fukan.Storage.TextBlocks.OrdinalMask, block = key & Fukan.Storage.TextBlocks.OrdinalMask;
                foreach (var (index, text, map) in Fukan.Storage.TextBlocks.ReadPassages((byte[])r.GetValue(1), wanted[key]))
                    result[first | (block * Fukan.Storage.TextBlocks.PassagesPerBlock + index)] = (text, map);
            }
        }
        return result;
    }

    /// <summary>The row of a passage id (short document id, dash, ordinal), or null.</summary>
    private long? RowOf(string passageId, SqliteTransaction? transaction)
    {
        int dash = passageId.LastIndexOf('-');
        if (dash <= 0 || !long.TryParse(passageId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long ordinal)
            || ordinal > Fukan.Storage.TextBlocks.OrdinalMask) return null;
        var prefix = passageId[..dash].ToLowerInvariant();
        using var docs = Command(_connection, transaction, "SELECT doc_rowid FROM search_document WHERE document_id >= $p AND document_id < $p || 'g' ORDER BY doc_rowid");
        docs.Parameters.AddWithValue("$p", prefix);
        var candidates = new List<long>();
        using (var r = docs.ExecuteReader())
            while (r.Read()) candidates.Add(r.GetInt64(0));
        using var exists = Command(_connection, transaction, "SELECT count(*) FROM search_passage WHERE rowid = $row");
        var row = exists.Parameters.Add("$row", SqliteType.Integer);
        foreach (var doc in candidates)
        {
            row.Value = Fukan.Storage.TextBlocks.Key(doc, ordinal);
            if ((long)exists.ExecuteScalar()! > 0) return (long)row.Value;
        }
        return null;
    }

    private const string Layout = "5";

    /// <summary>
    /// The path a passage is indexed under: its section path, and inside a comparison table the row it belongs to
    /// (日本 › 基礎研究 ◎ →), so "中国 蓄電デバイス" finds the evidence bullets written under the 中国 label.
    /// </summary>
    internal sealed class RowLabels
    {
        private string? _section, _country, _phase;

        public string PathOf(Passage p)
        {
            if (p.SectionId != _section) { _section = p.SectionId; _country = null; _phase = null; }
            var text = p.Text.AsSpan().Trim();
            if (text.Length is > 0 and <= 16 && Fukan.Extraction.Landscape.CountryNames.CodeOf(text.ToString()) is not null)
            {
                _country = text.ToString();
                _phase = null;
            }
            else if (_country is not null && p.Kind == PassageKind.TableRow)
                _phase = text.Length <= 24 ? text.ToString() : text[..24].ToString();
            return _country is null ? p.SectionPath : _phase is null ? $"{p.SectionPath} › {_country}" : $"{p.SectionPath} › {_country} › {_phase}";
        }
    }

    /// <summary>Passage bodies analysed ahead of the write, with the analyzer that analysed them.</summary>
    internal sealed record PreparedBodies(string Analyzer, string[] Bodies);

    /// <summary>Analyses the passages' text ahead of the write; thread-safe, no database. Hand the result to <c>Add</c>.</summary>
    internal PreparedBodies Prepare(IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        return new PreparedBodies(_analyzer.Name, JoinAll(_analyzer, passages));
    }

    internal static string[] JoinAll(ISearchAnalyzer analyzer, IReadOnlyList<Passage> passages)
    {
        var buffer = new TokenBuffer();
        var sb = new StringBuilder();
        var result = new string[passages.Count];
        for (int i = 0; i < passages.Count; i++)
        {
            analyzer.Analyze(passages[i].Text, buffer);
            sb.Clear();
            for (int t = 0; t < buffer.Count; t++)
            {
                if (t > 0) sb.Append(' ');
                sb.Append(buffer.Term(t));
            }
            result[i] = sb.ToString();
        }
        return result;
    }

    private string Joined(string text)
    {
        _analyzer.Analyze(text, _buffer);
        _joined.Clear();
        for (int i = 0; i < _buffer.Count; i++)
        {
            if (i > 0) _joined.Append(' ');
            _joined.Append(_buffer.Term(i));
        }
        return _joined.ToString();
    }

    private void CheckAnalyzer()
    {
        if (!IsCurrent)
            throw new Fukan.Storage.StoreException($"{_connection.DataSource}: the search index is missing or of an older layout: run `fukan migrate` (or ingest) to rebuild it");
        if (IndexedAnalyzer != _analyzer.Name)
            throw new InvalidOperationException($"the search index was built with the '{IndexedAnalyzer}' analyzer, not '{_analyzer.Name}': run fukan reindex");
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static void Exec(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        using var cmd = Command(c, tx, sql);
        cmd.ExecuteNonQuery();
    }
}
