using System.Text.Json;
using Fukan.Extraction.Signals;
using Fukan.Model;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Signals;

public class SignalExtractorTests
{
    [Fact]
    public void RoadmapSeed_YieldsTheThresholdAndTheQualitativeSignals()
    {
        // Given the roadmap article (seed 000), processed by the default pipeline
        var doc = SeedDocuments.Get("000");
        var signals = doc.Facts.OfType<SignalFact>().ToList();

        // Then its KPI sections give one numeric signal and four qualitative ones, nothing else
        Assert.Equal(5, signals.Count);
        var numeric = Assert.Single(signals, s => !s.IsQualitative);
        Assert.Equal("SWE-benchの解決率", numeric.Metric);
        Assert.Equal(">", numeric.Comparator);
        Assert.Equal(50m, numeric.Threshold);
        Assert.Equal("%", numeric.Unit);
        Assert.Equal("AI", numeric.Domain);
        Assert.NotNull(numeric.CurrentValue);
        Assert.Equal(20m, numeric.CurrentValue!.Value);
        Assert.Equal(30m, numeric.CurrentValue.ValueMax);
        Assert.True(numeric.CurrentValue.Approximate);
        Assert.NotNull(numeric.Implication);
        // The statement spans the KPI heading, the current-value sentence and the signal sentence.
        Assert.Equal(["metric", "current", "signal", "implication", "implication"], numeric.Parts.Select(p => p.Role));
        var lines = File.ReadAllLines(Seeds.Path("000"));
        Assert.StartsWith("###", lines[numeric.Source.Line - 1]);
        Assert.Contains("Signal", lines[numeric.Source.EndLine - 1]);

        var qualitative = signals.Where(s => s.IsQualitative).ToList();
        Assert.All(qualitative, s => Assert.Null(s.Threshold));
        Assert.Equal(["batteries", "batteries", "semiconductors", "batteries"], qualitative.Select(s => s.Domain));
        // The KPI bullets name their metric in the label before the colon.
        Assert.Contains(qualitative, s => s.Metric == "無加圧/低加圧での動作");
        Assert.Contains(qualitative, s => s.Metric == "室温での急速充電");
    }

    [Fact]
    public void AScopeMarkedWithDe_LeavesTheMetricToTheHeading()
    {
        // Given a KPI heading and a signal whose sentence starts with where the value is measured (量産品で…)
        var signals = SignalTestDocs.Signals("scope.md", """
            ---
            title: 熱材料の注目点
            date: 2026-01-10
            ---
            ## 今後の注目ポイント (Strategic Signal)

            ### 2. 熱：熱界面材料の熱伝導率
            **Signal**: 量産品で**10 W/mK**を超えれば、データセンター冷却の設計が変わります。
            """);

        // Then the metric is what the heading names, not the scope, and the threshold is still read
        var s = Assert.Single(signals);
        Assert.Contains("熱伝導率", s.Metric);
        Assert.DoesNotContain("量産品", s.Metric);
        Assert.Equal(">", s.Comparator);
        Assert.Equal(10m, s.Threshold);
        Assert.Equal("W/mK", s.Unit);
    }

