using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Fukan.Pipeline;
using Fukan.Storage;
using Fukan.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fukan.Bench;

/// <summary>
/// <c>serve (--corpus DIR | --db PATH) [--requests N] [--clients C] [--rounds R] [--only TEXT] [--no-warm]</c>: <c>fukan serve</c> on a real
/// Kestrel socket (loopback): every API route and page requested N times one after another (p50/p99 of the round
/// trip, bytes), then C concurrent clients each looping over every route R times (errors, throughput, p50/p99).
/// A corpus (e.g. <c>/work/shared/peers/make-corpus DIR 10</c>) is ingested into a fresh knowledge base first.
/// <c>--only</c> keeps the routes containing the text; <c>--no-warm</c> starts the server without computing the
/// whole-corpus answers in the background (so the cold column is the full cost). The load average is printed
/// before and after: the machine is shared.
/// </summary>
public static class ServeBench
{
    public static int Run(string[] args)
    {
        string? corpus = IngestBench.StringArg(args, "--corpus");
        string? db = IngestBench.StringArg(args, "--db");
        int requests = IngestBench.IntArg(args, "--requests", 20);
        int clients = IngestBench.IntArg(args, "--clients", 20);
        int rounds = IngestBench.IntArg(args, "--rounds", 3);
        string? only = IngestBench.StringArg(args, "--only");
        bool warm = !args.Contains("--no-warm");
        if (corpus is null == (db is null)) throw new ArgumentException("serve: give --corpus DIR (ingested first) or --db PATH");
        if (requests < 1 || clients < 1 || rounds < 1) throw new ArgumentException("serve: --requests, --clients and --rounds are at least 1");
        string? work = null;
        try
        {
            if (corpus is not null)
            {
                if (!Directory.Exists(corpus)) throw new DirectoryNotFoundException($"{corpus}: no such folder");
                work = Path.Combine(Path.GetTempPath(), "fukan-bench-serve-" + Environment.ProcessId);
                Directory.CreateDirectory(work);
                db = Path.Combine(work, "kb.db");
                var sw = Stopwatch.StartNew();
                var summary = Task.Run(async () =>
                {
                    await using var store = await KnowledgeBase.OpenAsync(db, StoreAccess.Write);
                    return await new Ingestor(FukanDefaults.CreatePipeline(), store).IngestAsync([corpus]);
                }).GetAwaiter().GetResult();
                Console.WriteLine($"ingested {summary.Files} file(s), {summary.Bytes / 1e6:F1} MB in {sw.Elapsed.TotalSeconds:F1} s → {db} ({new FileInfo(db).Length / 1e6:F0} MB)");
            }
            else if (!File.Exists(db)) throw new FileNotFoundException($"{db}: no knowledge base here");
            return RunAsync(db!, requests, clients, rounds, only, warm).GetAwaiter().GetResult();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (work is not null) try { Directory.Delete(work, true); } catch (IOException) { }
        }
    }

