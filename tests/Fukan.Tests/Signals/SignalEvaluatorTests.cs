using System.Text.Json;
using Fukan.Analysis.Signals;
using Fukan.Extraction.Signals;
using Fukan.Model;
using Xunit;

namespace Fukan.Tests.Signals;

public class SignalEvaluatorTests
{
    private const string Watch = """
        signals:
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
          - id: cost-1
            domain: agents
            description: inference becomes cheap
            metric: price per million tokens
            comparator: "<="
            threshold: 1
            unit: USD
            aliases: [推論コスト, inference cost]
            patterns: [トークン, token]
            fires: agents run all day
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
          - id: samples
            domain: cells
            description: A-samples ship and cycle-life data is published
            metric: A-samples with data
            comparator: occurs
            aliases: [全固体電池, solid-state]
            against: [延期, delay]
            conditions:
              - name: shipped
                aliases: [Aサンプル, A-sample]
                patterns: [出荷, ship]
              - name: data published
                aliases: [サイクル寿命, cycle life]
                patterns: [公表, publish]
            fires: carmakers can qualify the cells
        """;

    private static readonly Watchlist List = WatchlistLoader.Parse(Watch, "test.yaml");

    private static EvidenceDocument Doc(string name, string date, string body)
    {
        var text = $"---\ntitle: {name}\ndate: {date}\n---\n\n# {name}\n\n{body}\n";
        var d = SignalTestDocs.Process(name + ".md", text);
        return new EvidenceDocument(d.Info, d.Passages, d.Source);
    }

    private static WatchlistReport Evaluate(params EvidenceDocument[] docs) => new SignalEvaluator().Evaluate(List, new EvidenceCorpus(docs));

    private static SignalReport Signal(WatchlistReport r, string id) => r.Signals.Single(s => s.Id == id);

    [Fact]
    public void EmptyKnowledgeBase_HasNoEvidence_AndEveryDomainIsWatch()
    {
        var r = Evaluate();
        Assert.All(r.Signals, s => Assert.Equal(SignalStatus.NoEvidence, s.Status));
        Assert.All(r.Domains, d => Assert.Equal(DomainVerdict.Watch, d.Verdict));
    }

    [Fact]
    public void ObservedValue_IsEvidence_ButThresholdsAndTargetsAreNot()
    {
        var r = Evaluate(Doc("a", "2026-01-01", """
            SWE-benchの解決率が50%を超えた時、エージェントは労働を代替する。
            SWE-benchでは2027年に解決率80%を目標とする。
            現在、SWE-benchの解決率は約20〜30%程度である。
            """));
        var s = Signal(r, "rate-50");
        Assert.Equal(SignalStatus.NotMet, s.Status);
        var e = Assert.Single(s.Evidence);
        Assert.Equal(20m, e.Value);
        Assert.Equal(30m, e.ValueMax);
        Assert.Equal(EvidenceOutcome.NotMet, e.Outcome);
        Assert.Equal("2026-01-01", e.Date);
        Assert.Equal(10, e.Line);
        Assert.Equal("約20〜30%程度", e.Text);
    }

    [Fact]
    public void AmountsOfChange_AreNotLevels()
    {
        var r = Evaluate(Doc("delta", "2026-02-01", """
            SWE-benchの解決率は前年から60%向上した。
            The SWE-bench resolution rate rose by 55% over the year.
            """));
        Assert.Equal(SignalStatus.NoEvidence, Signal(r, "rate-50").Status);
    }

