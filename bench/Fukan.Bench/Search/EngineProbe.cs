using System.Diagnostics;
using System.Text;
using Fukan.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;

namespace Fukan.Bench.Search;

/// <summary>
/// `search-engines DIR [QUERIES] [--copies N]`: the measurement behind the engine choice. Indexes the same
/// analysed passages (blank-line paragraphs of every file in DIR, N distinct copies) into SQLite FTS5 and into
/// Lucene.Net, then times the same queries (each word a phrase of its terms, all required, top 10 by BM25).
/// </summary>
internal static class EngineProbe
{
    public static int Run(string[] args)
    {
        if (args.Length == 0) { Console.Error.WriteLine("usage: search-engines DIR [QUERIES] [--copies N]"); return 2; }
        int copies = 10;
        string? queryFile = null;
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i] == "--copies") copies = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else queryFile = args[i];
        }
        var paragraphs = new List<string>();
        long bytes = 0;
        for (int c = 0; c < copies; c++)
            foreach (var f in System.IO.Directory.GetFiles(args[0]).Order(StringComparer.Ordinal))
                foreach (var p in File.ReadAllText(f).Split(["\n\n", "\n \n", "\r\n\r\n"], StringSplitOptions.None))
                {
                    var s = p.Trim();
                    if (s.Length == 0) continue;
                    s = s + " copy" + c;
                    paragraphs.Add(s);
                    bytes += Encoding.UTF8.GetByteCount(s);
                }
        var queries = queryFile is null ? ["全固体電池", "量子コンピューティング", "歩留まり", "国際比較 中国", "SWE-bench", "フィジカルAI"]
            : File.ReadAllLines(queryFile).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToArray();
        Console.WriteLine($"{paragraphs.Count} passages, {bytes / 1e6:F1} MB, {queries.Length} queries");
        var analyzer = new BigramAnalyzer();

        // Analysis alone
        var buf = new TokenBuffer();
        long t0 = Stopwatch.GetTimestamp();
        long tokens = 0;
        foreach (var p in paragraphs) { analyzer.Analyze(p, buf); tokens += buf.Count; }
        var secs = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        Console.WriteLine($"analysis: {tokens} tokens, {bytes / 1e6 / secs:F1} MB/s");

        Fts5(paragraphs, bytes, queries, analyzer);
        LuceneNet(paragraphs, bytes, queries, analyzer);
        return 0;
    }

    private static string Joined(ISearchAnalyzer analyzer, TokenBuffer buf, StringBuilder sb, string text)
    {
        analyzer.Analyze(text, buf);
        sb.Clear();
        for (int i = 0; i < buf.Count; i++) { if (i > 0) sb.Append(' '); sb.Append(buf.Term(i)); }
        return sb.ToString();
    }

    private static void Fts5(List<string> paragraphs, long bytes, string[] queries, ISearchAnalyzer analyzer)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fukan-probe-{Environment.ProcessId}.db");
        File.Delete(path);
        using var conn = new SqliteConnection($"Data Source={path}");
        conn.Open();
        Exec(conn, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Exec(conn, "CREATE VIRTUAL TABLE fts USING fts5(body, tokenize='ascii', detail=full)");
        var buf = new TokenBuffer();
        var sb = new StringBuilder();
        long t0 = Stopwatch.GetTimestamp();
        using (var tx = conn.BeginTransaction())
        {
            using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO fts(rowid, body) VALUES ($id, $b)";
            var pid = cmd.Parameters.Add("$id", SqliteType.Integer);
            var pb = cmd.Parameters.Add("$b", SqliteType.Text);
            cmd.Prepare();
            for (int i = 0; i < paragraphs.Count; i++)
            {
                pid.Value = i;
                pb.Value = Joined(analyzer, buf, sb, paragraphs[i]);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
        var secs = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        Console.WriteLine($"fts5: index {secs:F2} s = {bytes / 1e6 / secs:F1} MB/s, db {new FileInfo(path).Length / 1e6:F0} MB");
        using var q = conn.CreateCommand();
        q.CommandText = "SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH $q ORDER BY bm25(fts) LIMIT 10";
        var pq = q.Parameters.Add("$q", SqliteType.Text);
        var lat = new List<double>();
        for (int rep = 0; rep < 20; rep++)
            foreach (var query in queries)
            {
                long q0 = Stopwatch.GetTimestamp();
                var sbq = new StringBuilder();
                foreach (var word in query.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var terms = Joined(analyzer, buf, sb, word);
                    if (terms.Length == 0) continue;
                    if (sbq.Length > 0) sbq.Append(" AND ");
                    sbq.Append('"').Append(terms).Append('"');
                }
                pq.Value = sbq.ToString();
                using var r = q.ExecuteReader();
                int n = 0;
                while (r.Read()) n++;
                lat.Add(Stopwatch.GetElapsedTime(q0).TotalMilliseconds);
                if (rep == 0) Console.WriteLine($"  fts5 {query}: {n} hits {lat[^1]:F2} ms");
            }
        Report("fts5", lat);
        conn.Close();
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    private static void LuceneNet(List<string> paragraphs, long bytes, string[] queries, ISearchAnalyzer analyzer)
    {
        var dirPath = Path.Combine(Path.GetTempPath(), $"fukan-probe-lucene-{Environment.ProcessId}");
        if (System.IO.Directory.Exists(dirPath)) System.IO.Directory.Delete(dirPath, true);
        using var dir = FSDirectory.Open(dirPath);
        var cfg = new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzerStub())
        {
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
            OpenMode = OpenMode.CREATE,
        };
        long t0 = Stopwatch.GetTimestamp();
        var stream = new BufferTokenStream();
        using (var w = new IndexWriter(dir, cfg))
        {
            var doc = new Document();
            var id = new StringField("id", "", Field.Store.YES);
            var body = new TextField("body", stream);
            doc.Add(id);
            doc.Add(body);
            for (int i = 0; i < paragraphs.Count; i++)
            {
                id.SetStringValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                analyzer.Analyze(paragraphs[i], stream.Buffer);
                stream.Rewind();
                w.AddDocument(doc);
            }
            w.Commit();
        }
        var secs = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        long size = new DirectoryInfo(dirPath).GetFiles().Sum(f => f.Length);
        Console.WriteLine($"lucene.net: index {secs:F2} s = {bytes / 1e6 / secs:F1} MB/s, dir {size / 1e6:F0} MB");
        using var reader = DirectoryReader.Open(dir);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var buf = new TokenBuffer();
        var lat = new List<double>();
        for (int rep = 0; rep < 20; rep++)
            foreach (var query in queries)
            {
                long q0 = Stopwatch.GetTimestamp();
                var bq = new BooleanQuery();
                foreach (var word in query.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    analyzer.Analyze(word, buf);
                    if (buf.Count == 0) continue;
                    if (buf.Count == 1) { bq.Add(new TermQuery(new Term("body", buf.TermString(0))), Occur.MUST); continue; }
                    var pq = new PhraseQuery();
                    for (int k = 0; k < buf.Count; k++) pq.Add(new Term("body", buf.TermString(k)), buf[k].Position);
                    bq.Add(pq, Occur.MUST);
                }
                var td = searcher.Search(bq, 10);
                for (int k = 0; k < td.ScoreDocs.Length; k++) _ = searcher.Doc(td.ScoreDocs[k].Doc).Get("id");
                lat.Add(Stopwatch.GetElapsedTime(q0).TotalMilliseconds);
                if (rep == 0) Console.WriteLine($"  lucene {query}: {td.TotalHits} hits {lat[^1]:F2} ms");
            }
        Report("lucene.net", lat);
        System.IO.Directory.Delete(dirPath, true);
    }

    private static void Report(string name, List<double> lat)
    {
        lat.Sort();
        Console.WriteLine($"{name}: queries {lat.Count}: p50 {lat[lat.Count / 2]:F3} ms p99 {lat[(int)(lat.Count * 0.99)]:F3} ms");
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private sealed class KeywordAnalyzerStub : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
            throw new InvalidOperationException("fields are pre-analysed");
    }

    /// <summary>Replays a filled <see cref="TokenBuffer"/> as a Lucene token stream.</summary>
    internal sealed class BufferTokenStream : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly IPositionIncrementAttribute _posInc;
        private int _next;
        private int _lastPosition = -1;

        public BufferTokenStream()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
            _posInc = AddAttribute<IPositionIncrementAttribute>();
        }

        public TokenBuffer Buffer { get; } = new();

        public void Rewind() { _next = 0; _lastPosition = -1; }

        public override bool IncrementToken()
        {
            if (_next >= Buffer.Count) return false;
            ClearAttributes();
            var t = Buffer[_next];
            var term = Buffer.Term(_next);
            _term.SetEmpty();
            _term.Append(term.ToString());
            _offset.SetOffset(t.SourceStart, t.SourceEnd);
            _posInc.PositionIncrement = t.Position - _lastPosition;
            _lastPosition = t.Position;
            _next++;
            return true;
        }

        public override void Reset() { base.Reset(); Rewind(); }
    }
}
