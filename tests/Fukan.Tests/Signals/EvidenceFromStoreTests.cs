using System.Text.Json;
using Fukan.Analysis.Signals;
using Fukan.Model;
using Fukan.Storage;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Signals;

/// <summary>
/// <see cref="EvidenceCorpus.FindAsync"/> reads only the passages the search index finds for the watchlist's aliases
/// (and the tables under a header naming one); the report must be the one reading every passage gives.
/// </summary>
public sealed class EvidenceFromStoreTests(SeedStoreFixture seeds) : IClassFixture<SeedStoreFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Watch = """
        signals:
          - id: pressure
            domain: cells
            description: cells run at low stack pressure
            metric: stack pressure
            comparator: "<="
            threshold: 1
            unit: MPa
            aliases: [全固体電池, solid-state]
            patterns: [拘束圧, 加圧, pressure]
            fires: no clamps needed
          - id: rate-50
            domain: agents
            description: the benchmark rate reaches half
            metric: resolution rate
            comparator: ">="
            threshold: 50
            unit: "%"
            aliases: [SWE-bench]
            patterns: [解決率, resolution rate, resolv]
            fires: agents substitute for work
          - id: samples
            domain: cells
            description: A-samples ship
            metric: A-samples shipped
            comparator: occurs
            aliases: [全固体電池, solid-state]
            against: [延期, delay]
            conditions:
              - name: shipped
                aliases: [Aサンプル, A-sample]
                patterns: [出荷, ship]
            fires: carmakers can qualify the cells
        """;

    private static readonly Watchlist List = WatchlistLoader.Parse(Watch, "test.yaml");

    private static async Task<(string Found, string All, EvidenceCorpus Corpus)> BothWaysAsync(IKnowledgeStore store, Watchlist list, int limit = int.MaxValue)
    {
        var corpus = await EvidenceCorpus.FindAsync(store, list, Ct);
        var found = await new SignalEvaluator().EvaluateAsync(list, corpus, limit, Ct);
        var all = new SignalEvaluator().Evaluate(list, await EvidenceCorpus.LoadAsync(store, Ct), limit);
        return (JsonSerializer.Serialize(found, FukanJson.Options), JsonSerializer.Serialize(all, FukanJson.Options), corpus);
    }

    [Fact]
    public async Task OnTheSeeds_TheIndexFindsWhatReadingEveryPassageFinds_FromAFractionOfThePassages()
    {
        await using var store = await KnowledgeBase.OpenAsync(seeds.DbPath, StoreAccess.Read, null, Ct);
        var (found, all, corpus) = await BothWaysAsync(store, WatchlistLoader.LoadDefault());
        Assert.Equal(all, found);

        // The report cites lines inside passages of several lines (the survey report wraps its paragraphs): read from
        // the passage's own source text, they agree with the whole source's line index.
        using var json = JsonDocument.Parse(found);
        var evidence = json.RootElement.GetProperty("signals").EnumerateArray().SelectMany(s => s.GetProperty("evidence").EnumerateArray()).ToList();
        Assert.True(evidence.Count >= 5);
        var docs = await store.ListDocumentsAsync(Ct);
        int total = 0;
        foreach (var d in docs) total += (await store.GetPassagesAsync(d.Id, Ct)).Count;
        int read = corpus.Documents.Sum(d => d.Passages.Count);
        Assert.True(read * 10 < total, $"read {read} of {total} passages");
        Assert.Equal(docs.Count, json.RootElement.GetProperty("documents").GetInt32());
        Assert.All(corpus.Documents, d => Assert.Null(d.Source));
    }

    [Fact]
    public async Task TablesUnderANamingHeader_WrappedParagraphs_AndOtherDocuments_AgreeWithReadingEverything()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        var cells = dir.Write("cells.md", """
            ---
            title: Cell report
            date: 2026-03-01
            ---

            # Cell report

            Intro text that names nothing watched.

            | 全固体電池の指標 | 値 |
            |---|---|
            | 容量 | 300 Wh/kg |
            | 拘束圧 | 0.5 MPa |

            | 項目 | 備考 |
            |---|---|
            | 正極 | 層状酸化物 |
            | 全固体電池の拘束圧 | 3 MPa |

            The solid-state maker said the stack
            pressure of its new cells is down to
            2 MPa in the latest tests.

            全固体電池のAサンプルは
            来年出荷する予定である。
            """);
        var agents = dir.Write("agents.md", """
            ---
            title: Agents
            date: 2026-02-01
            ---

            # SWE-bench

            The resolution rate is now 55% on the verified split.
            """);
        var unrelated = dir.Write("other.md", "# Other\n\nNothing here is watched: 5 MPa, 80%.\n");
        Assert.Equal(0, (await Support.Cli.RunAsync("--db", db, "ingest", cells, agents, unrelated)).ExitCode);

        await using var store = await KnowledgeBase.OpenAsync(db, StoreAccess.Read, null, Ct);
        var (found, all, corpus) = await BothWaysAsync(store, List);
        Assert.Equal(all, found);
        Assert.DoesNotContain(corpus.Documents, d => d.Info.Title == "Other");

        using var json = JsonDocument.Parse(found);
        var pressure = json.RootElement.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "pressure");
        var values = pressure.GetProperty("evidence").EnumerateArray().Select(e => (e.GetProperty("value").GetDecimal(), e.GetProperty("line").GetInt32())).ToList();
        // 0.5 MPa under the header naming the cells, 3 MPa in a row naming them, 2 MPa on the third line of its paragraph.
        Assert.Contains((0.5m, 13), values);
        Assert.Contains((3m, 18), values);
        Assert.Contains((2m, 22), values);
        // Wrapped paragraphs: the qualitative match sits on the second line of its paragraph.
        var samples = json.RootElement.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "samples");
        Assert.Equal(25, samples.GetProperty("latest").GetProperty("line").GetInt32());
        // The heading names SWE-bench; the sentence under it has only the pattern.
        var rate = json.RootElement.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "rate-50");
        Assert.Equal("met", rate.GetProperty("status").GetString());
    }

    [Fact]
    public async Task EvidenceLimit_ShortensTheList_ButNotTheStatusOrTheCounts()
    {
        await using var store = await KnowledgeBase.OpenAsync(seeds.DbPath, StoreAccess.Read, null, Ct);
        var list = WatchlistLoader.LoadDefault();
        var corpus = await EvidenceCorpus.FindAsync(store, list, Ct);
        var full = await new SignalEvaluator().EvaluateAsync(list, corpus, cancellationToken: Ct);
        var one = await new SignalEvaluator().EvaluateAsync(list, corpus, 1, Ct);
        var n2 = full.Signals.Single(s => s.Id == "n2-volume-production");
        Assert.True(n2.Evidence.Count > 1);
        for (int i = 0; i < full.Signals.Count; i++)
        {
            var (a, b) = (full.Signals[i], one.Signals[i]);
            Assert.Equal(Math.Min(1, a.Evidence.Count), b.Evidence.Count);
            if (a.Evidence.Count > 0) Assert.Equal(a.Evidence[0], b.Evidence[0]);
            Assert.Equal(a.Status, b.Status);
            Assert.Equal(a.Reason, b.Reason);
            Assert.Equal(a.Latest, b.Latest);
            Assert.Equal(a.Conditions.Select(c => (c.Status, c.EvidenceCount, c.Latest)), b.Conditions.Select(c => (c.Status, c.EvidenceCount, c.Latest)));
        }
        Assert.Equal(full.Domains.Select(d => (d.Verdict, string.Join("|", d.Reasons))), one.Domains.Select(d => (d.Verdict, string.Join("|", d.Reasons))));
    }
}