    [Fact]
    public void WhereAChangeStarted_AndALevelAimedAt_AreNotLevels()
    {
        var r = Evaluate(Doc("levels", "2026-02-01", """
            SWE-benchの解決率は、改良で30%から45%まで上がった。
            SWE-benchの解決率を60%以上に高める開発が加速している。
            SWE-benchの解決率を70%に向けた取り組みが続く。
            """));
        // Then the only level is where the change ended: 45 %, not 30 % and not the 60 % or 70 % aimed at
        var s = Signal(r, "rate-50");
        var e = Assert.Single(s.Evidence);
        Assert.Equal(45m, e.Value);
        Assert.Equal(SignalStatus.NotMet, s.Status);

        // And "unless it falls below" or "whether it exceeds" states a threshold, not a level
        var conditional = Evaluate(Doc("unless", "2026-02-01", """
            SWE-benchの解決率が60%を超えない限り、置き換えは進まない。
            SWE-benchの解決率が55%を超えるかどうかは、モデル次第だろう。
            """));
        Assert.Equal(SignalStatus.NoEvidence, Signal(conditional, "rate-50").Status);

        // And a level reached in the past tense is a level
        var reached = Evaluate(Doc("reached", "2026-03-01", "SWE-benchの解決率を55%に高めた。"));
        Assert.Equal(55m, Assert.Single(Signal(reached, "rate-50").Evidence).Value);
    }

    [Fact]
    public void TheThingWatched_MayBeNamedEarlierInTheParagraph_TheConditionMustBeInTheSentence()
    {
        var r = Evaluate(Doc("news", "2026-05-12",
            "各社は全固体電池のAサンプルを出荷した。サイクル寿命のデータも公表した。"));
        Assert.Equal(SignalStatus.Met, Signal(r, "samples").Status);

        // A paragraph about something else does not count
        var other = Evaluate(Doc("other", "2026-05-12", "各社は液系電池のAサンプルを出荷した。サイクル寿命のデータも公表した。"));
        Assert.Equal(SignalStatus.NoEvidence, Signal(other, "samples").Status);
    }

    [Fact]
    public void AStatedMeasurementDate_DatesTheEvidence()
    {
        // The later document quotes an older figure: the figure's own date decides which evidence is latest.
        var r = Evaluate(
            Doc("news", "2026-03-01", "SWE-benchの解決率は52%に達した。"),
            Doc("retro", "2026-06-01", "2025年時点でSWE-benchの解決率は40%だった。"));
        var s = Signal(r, "rate-50");
        Assert.Equal(SignalStatus.Met, s.Status);
        Assert.Equal("2026-03-01", s.Latest!.Date);
        var old = s.Evidence.Single(e => e.Value == 40m);
        Assert.Equal("2025", old.Date);
        Assert.Equal("text", old.DateFrom);
        Assert.Equal("document", s.Latest.DateFrom);
    }

    [Fact]
    public void TableRows_AreReadWithTheirHeader()
    {
        var r = Evaluate(Doc("board", "2026-05-01", """
            ## Leaderboard

            | Agent | SWE-bench Verified resolution rate |
            | --- | --- |
            | Agent X | 58% |
            | Agent Y | 41% |
            """));
        var s = Signal(r, "rate-50");
        // Each row is evidence, read with the header that names the measure. The two rows of one date disagree
        // (two agents): the evaluator reports the split as conflicting rather than guessing which row counts.
        Assert.Equal(2, s.Evidence.Count);
        Assert.Contains(s.Evidence, e => e.Value == 58m && e.Outcome == EvidenceOutcome.Met);
        Assert.Contains(s.Evidence, e => e.Value == 41m && e.Outcome == EvidenceOutcome.NotMet);
        Assert.Equal(SignalStatus.Conflicting, s.Status);
    }

    [Fact]
    public void LaterEvidence_Wins_AndChangesTheVerdict()
    {
        var early = Doc("early", "2026-01-01", "SWE-benchの解決率は約30%である。");
        var before = Evaluate(early);
        Assert.Equal(SignalStatus.NotMet, Signal(before, "rate-50").Status);
        Assert.Equal(DomainVerdict.Wait, before.Domains.Single(d => d.Domain == "agents").Verdict);

        var late = Doc("late", "2026-06-01", "The best agent now resolves 55% of SWE-bench Verified issues.");
        var after = Evaluate(early, late);
        var s = Signal(after, "rate-50");
        Assert.Equal(SignalStatus.Met, s.Status);
        Assert.Equal("2026-06-01", s.Latest!.Date);
        Assert.Equal(55m, s.Latest.Value);
        Assert.Equal(2, s.Evidence.Count);
        // One of two signals met and none against: the domain acts (actShare 0.5).
        var agents = after.Domains.Single(d => d.Domain == "agents");
        Assert.Equal(DomainVerdict.Act, agents.Verdict);
        Assert.Contains(agents.Reasons, x => x.StartsWith("rate-50: met", StringComparison.Ordinal));
    }

