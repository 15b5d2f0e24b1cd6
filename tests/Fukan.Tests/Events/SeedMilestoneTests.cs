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

    [Fact]
    public void Report_DatesYearsBeforeTheReport_AreDeeds_UnlessTheirOwnClauseEndsInAPlan()
    {
        // 001 is dated 2023-03. A sentence can name a plan word in another clause (…を目指すセッションが創設され、…
        // 継続されると見込まれる); the 2019 date's own predicate is a deed.
        var events = Events("001").Where(e => e.Date.End?.Year == 2019 && e.Date.Precision == "year").ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.NotEqual("planned", e.Status));
    }

    [Fact]
    public void Report_MilestoneLabels_StartAtTheirSentence_NotInsideABracket()
    {
        // A label that closes a bracket it never opened began mid-sentence (a wrapped "（研 / 究総括：…" line was
        // taken for a labelled field); bibliography lines ("3） 武田…") are not milestones' prose and are left aside.
        var bad = Events("001").Where(e => UnopenedClose(e.Label) && !char.IsAsciiDigit(e.Label[0])).Select(e => e.Source.Line).ToList();
        Assert.True(bad.Count <= 2, "labels starting inside a bracket at lines " + string.Join(", ", bad));
    }

    [Fact]
    public void Report_MilestoneLabels_CarryNoLetterSpacing()
    {
        var spaced = new System.Text.RegularExpressions.Regex(@"(?:\p{IsCJKUnifiedIdeographs} ){3}\p{IsCJKUnifiedIdeographs}|(?:[A-Za-z] ){5}|\b(?:Nat|Bas|Sc) (?:ional|ic|iences)\b");
        var bad = Events("001").Where(e => spaced.IsMatch(e.Label)).Select(e => $"{e.Source.Line}").ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void Report_CircledBulletEndingAList_IsNotGluedToTheParagraphAfterIt()
    {
        // The last item of a circled-number list wraps over a blank line; the paragraph after the list opens a new
        // text block (leading space). A milestone of that paragraph must not be labelled with the list item.
        var glued = Events("001").Where(e => e.Label.Length > 0 && e.Label[0] is >= '①' and <= '⑳'
            && e.Label.IndexOf('：') is >= 0 and var colon && e.Label.IndexOf(e.DateText, StringComparison.Ordinal) > colon).Select(e => e.Source.Line);
        Assert.Empty(glued);
    }

    private static bool UnopenedClose(string s)
    {
        int depth = 0;
        foreach (char c in s)
        {
            if (c is '（' or '(') depth++;
            else if (c is '）' or ')') { if (depth == 0) return true; depth--; }
        }
        return false;
    }
}