    private static async Task<int> RunAsync(string db, int requests, int clients, int rounds, string? only, bool warm)
    {
        Console.WriteLine($"load average {LoadAverage()}; warming {(warm ? "on" : "off")}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddFukanWeb(new FukanWebOptions { Database = db, Warm = warm });
        await using var app = builder.Build();
        app.UseFukanWeb();
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };

        var routes = await RoutesAsync(http);
        if (only is not null) routes = routes.Where(r => r.Contains(only, StringComparison.Ordinal)).ToList();
        if (routes.Count == 0) throw new ArgumentException($"serve: no route contains '{only}'");
        Console.WriteLine($"{routes.Count} routes, {requests} sequential requests each (first request apart: cold), {clients} concurrent clients × {rounds} rounds; loopback round trip in ms");
        Console.WriteLine($"{"route",-72} {"cold",8} {"p50",8} {"p99",8} {"max",8} {"KB",8}");
        var failures = 0;
        foreach (var route in routes)
        {
            var (coldMs, coldStatus, _) = await TimeAsync(http, route);
            var times = new List<double>(requests);
            long bytes = 0;
            int bad = coldStatus == 200 ? 0 : 1;
            for (int i = 0; i < requests; i++)
            {
                var (ms, status, size) = await TimeAsync(http, route);
                times.Add(ms);
                bytes = size;
                if (status != 200) bad++;
            }
            failures += bad;
            times.Sort();
            Console.WriteLine($"{Shorten(route),-72} {coldMs,8:F1} {Percentile(times, 0.5),8:F1} {Percentile(times, 0.99),8:F1} {times[^1],8:F1} {bytes / 1024,8}{(bad > 0 ? $"  {bad} non-200" : "")}");
        }

        // Concurrency: C clients, each looping over every route R times, all at once.
        var all = new List<double>();
        int errors = 0;
        var wall = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = new List<double>();
            int myErrors = 0;
            var order = routes.OrderBy(r => HashCode.Combine(r, c)).ToList();   // each client its own order
            for (int round = 0; round < rounds; round++)
                foreach (var route in order)
                {
                    try
                    {
                        var (ms, status, _) = await TimeAsync(http, route);
                        mine.Add(ms);
                        if (status != 200) myErrors++;
                    }
                    catch (HttpRequestException) { myErrors++; }
                }
            lock (all) { all.AddRange(mine); errors += myErrors; }
        })).ToArray();
        await Task.WhenAll(tasks);
        wall.Stop();
        all.Sort();
        Console.WriteLine($"concurrent: {clients} clients, {all.Count} requests in {wall.Elapsed.TotalSeconds:F1} s ({all.Count / wall.Elapsed.TotalSeconds:F1} req/s), {errors} error(s), p50 {Percentile(all, 0.5):F1} ms, p99 {Percentile(all, 0.99):F1} ms, max {all[^1]:F1} ms");
        Console.WriteLine($"load average {LoadAverage()}");
        await app.StopAsync();
        return failures + errors == 0 ? 0 : 1;
    }

    private static async Task<(double Ms, int Status, long Bytes)> TimeAsync(HttpClient http, string route)
    {
        var sw = Stopwatch.StartNew();
        using var response = await http.GetAsync(route, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (sw.Elapsed.TotalMilliseconds, (int)response.StatusCode, body.LongLength);
    }

    /// <summary>Every API route and page, with references taken from the knowledge base itself.</summary>
    private static async Task<List<string>> RoutesAsync(HttpClient http)
    {
        var docs = JsonNode.Parse(await http.GetStringAsync("/api/documents"))!.AsArray();
        string Short(JsonNode d) => d["id"]!.GetValue<string>()[..12];
        var reports = docs.Where(d => d!["kind"]!.GetValue<string>() == "report").Select(d => Short(d!)).ToList();
        var minutes = docs.Where(d => d!["kind"]!.GetValue<string>() == "minutes").Select(d => Short(d!)).FirstOrDefault();
        var any = Short(docs[0]!);
        var rows = JsonNode.Parse(await http.GetStringAsync("/api/landscape"))!.AsArray();
        var report = rows.Count > 0 ? rows[0]!["documentId"]!.GetValue<string>()[..12] : reports.FirstOrDefault() ?? any;
        var area = rows.Count > 0 ? rows[0]!["areaId"]!.GetValue<string>() : "1";
        var other = reports.FirstOrDefault(r => r != report) ?? report;
        var hits = JsonNode.Parse(await http.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("全固体電池") + "&limit=1"))!.AsArray();
        var passage = hits.Count > 0 ? hits[0]!["passageId"]!.GetValue<string>() : any + "-1";
        string q = Uri.EscapeDataString("全固体電池");
        const string signal = "n2-volume-production";   // a signal of the watchlist Fukan ships
        var list = new List<string>
        {
            "/api/documents", $"/api/documents/{report}", $"/api/documents/{report}/outline", $"/api/documents/{report}/source?lines=100-140",
            $"/api/landscape?doc={report}", $"/api/landscape?doc={report}&country=JP,US&phase=basic", $"/api/areas/{area}?doc={report}",
            $"/api/gaps?doc={report}&country=JP", $"/api/diff?from={other}&to={report}", $"/api/search?q={q}", $"/api/search?q={q}&offset=20",
            $"/api/related/{passage}", "/api/facts?kind=quantity&unit=JPY&min=1e8&limit=50", "/api/facts?kind=event&status=planned&after=2025&limit=50",
            "/api/timeline?from=2024&to=2030", "/api/timeline?from=2024&to=2030&limit=100", "/api/timeline?from=2024&to=2030&offset=2000&limit=100",
            "/api/entities?limit=20", "/api/entities?limit=20&offset=100", "/api/entities/Rapidus?limit=50", "/api/signals", $"/api/signals/{signal}?limit=20",
            "/api/rank", "/api/rank?limit=50", "/api/rank?sensitivity=true", "/api/rank?sensitivity=true&limit=50&offset=50", "/api/money?limit=50", "/api/money?by=year&currency=JPY", "/api/money?by=tech&limit=50&offset=50",
            $"/api/related/{passage}?offset=10&limit=10", $"/api/search?q={q}&limit=50&offset=100",
            "/openapi/v1.json",
            "/", "/documents", $"/documents/{report}?lines=100-140", $"/landscape?doc={report}", $"/landscape?doc={report}&area={Uri.EscapeDataString(area)}&c=JP&slot=0",
            $"/areas/{area}?doc={report}", $"/gaps?doc={report}", $"/diff?from={other}&to={report}", $"/search?q={q}", "/timeline?from=2024&to=2030",
            "/facts?kind=quantity", "/entities", "/entities/Rapidus", "/signals", "/rank", "/money", "/money?by=country", $"/landscape.csv?doc={report}", "/rank.csv",
            "/money.csv?by=year",
        };
        if (minutes is not null) { list.Add($"/api/minutes/{minutes}"); list.Add($"/minutes/{minutes}"); }
        return list;
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), or "?".</summary>
    private static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
        catch (UnauthorizedAccessException) { return "?"; }
    }

    private static string Shorten(string route) => route.Length <= 72 ? route : route[..71] + "…";

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
