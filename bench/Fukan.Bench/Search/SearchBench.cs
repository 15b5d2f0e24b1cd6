using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fukan.Model;
using Fukan.Search;
using Microsoft.Data.Sqlite;

namespace Fukan.Bench.Search;

/// <summary>
/// The search benchmark verbs:
/// <list type="bullet">
/// <item><c>search-build DIR --db PATH [--copies N] [--analyzer bigram|mecab]</c>: index DIR (N distinct copies)
/// into a fresh SQLite database; prints index throughput in MB/s of source text.</item>
/// <item><c>search --db PATH --queries FILE [--json] [--repeat N]</c>: times every query (one per line; a TSV's
/// first column) N times (default 20) in process; prints p50/p99 ms. <c>search --db PATH --show QUERY [--limit N]</c>
/// prints one query's hits as JSON.</item>
/// <item><c>search-eval [--seeds DIR] [--judged FILE] [--analyzer bigram|mecab|all] [-v]</c>: recall@10, MRR and
/// nDCG@10 over the judged queries on one copy of the seeds.</item>
/// </list>
/// </summary>
internal static class SearchBench
{
    public static int Build(string[] args)
    {
        var a = new Args(args);
        var dir = a.Positional ?? throw new ArgumentException("search-build DIR --db PATH");
        var db = a.Get("--db") ?? throw new ArgumentException("--db PATH is required");
        int copies = int.Parse(a.Get("--copies") ?? "10", CultureInfo.InvariantCulture);
        var analyzer = CreateAnalyzer(a.Get("--analyzer") ?? "bigram");
        long t0 = Stopwatch.GetTimestamp();
        var corpus = SearchCorpus.Load(dir, copies);
        var pipelineSecs = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        int passages = corpus.Documents.Sum(d => d.Passages.Count);
        long passageChars = corpus.Documents.Sum(d => d.Passages.Sum(p => (long)p.Text.Length));
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        using var conn = Open(db);
        var index = new SqliteSearchIndex(conn, analyzer);
        long t1 = Stopwatch.GetTimestamp();
        // As an ingest does it: the next document's terms are analysed on another core (Prepare) while this one is written.
        var docs = corpus.Documents;
        var next = docs.Count > 0 ? Task.Run(() => index.Prepare(docs[0].Passages)) : Task.CompletedTask;
        for (int i = 0; i < docs.Count; i++)
        {
            next.GetAwaiter().GetResult();
            var following = i + 1 < docs.Count ? docs[i + 1].Passages : null;
            next = following is null ? Task.CompletedTask : Task.Run(() => index.Prepare(following));
            using var tx = conn.BeginTransaction();
            index.Add(docs[i].Info, docs[i].Passages, tx);
            tx.Commit();
        }
        var indexSecs = Stopwatch.GetElapsedTime(t1).TotalSeconds;
        long t2 = Stopwatch.GetTimestamp();
        index.Optimize();
        var optSecs = Stopwatch.GetElapsedTime(t2).TotalSeconds;
        Console.WriteLine($"{corpus.Documents.Count} documents, {passages} passages, {corpus.SourceBytes / 1e6:F1} MB source ({passageChars / 1e6:F1} M passage chars); pipeline {pipelineSecs:F1} s");
        Console.WriteLine($"index ({analyzer.Name}): {indexSecs:F2} s = {corpus.SourceBytes / 1e6 / indexSecs:F1} MB/s; optimize {optSecs:F2} s; db {new FileInfo(db).Length / 1e6:F0} MB");
        return 0;
    }

