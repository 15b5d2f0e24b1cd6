using System.Xml.Linq;
using Fukan.Analysis.Timeline;
using Fukan.Extraction.Events;
using Fukan.Model;
using Fukan.Rendering;
using Xunit;

namespace Fukan.Tests.Events;

public class EventUnitTests
{
    private static readonly DateOnly DocDate = new(2026, 1, 20);

    [Theory]
    [InlineData("2025年にLi–S電池の実用化を目指す。", "2025-01-01", "planned")]
    [InlineData("超党派のインフラ投資法が成立し（2021年11月）、70億ドル超の投資予定。", "2021-11-01", "planned")]
    [InlineData("超党派のインフラ投資法が2021年11月に成立した。", "2021-11-01", "done")]
    [InlineData("TSMCのN2が2025年後半に量産を開始する予定である。", "2025-07-01", "planned")]
    [InlineData("Battery500 Phase2が2021年より進行中。", "2021-01-01", "done")]
    [InlineData("2027年に新工場が稼働する。", "2027-01-01", "planned")]
    [InlineData("The EU battery regulation was enacted in 2023.", "2023-01-01", "done")]
    [InlineData("米国では2024年に熱エネルギー貯蔵の実証計画に総額2億ドルが配分された。", "2024-01-01", "done")]
    [InlineData("欧州は1.2億ユーロ規模の実証を2025年から始めており、日本勢には好機だ。", "2025-01-01", "done")]
    [InlineData("2027年に量産する計画だ。", "2027-01-01", "planned")]
    [InlineData("2025年に量産の計画を発表した。", "2025-01-01", "done")]
    [InlineData("In 2025, Google demonstrated a logical qubit below the threshold, and IBM shipped a new processor.", "2025-01-01", "done")]
    public void Status_FromMarkersAndTense(string clause, string start, string expected) =>
        Assert.Equal(expected, EventStatus.Classify(clause, DateOnly.Parse(start), DocDate));

    [Fact]
    public void Sentences_SplitOnJapaneseAndLatinStops()
    {
        const string text = "第一文です。第二文（注）。Third one is here. Fourth";
        var parts = EventExtractor.Sentences(text).Select(s => text[s.Start..s.End]).ToList();
        Assert.Equal(["第一文です。", "第二文（注）。", "Third one is here.", "Fourth"], parts);

        const string english = "IBM plans a system by 2029. Japan installed a machine in April 2025. Version 2.5 is out.";
        Assert.Equal(["IBM plans a system by 2029.", "Japan installed a machine in April 2025.", "Version 2.5 is out."],
            EventExtractor.Sentences(english).Select(s => english[s.Start..s.End]));
    }

    [Fact]
    public void TitleAndBareDateline_AreNotMilestones_BulletMarksLeaveTheLabel()
    {
        // Given a PDF-style report whose title carries a year, a dateline, a real milestone and a doubly bulleted one
        var pipeline = Fukan.Pipeline.FukanDefaults.CreatePipeline();
        const string text = " 水素材料（2024年）研究開発の俯瞰報告書 概要\n\n本書は入力形式を示すために書いたサンプルである。\n\n2024年6月\n\n"
            + "米国では2024年に熱エネルギー貯蔵の実証計画に総額2億ドルが配分された。\n\n- ・ 2027年までに共通評価プロトコルを策定すべき。\n";
        var doc = pipeline.Process("title.txt", System.Text.Encoding.UTF8.GetBytes(text)).Document!;
        var events = doc.Facts.OfType<EventFact>().ToList();

        // Then only the sentences that say something happens are milestones, labelled without their bullets
        Assert.Equal(["米国では2024年に熱エネルギー貯蔵の実証計画に総額2億ドルが配分された。", "2027年までに共通評価プロトコルを策定すべき。"],
            events.Select(e => e.Label));
        // And the title stays a passage of its own, not glued to the first paragraph
        Assert.Equal("水素材料（2024年）研究開発の俯瞰報告書 概要", doc.Passages[0].Text);
    }

    [Theory]
    [InlineData("全固体電池の量産", "batteries")]
    [InlineData("GAAトランジスタ", "semiconductors")]
    [InlineData("量子コンピュータの実証", "quantum")]
    [InlineData("新しい法律の施行", "policy")]
    [InlineData("Quantum error correction with 1,000 qubits", "quantum")]
    [InlineData("Solid-state battery samples", "batteries")]
    [InlineData("Taiwan said it would maintain output", "other")]
    public void Domain_FromKeywords(string text, string domain) =>
        Assert.Equal(domain, DomainClassifier.Classify(text, []));

    [Fact]
    public void Svg_IsWellFormed_EscapesText_AndDrawsBandsForFuzzyDates()
    {
        var doc = new DocumentId(new string('a', 64));
        var prov = new Provenance(doc, 3, 3, new CharSpan(10, 20));
        EventFact E(string label, DateOnly? s, DateOnly? e, string precision, string status) =>
            new(prov, label, new EventDate(s, e, precision), ["米国"], ["全固体電池"], status, "batteries", "x");
        var view = TimelineBuilder.Build(
        [
            E("<script>alert(1)</script> & 量産", new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31), "half", "planned"),
            E("法案が成立", new DateOnly(2021, 11, 15), new DateOnly(2021, 11, 15), "day", "done"),
            E("2030年以降に実用化", new DateOnly(2030, 1, 1), null, "open", "planned"),
        ], 2020, 2032, TimelineGrouping.Domain);
        var svg = new TimelineSvgRenderer().Render(view, "T & <t>");
        var xml = XDocument.Parse(svg);   // throws when not well-formed
        Assert.DoesNotContain("<script>", svg);
        Assert.Contains("&lt;script&gt;", svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Single(xml.Descendants(ns + "circle"), c => (string?)c.Attribute("r") == "5" && c.Parent!.Element(ns + "title") is not null);   // the exact day
        Assert.Contains(xml.Descendants(ns + "rect"), r => (string?)r.Attribute("stroke-dasharray") == "3,2" && r.Parent?.Name == ns + "g"); // planned half-year band
        Assert.Contains(xml.Descendants(ns + "path"), p => p.Parent?.Name == ns + "g");                     // the open end's arrow
        Assert.Equal(3, view.Count);
    }

    [Fact]
    public void Timeline_RangeFilter_KeepsOverlappingEvents()
    {
        var doc = new DocumentId(new string('b', 64));
        var prov = new Provenance(doc, 1, 1, new CharSpan(0, 1));
        var events = new[]
        {
            new EventFact(prov, "a", new EventDate(new DateOnly(2020, 1, 1), new DateOnly(2023, 6, 30), "period"), [], [], "done", "energy", "x"),
            new EventFact(prov, "b", new EventDate(new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31), "year"), [], [], "done", "energy", "x"),
            new EventFact(prov, "c", new EventDate(new DateOnly(2030, 1, 1), null, "open"), [], [], "planned", "AI", "x"),
        };
        var view = TimelineBuilder.Build(events, 2022, 2031, TimelineGrouping.Domain);
        Assert.Equal(["a", "c"], view.Lanes.SelectMany(l => l.Events).Select(e => e.Label).Order());
    }
}
