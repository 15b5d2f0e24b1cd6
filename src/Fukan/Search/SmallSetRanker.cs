using Microsoft.Data.Sqlite;

namespace Fukan.Search;

/// <summary>
/// Ranks a small set of matching passages by BM25 as FTS5's <c>bm25()</c> computes it (k1 = 1.2, b = 0.75, column
/// weights on each occurrence, row length over all columns) with one difference: a phrase's document frequency is
/// that of its rarest term (an upper bound on the phrase's own), read from the index's term statistics and kept
/// until the index changes. <c>bm25()</c> instead counts every row of the whole index the phrase occurs in, on every
/// query; for a phrase in thousands of section paths (国際比較 is in every comparison table's) that count was most
/// of the query's time, while the rows matching the whole query were a few dozen.
/// </summary>
internal sealed class SmallSetRanker
{
    private const double K1 = 1.2, B = 0.75;

    /// <summary>A phrase of the match expression: its index terms and the columns it may match in.</summary>
    public sealed record Phrase(string[] Terms, bool InBody, bool InPath, bool Prefix = false);

    /// <summary>A candidate row's text: the passage and the section path it is indexed under.</summary>
    public readonly record struct Row(string Body, string Path);

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, long> _documentFrequency = new(StringComparer.Ordinal);
    private (long Changes, long Version) _seen = (-1, -1);
    private (long Rows, double AverageLength)? _averages;
    private readonly FtsTerms _body = new(), _path = new();

    public SmallSetRanker(SqliteConnection connection) => _connection = connection;

    /// <summary>
    /// What reading and scoring one matching row costs, in postings FTS5 walks in the same time (measured on the
    /// judged queries: about 25 µs a row against 0.035–0.06 µs a posting). A query is ranked here when its matches
    /// times this are fewer than <see cref="PostingsOf"/>; near the break-even either way costs the same.
    /// </summary>
    public const int RowCost = 700;

    /// <summary>How many postings (row, term) bm25() would walk to count the phrases' rows: the sum of their terms' row counts.</summary>
    public long PostingsOf(IReadOnlyList<Phrase> phrases, SqliteTransaction? transaction)
    {
        long sum = 0;
        foreach (var p in phrases)
            foreach (var term in p.Terms) sum += DocumentFrequency(term, transaction);
        return sum;
    }

    /// <summary>Scores <paramref name="rows"/> (higher is better) for <paramref name="phrases"/>.</summary>
    public double[] Score(IReadOnlyList<Row> rows, IReadOnlyList<Phrase> phrases, ISearchAnalyzer analyzer, TokenBuffer buffer,
        double bodyWeight, double pathWeight, SqliteTransaction? transaction)
    {
        var (rowCount, averageLength) = _averages ??= ReadAverages(transaction);
        var idf = new double[phrases.Count];
        for (int i = 0; i < phrases.Count; i++)
        {
            long hits = long.MaxValue;
            foreach (var term in phrases[i].Terms) hits = Math.Min(hits, DocumentFrequency(term, transaction));
            if (hits == long.MaxValue) hits = 0;
            idf[i] = Idf(rowCount, hits);
        }

        var scores = new double[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            analyzer.Analyze(rows[r].Body, buffer);
            _body.Clear();
            _body.Add(buffer);
            analyzer.Analyze(rows[r].Path, buffer);
            _path.Clear();
            _path.Add(buffer);
            scores[r] = ScoreRow(_body, _path, phrases, idf, bodyWeight, pathWeight, averageLength);
        }
        return scores;
    }

    /// <summary>FTS5's idf: never zero or negative (a phrase in over half the rows still counts a little).</summary>
    internal static double Idf(long rows, long hits)
    {
        double value = Math.Log((rows - hits + 0.5) / (hits + 0.5));
        return value <= 0 ? 1e-6 : value;
    }

    /// <summary>One row's BM25 as FTS5's bm25() computes it: weighted phrase counts per column, length over all columns.</summary>
    internal static double ScoreRow(FtsTerms body, FtsTerms path, IReadOnlyList<Phrase> phrases, double[] idf, double bodyWeight, double pathWeight, double averageLength)
    {
        double length = body.Count + path.Count;
        double score = 0;
        for (int i = 0; i < phrases.Count; i++)
        {
            var p = phrases[i];
            double frequency = (p.InBody ? bodyWeight * Count(body, p) : 0) + (p.InPath ? pathWeight * Count(path, p) : 0);
            score += idf[i] * (frequency * (K1 + 1)) / (frequency + K1 * (1 - B + B * length / averageLength));
        }
        return score;
    }

    private static int Count(FtsTerms terms, Phrase p) => p.Prefix ? terms.CountPrefix(p.Terms[0]) : terms.CountPhrase(p.Terms);

    /// <summary>
    /// Starts a query: forgets the statistics when the database changed since they were read (here or elsewhere).
    /// Call once per query, before <see cref="PostingsOf"/> and <see cref="Score"/>.
    /// </summary>
    public void Begin(SqliteTransaction? transaction)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT total_changes(), data_version FROM pragma_data_version";
        using var r = cmd.ExecuteReader();
        r.Read();
        var now = (r.GetInt64(0), r.GetInt64(1));
        if (now == _seen) return;
        _seen = now;
        _documentFrequency.Clear();
        _averages = null;
    }

    private long DocumentFrequency(string term, SqliteTransaction? transaction)
    {
        if (_documentFrequency.TryGetValue(term, out long known)) return known;
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT doc FROM search_vocab WHERE term = $t";
        cmd.Parameters.AddWithValue("$t", term);
        long value = cmd.ExecuteScalar() is long d ? d : 0;
        _documentFrequency[term] = value;
        return value;
    }

    /// <summary>
    /// Rows and average row length (terms over all columns) from FTS5's averages record (row 1 of its data table:
    /// varints of the row count, then each column's total terms).
    /// </summary>
    private (long Rows, double AverageLength) ReadAverages(SqliteTransaction? transaction)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT block FROM search_fts_data WHERE id = 1";
        if (cmd.ExecuteScalar() is not byte[] block || block.Length == 0) return (0, 1);
        int at = 0;
        long rows = ReadVarint(block, ref at), total = 0;
        while (at < block.Length) total += ReadVarint(block, ref at);
        return (rows, rows > 0 && total > 0 ? total / (double)rows : 1);
    }

    /// <summary>An SQLite varint: big-endian groups of 7 bits with the high bit set on all but the last; a ninth byte gives 8 bits.</summary>
    internal static long ReadVarint(byte[] data, ref int at)
    {
        long value = 0;
        for (int i = 0; i < 9 && at < data.Length; i++)
        {
            byte b = data[at++];
            if (i == 8) return (value << 8) | b;
            value = (value << 7) | (long)(b & 0x7F);
            if ((b & 0x80) == 0) break;
        }
        return value;
    }
}