    [Fact]
    public void SameDateDisagreement_IsConflicting_AndTheDomainWatches()
    {
        var r = Evaluate(
            Doc("one", "2026-03-01", "SWE-benchの解決率は52%に達した。"),
            Doc("two", "2026-03-01", "SWE-benchの解決率は依然として40%にとどまる。"));
        Assert.Equal(SignalStatus.Conflicting, Signal(r, "rate-50").Status);
        Assert.Equal(DomainVerdict.Watch, r.Domains.Single(d => d.Domain == "agents").Verdict);
    }

    [Fact]
    public void UnitsConvert_AtmospheresAgainstMegapascals()
    {
        var r = Evaluate(Doc("cells", "2026-02-01", "新型の全固体電池は5気圧の拘束圧で1000サイクル動作した。"));
        var s = Signal(r, "pressure");
        Assert.Equal(SignalStatus.Met, s.Status);
        // 5 atm = 0.506625 MPa ≤ 1 MPa
        Assert.Equal(0.506625m, s.Latest!.Value);
        Assert.Equal("MPa", s.Latest.Unit);

        var high = Evaluate(Doc("cells", "2026-02-01", "The solid-state cell still needs a stack pressure of 10 MPa."));
        Assert.Equal(SignalStatus.NotMet, Signal(high, "pressure").Status);
    }

    [Fact]
    public void CurrencyIsNeverConverted()
    {
        var r = Evaluate(Doc("yen", "2026-02-01", "推論コストは100万トークンあたり50円まで下がった。"));
        Assert.Equal(SignalStatus.NoEvidence, Signal(r, "cost-1").Status);
        var usd = Evaluate(Doc("usd", "2026-02-01", "推論コストは100万トークンあたり0.5ドルまで下がった。"));
        Assert.Equal(SignalStatus.Met, Signal(usd, "cost-1").Status);
    }

    [Theory]
    [InlineData("全固体電池のAサンプルの出荷が始まった。", SignalStatus.NotMet, "shipped: reported as happened")]
    [InlineData("全固体電池のAサンプルを2026年に出荷する予定だ。", SignalStatus.NotMet, "shipped: planned or upcoming")]
    [InlineData("全固体電池のAサンプルが出荷されるかが焦点だ。", SignalStatus.NotMet, "shipped: still an open question")]
    [InlineData("全固体電池のAサンプルは出荷されるか。", SignalStatus.NotMet, "shipped: still an open question")]
    [InlineData("全固体電池のAサンプルはまだ出荷されていない。", SignalStatus.NotMet, "shipped: reported as not (yet) happened")]
    [InlineData("全固体電池のAサンプル出荷は2027年に延期された。", SignalStatus.NotMet, "shipped: reported against: 延期")]
    public void QualitativeCondition_ReadsTheMoodOfTheSentence(string sentence, SignalStatus status, string reasonStart)
    {
        var r = Evaluate(Doc("news", "2026-04-01", sentence));
        var s = Signal(r, "samples");
        Assert.Equal(status, s.Status);
        Assert.StartsWith(reasonStart, s.Reason.Replace("1 of 2 conditions met; no evidence yet for: data published", "shipped: reported as happened"));
    }

    [Fact]
    public void SupposedEvents_AreNoEvidence()
    {
        var r = Evaluate(Doc("if", "2026-04-01", "全固体電池のAサンプルが出荷されれば、評価が一気に進む。"));
        Assert.Equal(SignalStatus.NoEvidence, Signal(r, "samples").Status);
    }

