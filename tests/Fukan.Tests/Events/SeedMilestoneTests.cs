using Fukan.Extraction.Events;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Events;

/// <summary>Milestones the seeds hold, read by eye: date, precision, status and what they are about.</summary>
public class SeedMilestoneTests
{
    private static IReadOnlyList<EventFact> Events(string seed) => SeedDocuments.Get(seed).Facts.OfType<EventFact>().ToList();

    [Fact]
    public void Roadmap_TwoNanometreVolumeProduction_IsPlannedForTheSecondHalfOf2025()
    {
        var e = Assert.Single(Events("000"), e => e.Label.Contains("N2量産開始"));
        Assert.Equal(new DateOnly(2025, 7, 1), e.Date.Start);
        Assert.Equal(new DateOnly(2025, 12, 31), e.Date.End);
        Assert.Equal("half", e.Date.Precision);
        Assert.Equal("planned", e.Status);
        Assert.Contains("TSMC", e.Actors);
        Assert.Equal("semiconductors", e.Domain);
    }

    [Fact]
    public void Roadmap_BacksidePowerDelivery_In2026()
    {
        var e = Assert.Single(Events("000"), e => e.Label.Contains("N2P（2026年予定）"));
        Assert.Equal(2026, e.Date.Start!.Value.Year);
        Assert.Equal("planned", e.Status);
    }

    [Fact]
    public void Report_KoreanBatteryTargets_AreTwoMilestonesWithTheirOwnTechnologies()
    {
        var korean = Events("001").Where(e => e.Label.Contains("2025年にLi–S電池の、2027年に全固体電池の実用化を目指す")).ToList();
        Assert.Equal(2, korean.Count);
        var lis = korean.Single(e => e.Date.Start!.Value.Year == 2025);
        var solid = korean.Single(e => e.Date.Start!.Value.Year == 2027);
        Assert.All(korean, e => Assert.Equal("planned", e.Status));
        Assert.All(korean, e => Assert.Contains("韓国", e.Actors));       // the comparison-table row's country
        Assert.Contains(lis.Technologies, t => t.Contains("硫黄") || t.Contains("Li"));
        Assert.Contains("全固体電池", solid.Technologies);
        Assert.DoesNotContain("全固体電池", lis.Technologies);
    }

    [Fact]
    public void Report_EuBatteryRegulation_IsInForceFrom2026()
    {
        var e = Assert.Single(Events("001"), e => e.Label.Contains("欧州バッテリー規制") && e.Date.Start?.Year == 2026);
        Assert.Null(e.Date.End);
        Assert.Equal("open", e.Date.Precision);
        Assert.Contains("欧州", e.Actors);
    }

    [Fact]
    public void Report_InfrastructureActPassed_IsDone()
    {
        var e = Assert.Single(Events("001"), e => e.Label.Contains("インフラ投資法が成立") && e.Date.Precision == "month");
        Assert.Equal(new DateOnly(2021, 11, 1), e.Date.Start);
        Assert.Equal("done", e.Status);
    }

    [Fact]
    public void Report_ReferenceListsAndCenturies_MakeNoMilestones()
    {
        var events = Events("001");
        Assert.DoesNotContain(events, e => e.Label.Contains("doi.org", StringComparison.OrdinalIgnoreCase) || e.Label.Contains("et al"));
        Assert.DoesNotContain(events, e => e.DateText.Contains("世紀"));
        Assert.All(events, e => Assert.True(e.Source.Line >= 1 && e.Source.Span.End > e.Source.Span.Start));
    }

    [Fact]
    public void Report_ADeedDatedYearsBeforeTheReport_IsDone()
    {
        // 001 is dated 2023-03; its 2019 announcement by the US Department of Commerce is history, not a plan.
        var events = Events("001").Where(e => e.Date.Start?.Year == 2019 && e.Label.Contains("商務省", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("done", e.Status));
    }
}
