using System.Text;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Events;
using Fukan.Model;
using Fukan.Pipeline;
using Xunit;

namespace Fukan.Tests.Events;

/// <summary>Datelines date their document and are no milestones; table header rows and restated dates are no milestones either.</summary>
public class DatelineTests
{
    private static readonly DateParser Parser = new();
    private static readonly FukanPipeline Pipeline = new FukanPipelineBuilder().UseDefaults().Build();

    [Theory]
    [InlineData("令和7年8月29日", "2025-08-29")]
    [InlineData("令和7年8月29日 文部科学省 研究振興局", "2025-08-29")]
    [InlineData("2025年4月15日 エネルギー総合研究会", "2025-04-15")]
    [InlineData("Published: March 12, 2025", "2025-03-12")]
    [InlineData("Date: 2025-06-30", "2025-06-30")]
    [InlineData("日時：令和8年2月12日（木）16時30分～18時30分", "2026-02-12")]
    [InlineData("発行日：2024年12月1日", "2024-12-01")]
    [InlineData("2026年1月20日（火）公開", "2026-01-20")]
    public void Datelines_AreFound(string line, string date) =>
        Assert.Equal(DateOnly.Parse(date), Dateline.Find(line, Parser)?.Start);

    [Theory]
    [InlineData("2025年12月15日：サンプル出荷開始")]                          // a schedule item: date, separator, deed
    [InlineData("2025年12月中旬：全固体電池サンプル出荷開始")]                // not day-precise
    [InlineData("March 12, 2025 — Helion Robotics said it had raised $450 million.")]
    [InlineData("2024年1月1日、能登半島で大きな地震が発生した。")]
    [InlineData("Note: the plant opened on 2025-06-30")]                       // an unknown label before the date
    [InlineData("2026年上期：欧州向け量産契約の締結を目指す")]
    public void OtherLines_AreNotDatelines(string line) => Assert.Null(Dateline.Find(line, Parser));

    private static ProcessedDocument Process(string name, string text) =>
        Assert.IsType<ProcessedDocument>(Pipeline.Process(name, Encoding.UTF8.GetBytes(text)).Document);

    [Fact]
    public void PressRelease_IsDatedByItsDateline_AndTheDatelineIsNoMilestone()
    {
        var doc = Process("release.md", "# 新工場の建設について\n\n令和7年11月7日\n架空電池株式会社\n\n当社は2027年10月に新工場を稼働させる予定です。\n");
        Assert.Equal(new DateOnly(2025, 11, 7), doc.Info.Date);
        var events = doc.Facts.OfType<EventFact>().ToList();
        var milestone = Assert.Single(events);
        Assert.Equal(new DateOnly(2027, 10, 1), milestone.Date.Start);
        Assert.Equal(EventStatus.Planned, milestone.Status);
    }

    [Fact]
    public void NewsItem_WithOneHeadlineAndADateline_IsAnArticle()
    {
        var doc = Process("news.md", "# Example Robotics opens a plant\n\nPublished: March 12, 2025\n\nExample Robotics opened its first plant in Ohio in February 2025.\n");
        Assert.Equal(DocumentKind.Article, doc.Info.Kind);
        Assert.Equal(new DateOnly(2025, 3, 12), doc.Info.Date);
        var e = Assert.Single(doc.Facts.OfType<EventFact>());
        Assert.Equal(EventStatus.Done, e.Status);
    }

    [Fact]
    public void MarkdownTableHeader_IsNoMilestone_ButItsRowsMayBe()
    {
        var doc = Process("kpi.md", "# 目標\n\n## 主要KPI\n\n| 項目 | 現状（2024年） | 2030年目標 |\n|---|---|---|\n| 量産開始 | 2027年に開始予定 | - |\n");
        var e = Assert.Single(doc.Facts.OfType<EventFact>());
        Assert.Equal(new DateOnly(2027, 1, 1), e.Date.Start);
    }

    [Fact]
    public void DateRestatedInBrackets_IsOneMilestone()
    {
        var doc = Process("outlook.md", "# 見通し\n\n## 通期\n\n2025年度（2025年4月1日～2026年3月31日）の業績予想は据え置く見込みです。\n");
        var e = Assert.Single(doc.Facts.OfType<EventFact>());
        Assert.Equal("fiscalYear", e.Date.Precision);
    }

    [Theory]
    [InlineData("Corvid Dynamics went public on Nasdaq in November 2024.", "2024-11-01", "done")]
    [InlineData("Since 2021 the company has filed over 320 patents.", "2021-01-01", "done")]
    [InlineData("スタック効率を2030年度までに75%以上に高める。", "2030-04-01", "planned")]
    [InlineData("前回改訂（2021年3月）以降、水電解装置の大型化が急速に進んだ。", "2021-03-01", "done")]
    public void Status_OfDeedsAndDeadlines(string clause, string start, string expected) =>
        Assert.Equal(expected, EventStatus.Classify(clause, DateOnly.Parse(start), null));
}