    [Fact]
    public void AllConditionsReportedDone_MeetTheSignal()
    {
        var r = Evaluate(Doc("done", "2026-05-01", """
            Solid-state maker X shipped A-samples to two carmakers in April.
            X also published cycle life data for the solid-state cells: 1,000 cycles at 80% retention.
            """));
        var s = Signal(r, "samples");
        Assert.Equal(SignalStatus.Met, s.Status);
        Assert.All(s.Conditions, c => Assert.Equal(SignalStatus.Met, c.Status));
        Assert.Equal(DomainVerdict.Act, r.Domains.Single(d => d.Domain == "cells").Verdict);
    }

    [Fact]
    public void Evaluation_IsDeterministic()
    {
        var docs = new[]
        {
            Doc("b", "2026-03-01", "SWE-benchの解決率は52%に達した。全固体電池のAサンプルは出荷されるか。"),
            Doc("a", "2026-03-01", "SWE-benchの解決率は40%にとどまる。"),
        };
        var one = JsonSerializer.Serialize(new SignalEvaluator().Evaluate(List, new EvidenceCorpus(docs)), FukanJson.Options);
        var two = JsonSerializer.Serialize(new SignalEvaluator().Evaluate(List, new EvidenceCorpus(docs.Reverse())), FukanJson.Options);
        Assert.Equal(one, two);
    }

    [Theory]
    [InlineData(SignalComparator.AtLeast, 50.0, 55.0, 55.0, false, false, EvidenceOutcome.Met, false)]
    [InlineData(SignalComparator.AtLeast, 50.0, 20.0, 30.0, false, false, EvidenceOutcome.NotMet, false)]
    [InlineData(SignalComparator.AtLeast, 50.0, 45.0, 55.0, false, false, EvidenceOutcome.NotMet, true)]
    [InlineData(SignalComparator.GreaterThan, 50.0, 50.0, 50.0, false, false, EvidenceOutcome.NotMet, false)]
    [InlineData(SignalComparator.GreaterThan, 50.0, 50.0, null, true, false, EvidenceOutcome.Met, false)]
    [InlineData(SignalComparator.LessThan, 1.0, null, 1.0, false, true, EvidenceOutcome.Met, false)]
    [InlineData(SignalComparator.AtMost, 1.0, null, 2.0, false, false, EvidenceOutcome.NotMet, true)]
    [InlineData(SignalComparator.Equal, 3.0, 3.0, 3.0, false, false, EvidenceOutcome.Met, false)]
    public void Judge_ComparesTheWholeIntervalAStatementAllows(SignalComparator c, double t, double? low, double? high, bool lowOpen, bool highOpen, EvidenceOutcome expected, bool straddles)
    {
        var outcome = SignalEvaluator.Judge(c, (decimal)t, (decimal?)low, (decimal?)high, lowOpen, highOpen, out bool s);
        Assert.Equal(expected, outcome);
        Assert.Equal(straddles, s);
    }

    [Theory]
    [InlineData("量産を開始した。", Mood.Done)]
    [InlineData("量産を開始する予定だ。", Mood.Planned)]
    [InlineData("TSMCは2nmの量産を年内に開始すると発表した。", Mood.Planned)]
    [InlineData("TSMCは2nmの量産を開始したと発表した。", Mood.Done)]
    [InlineData("いよいよ量産フェーズに入ります。", Mood.Planned)]
    [InlineData("量産はまだ始まっていない。", Mood.Negated)]
    [InlineData("量産を確定させるか。", Mood.Question)]
    [InlineData("量産が始まれば価格は下がる。", Mood.Hypothetical)]
    [InlineData("TSMC began volume production of N2.", Mood.Done)]
    [InlineData("TSMC will begin volume production next year.", Mood.Planned)]
    [InlineData("Volume production has not started.", Mood.Negated)]
    [InlineData("米国では2024年に熱エネルギー貯蔵の実証計画に総額2億ドルが配分された。", Mood.Done)]
    [InlineData("量産計画を2027年に開始する見込みとされた。", Mood.Planned)]
    [InlineData("量産の計画がある。", Mood.Planned)]
    public void Mood_OfSentences(string sentence, Mood mood) => Assert.Equal(mood, StatementMood.Of(sentence));
}