    [Fact]
    public void AThousandsSeparator_IsNotAClauseBreak()
    {
        var signals = SignalTestDocs.Signals("q.md", """
            ---
            title: Quantum outlook
            date: 2026-04-02
            ---
            ## Signals to watch

            Signal: If the two-qubit gate fidelity exceeds 99.9% on a chip with more than 1,000 qubits, error correction becomes practical.
            """);
        var s = Assert.Single(signals);
        Assert.Equal("two-qubit gate fidelity", s.Metric);
        Assert.Equal(99.9m, s.Threshold);
        Assert.Equal("error correction becomes practical", s.Implication);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    public void EveryPartPointsAtItsOwnTextInTheSource(string seed)
    {
        var doc = SeedDocuments.Get(seed);
        foreach (var s in doc.Facts.OfType<SignalFact>())
        {
            Assert.True(s.Source.Span.Start <= s.Source.Span.End && s.Source.Span.End <= doc.Source.Text.Length);
            foreach (var part in s.Parts)
            {
                // Passage text drops markdown emphasis, so compare with the markup stripped from the source slice.
                var raw = SignalTestDocs.At(doc, part.Provenance).Replace("**", "").Replace("*", "");
                Assert.Equal(part.Text, raw);
                Assert.InRange(part.Provenance.Span.Start, s.Source.Span.Start, s.Source.Span.End);
            }
        }
    }

    [Theory]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    public void DocumentsWithoutKpiSections_HaveNoSignals(string seed)
    {
        // The 1.7 MB report is full of conditionals and percentages but announces no signals to watch.
        Assert.Empty(SeedDocuments.Get(seed).Facts.OfType<SignalFact>());
    }

    [Fact]
    public void JapaneseThresholds_ReadComparatorUnitSubjectAndImplication()
    {
        var signals = SignalTestDocs.Signals("kpi.md", """
            ---
            title: 半導体の見通し
            date: 2026-03-01
            ---

            ## 監視すべきKPI

            - 歩留まり: 現状の歩留まりは約60%とみられる。歩留まりが7割を超えれば、量産コストは既存ノード並みに下がる。
            - 推論単価: 推論コストが100万トークンあたり1ドルを下回れば、エージェントの常時稼働が現実的になる。
            - 需要: 月産能力が5万枚以上になった場合、供給不足は解消に向かう。
            """);

        Assert.Equal(3, signals.Count);
        var yield = signals[0];
        Assert.Equal("歩留まり", yield.Metric);
        Assert.Equal(">", yield.Comparator);
        Assert.Equal(70m, yield.Threshold);
        Assert.Equal("%", yield.Unit);
        Assert.Equal(60m, yield.CurrentValue!.Value);
        Assert.Equal("量産コストは既存ノード並みに下がる", yield.Implication);

        var cost = signals[1];
        Assert.Equal("<", cost.Comparator);
        Assert.Equal(1m, cost.Threshold);
        Assert.Equal("USD", cost.Unit);
        Assert.Equal("推論コスト", cost.Metric);

        var capacity = signals[2];
        Assert.Equal(">=", capacity.Comparator);
        Assert.Equal(50000m, capacity.Threshold);
    }

    [Fact]
    public void EnglishSignals_ReadIfAndWhenClauses()
    {
        var signals = SignalTestDocs.Signals("watch.md", """
            # Outlook

            ## What to watch

            Today the best agents resolve about 30% of the benchmark. When the SWE-bench resolution rate exceeds 50%, agents become a substitute for junior engineering work.

            Buyers will switch to the new cells if pack cost falls below $80 per kWh.

            Will a second foundry commit to the node before the end of the year?
            """);

        Assert.Equal(3, signals.Count);
        var agents = signals[0];
        Assert.Equal("SWE-bench resolution rate", agents.Metric);
        Assert.Equal(">", agents.Comparator);
        Assert.Equal(50m, agents.Threshold);
        Assert.Equal(30m, agents.CurrentValue!.Value);
        Assert.Equal("agents become a substitute for junior engineering work", agents.Implication);

        var cells = signals[1];
        Assert.Equal("<", cells.Comparator);
        Assert.Equal(80m, cells.Threshold);
        Assert.Equal("USD", cells.Unit);
        Assert.Equal("Buyers will switch to the new cells", cells.Implication);

        Assert.True(signals[2].IsQualitative);
    }

    [Fact]
    public void KpiTable_RowsBecomeSignals_WithComparatorsInferredFromTheCurrentValue()
    {
        var doc = SignalTestDocs.Process("table.md", """
            # 見通し

            ## 注目KPI

            | 指標 | 現状 | 閾値 | 意味 |
            | :--- | :--- | :--- | :--- |
            | 解決率 | 約25% | 50%超 | 代替労働力になる |
            | 推論単価 | 5ドル | 1ドル | 常時稼働が可能に |
            | 顧客 | 未定 | 主要顧客の採用確定 | 2nm量産が本格化 |
            """);
        var signals = doc.Facts.OfType<SignalFact>().ToList();
        Assert.Equal(3, signals.Count);
        Assert.Equal(("解決率", ">", 50m, "%"), (signals[0].Metric, signals[0].Comparator, signals[0].Threshold!.Value, signals[0].Unit));
        Assert.Equal(25m, signals[0].CurrentValue!.Value);
        Assert.Equal("代替労働力になる", signals[0].Implication);
        // No comparison written: the current 5 USD is above 1 USD, so the signal is reaching at most 1 USD.
        Assert.Equal(("<=", 1m, "USD"), (signals[1].Comparator, signals[1].Threshold!.Value, signals[1].Unit));
        Assert.True(signals[2].IsQualitative);
        Assert.Equal("主要顧客の採用確定", signals[2].Condition);
        Assert.Equal("semiconductors", signals[2].Domain);
        foreach (var s in signals)
            foreach (var p in s.Parts) Assert.Equal(p.Text, SignalTestDocs.At(doc, p.Provenance));
    }

    [Fact]
    public void TableOutsideAKpiSection_IsNotRead()
    {
        var signals = SignalTestDocs.Signals("table.md", """
            # 比較

            | 指標 | 現状 | 目標 |
            | --- | --- | --- |
            | 効率 | 20% | 30% |
            """);
        Assert.Empty(signals);
    }

    [Fact]
    public void KpiBullet_WithAComparedValue_IsAThreshold()
    {
        var signals = SignalTestDocs.Signals("bullets.md", """
            # 見通し

            ## 監視する指標

            - 歩留まり: 7割以上で量産が採算に乗る。
            - 稼働率: 現在は80%以上を維持している。
            """);
        var s = Assert.Single(signals, x => !x.IsQualitative);
        Assert.Equal(("歩留まり", ">=", 70m), (s.Metric, s.Comparator, s.Threshold!.Value));
    }

    [Fact]
    public void KpiBullet_ThatReportsWhatHappened_IsNotASignal()
    {
        var signals = SignalTestDocs.Signals("report.md", """
            # Foundry update

            ## Signals to watch

            - Yield: if N2 yields exceed 80%, capacity will double by 2027.
            - Backside power: Intel reported PowerVia yields of 65% in January.
            - 歩留まり: 2025年末に6割を超えた。
            - Customers: whether a second large customer commits to the node.
            """);
        Assert.Equal(2, signals.Count);
        Assert.Equal(("N2 yields", ">", 80m), (signals[0].Metric, signals[0].Comparator, signals[0].Threshold!.Value));
        Assert.Equal("capacity will double by 2027", signals[0].Implication);
        Assert.Equal("Customers", signals[1].Metric);
        Assert.True(signals[1].IsQualitative);
    }

    [Fact]
    public void LabelledSignal_CountsOutsideAKpiSection()
    {
        var signals = SignalTestDocs.Signals("note.md", """
            # 電池の話

            全固体電池の量産は難しい。Signal: 拘束圧が1MPa以下になれば、パック構造は大幅に簡素化できる。
            """);
        var s = Assert.Single(signals);
        Assert.Equal("拘束圧", s.Metric);
        Assert.Equal("<=", s.Comparator);
        Assert.Equal(1m, s.Threshold);
        Assert.Equal("MPa", s.Unit);
        Assert.Equal("batteries", s.Domain);
    }

    [Fact]
    public void ConditionalsOutsideKpiSections_AreNotSignals()
    {
        var signals = SignalTestDocs.Signals("plain.md", """
            # 材料の劣化

            温度が100℃を超えると、電解液の分解が進む。充電率が80%以上になれば劣化は加速するか。
            If the temperature exceeds 60 °C, the cell degrades faster.
            """);
        Assert.Empty(signals);
    }

    [Fact]
    public void SignalFact_SerialisesWithTheContractFields()
    {
        var s = SeedDocuments.Get("000").Facts.OfType<SignalFact>().First(f => !f.IsQualitative);
        using var json = JsonDocument.Parse(Fukan.Storage.FactSerializer.Serialize(s));
        var root = json.RootElement;
        Assert.Equal("signal", root.GetProperty("kind").GetString());
        foreach (var name in new[] { "metric", "comparator", "threshold", "unit", "currentValue", "condition", "implication", "domain", "sectionId", "parts", "provenance" })
            Assert.True(root.TryGetProperty(name, out _), $"signal JSON lacks {name}");
        Assert.False(root.TryGetProperty("isQualitative", out _));
        Assert.Equal(50, root.GetProperty("threshold").GetDecimal());
        Assert.Equal(20, root.GetProperty("currentValue").GetProperty("value").GetDecimal());
        Assert.Equal(92, root.GetProperty("currentValue").GetProperty("provenance").GetProperty("line").GetInt32());
    }
}
