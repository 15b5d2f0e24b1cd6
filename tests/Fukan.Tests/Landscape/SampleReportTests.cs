using Xunit;

namespace Fukan.Tests.Landscape;

/// <summary>The bundled sample report (written by us): a row split over a page break, cells on lines of their own, 台湾.</summary>
public class SampleReportTests
{
    private static readonly Lazy<Pipeline.ProcessedDocument> Doc = new(() => LandscapeTestDocs.Process(LandscapeTestDocs.SamplePath));

    [Fact]
    public void Sample_HasBothTables()
    {
        var rows = LandscapeTestDocs.Rows(Doc.Value);
        Assert.Equal(12, rows.Count(r => r.AreaId == "2.1.1"));
        Assert.Equal(10, rows.Count(r => r.AreaId == "2.1.2"));
        Assert.DoesNotContain(LandscapeTestDocs.Warnings(Doc.Value), d => d.Message.Contains("rating", StringComparison.Ordinal) || d.Message.Contains("country", StringComparison.Ordinal));
    }

    [Fact]
    public void RowAfterAPageBreak_KeepsItsCountry()
    {
        var lines = File.ReadAllLines(LandscapeTestDocs.SamplePath);
        var usBasic = Assert.Single(LandscapeTestDocs.Rows(Doc.Value), r => r.AreaId == "2.1.1" && r.Country == "US" && r.Phase == "basic");
        int label = Array.FindIndex(lines, l => l.Trim() == "米国") + 1;
        Assert.True(usBasic.Source.Line > label + 20, "the row is on the next page, after the running header and side label");
        Assert.Equal(("◎", "up"), (usBasic.Rating, usBasic.Trend));
        Assert.Single(usBasic.Evidence);
    }

    [Fact]
    public void RatingAndTrend_OnLinesOfTheirOwn_AreRead()
    {
        var usApplied = Assert.Single(LandscapeTestDocs.Rows(Doc.Value), r => r.AreaId == "2.1.1" && r.Country == "US" && r.Phase == "applied");
        Assert.Equal(("◎", "up"), (usApplied.Rating, usApplied.Trend));
        Assert.Equal(usApplied.Source.Line + 3, usApplied.Source.EndLine); // label, ◎, ↗, one bullet
        Assert.Single(usApplied.Evidence);
    }

    [Fact]
    public void Taiwan_IsTW_WithItsRatings()
    {
        var tw = LandscapeTestDocs.Rows(Doc.Value).Where(r => r.Country == "TW").ToList();
        Assert.Equal(2, tw.Count);
        Assert.Equal(("×", 0, "flat"), (tw[0].Rating, tw[0].Score, tw[0].Trend));
        Assert.Equal(("△", "up"), (tw[1].Rating, tw[1].Trend));
        Assert.Equal("台湾", tw[0].CountryLabel);
    }

    [Fact]
    public void Profiles_AndRelatedAreas_InThisReport()
    {
        var profiles = LandscapeTestDocs.Profiles(Doc.Value);
        Assert.Equal(["2.1.1", "2.1.2"], profiles.Select(p => p.AreaId).ToArray());
        Assert.Equal(8, profiles[0].Keywords.Count);
        Assert.Contains("アンモニア", profiles[0].Keywords); // the list wraps before its 、
        var related = Assert.Single(profiles[0].Related);
        Assert.Equal(("熱マネジメント材料", "2.1.2", "本報告書"), (related.Text, related.AreaId, related.Field));
    }
}