    public static int Query(string[] args)
    {
        var a = new Args(args);
        var db = a.Get("--db") ?? throw new ArgumentException("--db PATH is required");
        if (a.Get("--show") is { } show)
        {
            // Prints the hits of one query as the CLI's --json would.
            using var c = Open(db);
            var idx = new SqliteSearchIndex(c, CreateAnalyzer(SqliteSearchIndex.EnsureSchema(c)));
            var found = idx.Search(SearchQueryParser.Parse(show), new SearchOptions(int.Parse(a.Get("--limit") ?? "3", CultureInfo.InvariantCulture)));
            Console.WriteLine(JsonSerializer.Serialize(found, Fukan.Model.FukanJson.Indented));
            return 0;
        }
        var file = a.Get("--queries") ?? throw new ArgumentException("--queries FILE is required");
        int repeat = int.Parse(a.Get("--repeat") ?? "20", CultureInfo.InvariantCulture);
        var queries = new List<string>();
        foreach (var line in File.ReadAllLines(file))
            if (line.Trim().Length > 0 && !line.StartsWith('#')) queries.Add(line.Split('\t')[0]);
        using var conn = Open(db);
        var indexed = SqliteSearchIndex.EnsureSchema(conn);
        var index = new SqliteSearchIndex(conn, CreateAnalyzer(indexed));
        var options = new SearchOptions(10);
        foreach (var q in queries) index.Search(SearchQueryParser.Parse(q), options); // warm up
        var lat = new List<double>(queries.Count * repeat);
        for (int r = 0; r < repeat; r++)
            foreach (var q in queries)
            {
                long t0 = Stopwatch.GetTimestamp();
                index.Search(SearchQueryParser.Parse(q), options);
                lat.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        if (a.Has("-v"))
            for (int q = 0; q < queries.Count; q++)
            {
                var mine = new List<double>();
                for (int r = 0; r < repeat; r++) mine.Add(lat[r * queries.Count + q]);
                mine.Sort();
                Console.WriteLine($"  {mine[mine.Count / 2],8:F3} ms  max {mine[^1],8:F3}  {queries[q]}");
            }
        lat.Sort();
        double p50 = lat[lat.Count / 2], p99 = lat[Math.Min(lat.Count - 1, (int)(lat.Count * 0.99))];
        if (a.Has("--json"))
            Console.WriteLine(JsonSerializer.Serialize(new { queries = lat.Count, p50Ms = Math.Round(p50, 3), p99Ms = Math.Round(p99, 3) }));
        else
            Console.WriteLine($"queries {lat.Count} ({queries.Count} x {repeat}, {index.Analyzer.Name}): p50 {p50:F3} ms p99 {p99:F3} ms");
        return 0;
    }

    public static int Eval(string[] args)
    {
        var a = new Args(args);
        var seeds = a.Get("--seeds") ?? FindUp(Path.Combine("shared", "seeds"));
        var judged = JudgedQuery.Load(a.Get("--judged") ?? FindUpFile(Path.Combine("bench", "Fukan.Bench", "Data", "judged-queries.tsv")));
        var modes = (a.Get("--analyzer") ?? "all") == "all" ? ["bigram", "mecab"] : new[] { a.Get("--analyzer")! };
        var corpus = SearchCorpus.Load(seeds, 1);
        var prefixOf = corpus.Documents.ToDictionary(d => d.Info.Id, d => d.Prefix);
        foreach (var mode in modes)
        {
            ISearchAnalyzer analyzer;
            try { analyzer = CreateAnalyzer(mode); }
            catch (Exception e) when (e is DllNotFoundException or InvalidOperationException)
            {
                Console.WriteLine($"{mode}: unavailable ({e.Message})");
                continue;
            }
            using var conn = new SqliteConnection("Data Source=:memory:");
            conn.Open();
            var index = new SqliteSearchIndex(conn, analyzer);
            foreach (var (info, ps, _) in corpus.Documents) index.Add(info, ps);
            double recall = 0, mrr = 0, ndcg = 0;
            foreach (var j in judged)
            {
                var hits = index.Search(SearchQueryParser.Parse(j.Query), new SearchOptions(10));
                var credited = new bool[j.Relevant.Count];
                double dcg = 0;
                int firstRank = 0;
                for (int r = 0; r < hits.Count; r++)
                {
                    var h = hits[r];
                    var prefix = prefixOf[h.DocumentId];
                    bool relevant = false, fresh = false;
                    for (int k = 0; k < j.Relevant.Count; k++)
                    {
                        var (p, from, to) = j.Relevant[k];
                        if (p != prefix || h.Provenance.EndLine < from || h.Provenance.Line > to) continue;
                        relevant = true;
                        if (!credited[k]) { credited[k] = true; fresh = true; }
                    }
                    if (relevant && firstRank == 0) firstRank = r + 1;
                    if (fresh) dcg += 1 / Math.Log2(r + 2);
                }
                int found = credited.Count(c => c);
                int ideal = Math.Min(10, j.Relevant.Count);
                double idcg = 0;
                for (int r = 0; r < ideal; r++) idcg += 1 / Math.Log2(r + 2);
                double qr = Math.Min(found, ideal) / (double)ideal;
                recall += qr;
                mrr += firstRank > 0 ? 1.0 / firstRank : 0;
                ndcg += dcg / idcg;
                if (a.Has("-v") && (qr < 1 || firstRank != 1))
                {
                    Console.WriteLine($"  [{mode}] {j.Query}: recall {qr:F2} first {firstRank} ({j.Note})");
                    foreach (var h in hits.Take(5)) Console.WriteLine($"      {prefixOf[h.DocumentId]}:{h.Provenance.Line}-{h.Provenance.EndLine} {h.Score:F2} {h.Snippet[..Math.Min(60, h.Snippet.Length)]}");
                }
            }
            int n = judged.Count;
            Console.WriteLine($"{mode}: {n} queries  recall@10 {recall / n:F3}  MRR {mrr / n:F3}  nDCG@10 {ndcg / n:F3}");
        }
        return 0;
    }

    internal static ISearchAnalyzer CreateAnalyzer(string name) => name switch
    {
        "bigram" => new BigramAnalyzer(),
        "mecab" => MecabAnalyzer.Create(),
        _ => throw new ArgumentException($"unknown analyzer '{name}' (bigram, mecab)"),
    };

    private static SqliteConnection Open(string path)
    {
        var conn = new SqliteConnection($"Data Source={path}");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;";
        cmd.ExecuteNonQuery();
        return conn;
    }

    private static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"{relative} not found above {AppContext.BaseDirectory}: pass --seeds DIR");
    }

    private static string FindUpFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}: pass --judged FILE");
    }

    private sealed class Args(string[] args)
    {
        public string? Get(string name)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        public bool Has(string name) => Array.IndexOf(args, name) >= 0;

        public string? Positional
        {
            get
            {
                for (int i = 0; i < args.Length; i++)
                {
                    if (args[i].StartsWith('-')) { if (args[i] is not "--json" and not "-v") i++; continue; }
                    return args[i];
                }
                return null;
            }
        }
    }
}
