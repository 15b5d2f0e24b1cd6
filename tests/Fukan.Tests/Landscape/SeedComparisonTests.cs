using System.Text.RegularExpressions;
using Fukan.Extraction.Landscape;
using Fukan.Model;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Landscape;

/// <summary>
/// The international comparison tables of the 2023 nanotechnology/materials report (seed 001), checked against what
/// the file says when read by eye: one row per area, chosen to cover the hazards of each table. Evidence is
/// compared with the seed's own lines, read at run time.
/// </summary>
public class SeedComparisonTests
{
    private static readonly string[] SeedLines = File.ReadAllLines(Seeds.Path("001"));

    // (area, country, phase label, rating, trend, line of the phase label): read off the file.
    public static TheoryData<string, string, string, string?, string?, int> OneRowPerArea => new()
    {
        { "2.1.1", "EU", "基礎研究", "○", "flat", 5397 },          // country line starts with a space
        { "2.1.2", "JP", "基礎研究", "○", "up", 5802 },            // written 〇
        { "2.1.3", "EU", "基礎研究", "◎", "up", 6330 },            // 欧州 基礎研究 ◎ ↗ on one line
        { "2.1.4", "EU", "応用研究・開発", "◎", "up", 6776 },      // country repeated on the second phase
        { "2.2.1", "KR", "基礎研究", "○", "up", 7388 },            // evidence is a paragraph, not bullets
        { "2.2.2", "JP", "応用研究・開発", "△", "up", 7754 },
        { "2.2.3", "JP", "応用研究・開発", "○", "flat", 8190 },    //  日本 応用研究・開発 ○ →
        { "2.2.4", "KR", "応用研究・開発", "△", "flat", 8791 },
        { "2.3.1", "TW", "基礎研究", null, null, 9317 },           // その他の / 国・地域 / （台湾）, empty cell
        { "2.3.2", "TW", "応用研究・開発", "○", "up", 9879 },      // 台湾, evidence on the row's line
        { "2.3.3", "KR", "応用研究・開発", "△", "flat", 10378 },
        { "2.3.4", "EU", "応用研究・開発", "◎", "flat", 10825 },
        { "2.3.5", "CN", "応用研究・開発", "○", "up", 11351 },
        { "2.3.6", "OTHER", "応用研究・開発", "◎", "up", 11730 },  // その他の / 国・地域 without a name
        { "2.4.1", "JP", "応用研究・開発", "○", "flat", 12398 },
        { "2.4.2", "JP", "応用研究・開発", "◎", "up", 12776 },
        { "2.4.3", "EU", "基礎研究", "◎", "up", 13397 },           // ［EU］［英国］… inside the evidence
        { "2.4.4", "US", "応用研究・開発", "◎", "flat", 13906 },
        { "2.4.5", "OTHER", "応用研究・開発", "△", "flat", 14456 },// その他の国・地域（任意）
        { "2.5.1", "KR", "応用研究・開発", "△", "flat", 14906 },
        { "2.5.2", "EU", "基礎研究", "◎", "up", 15377 },
        { "2.5.3", "KR", "基礎研究", "○", "up", 15958 },
        { "2.5.4", "US", "基礎研究", "◎", "down", 16395 },
        { "2.5.5", "IN", "応用研究・開発", "○", "up", 16861 },     // インド
        { "2.5.6", "JP", "基礎研究", "○", "down", 17139 },
        { "2.6.1", "TW", "応用研究・開発", "◎", "flat", 17767 },
        { "2.6.2", "EU", "基礎研究", "○", "up", 18103 },
        { "2.6.3", "CN", "基礎研究", "○", "up", 18869 },
        { "2.7.1", "US", "実効性", "◎", "flat", 19655 },           // other rated dimensions
    };

    [Theory]
    [MemberData(nameof(OneRowPerArea))]
    public void EveryArea_HasTheRowTheFileSays(string area, string country, string phaseLabel, string? rating, string? trend, int line)
    {
        var row = Assert.Single(LandscapeTestDocs.Rows(LandscapeTestDocs.Report), r => r.AreaId == area && r.Country == country && r.PhaseLabel == phaseLabel);
        Assert.Equal(rating, row.Rating);
        Assert.Equal(ComparisonSymbols.Score(rating), row.Score);
        Assert.Equal(trend, row.Trend);
        Assert.Equal(line, row.Source.Line);
        // The span starts at the phase label on that line.
        var text = LandscapeTestDocs.Report.Source.Text;
        Assert.True(text.AsSpan(row.Source.Span.Start).StartsWith(phaseLabel, StringComparison.Ordinal), $"span of {area} {country} starts elsewhere");
        Assert.True(row.Source.EndLine >= row.Source.Line);
    }

    [Fact]
    public void Report_Has29AreasWithTenRowsEach_PlusTheExtraRegions()
    {
        var rows = LandscapeTestDocs.Rows(LandscapeTestDocs.Report);
        var byArea = rows.GroupBy(r => r.AreaId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(29, byArea.Count);
        var twelve = new[] { "2.3.1", "2.3.2", "2.3.6", "2.4.5", "2.5.5", "2.6.1" }; // a sixth region each
        foreach (var (area, list) in byArea)
            Assert.True(list.Count == (twelve.Contains(area) ? 12 : 10), $"{area} has {list.Count} rows");
        Assert.Equal(302, rows.Count);
        foreach (var (area, list) in byArea)
            Assert.Equal(["JP", "US", "EU", "CN", "KR"], list.Select(r => r.Country).Distinct().Take(5).ToArray());
        Assert.Equal(10, byArea["2.7.1"].Count(r => r.Phase == "other"));
        Assert.Equal(["取り組み水準", "実効性"], byArea["2.7.1"].Select(r => r.PhaseLabel).Distinct().ToArray());
    }

    [Fact]
    public void EveryOneLineRow_InTheFile_IsReadWithItsRatingAndTrend()
    {
        // An independent reading of the common shape "[country] phase rating trend": every such line is a row.
        var pattern = new Regex(@"^\s*(?:\S+\s+)?(基礎研究|応用研究・開発|取り組み水準|実効性)\s*([◎○〇△×])\s*([↗→↘])");
        var rows = LandscapeTestDocs.Rows(LandscapeTestDocs.Report).ToDictionary(r => r.Source.Line);
        int seen = 0;
        for (int i = 5000; i < SeedLines.Length; i++)
        {
            var m = pattern.Match(SeedLines[i]);
            if (!m.Success) continue;
            seen++;
            Assert.True(rows.TryGetValue(i + 1, out var row), $"line {i + 1} is not a row");
            Assert.Equal(m.Groups[2].Value == "〇" ? "○" : m.Groups[2].Value, row.Rating);
            Assert.Equal(m.Groups[3].Value switch { "↗" => "up", "↘" => "down", _ => "flat" }, row.Trend);
        }
        Assert.Equal(301, seen); // and the one empty cell (2.3.1 台湾 基礎研究) makes 302
    }

    [Fact]
    public void EmptyCell_IsNullWithAWarningNamingItsLine()
    {
        var doc = LandscapeTestDocs.Report;
        var row = Assert.Single(LandscapeTestDocs.Rows(doc), r => r.AreaId == "2.3.1" && r.Country == "TW" && r.Phase == "basic");
        Assert.Null(row.Rating);
        Assert.Null(row.Score);
        Assert.Empty(row.Evidence);
        Assert.Equal("その他の国・地域（台湾）", row.CountryLabel);
        Assert.Contains(LandscapeTestDocs.Warnings(doc), d => d.Line == 9317 && d.Message.Contains("no rating", StringComparison.Ordinal));
    }

    [Fact]
    public void OtherRegions_KeepTheirLabelAndCode()
    {
        var rows = LandscapeTestDocs.Rows(LandscapeTestDocs.Report);
        Assert.Equal("その他の国・地域", rows.First(r => r.AreaId == "2.3.6" && r.Country == "OTHER").CountryLabel);
        Assert.Equal("その他の国・地域（任意）", rows.First(r => r.AreaId == "2.4.5" && r.Country == "OTHER").CountryLabel);
        Assert.Equal("台湾", rows.First(r => r.AreaId == "2.6.1" && r.Country == "TW").CountryLabel);
        Assert.Equal("インド", rows.First(r => r.AreaId == "2.5.5" && r.Country == "IN").CountryLabel);
        Assert.DoesNotContain(rows, r => r.Country == CountryNames.Unknown);
    }

    [Fact]
    public void WrappedBullets_AreJoined_AndBulletsKeptApart()
    {
        var rows = LandscapeTestDocs.Rows(LandscapeTestDocs.Report);
        // 2.1.1 日本 応用研究・開発: three bullets, the last wrapped over a blank line.
        var row = rows.Single(r => r.AreaId == "2.1.1" && r.Country == "JP" && r.Phase == "applied");
        Assert.Equal(3, row.Evidence.Count);
        Assert.Equal(Bullet(5371), row.Evidence[0]);
        Assert.Equal(Bullet(5372, 5374), row.Evidence[1]);
        Assert.Equal(Bullet(5375, 5377), row.Evidence[2]);
        Assert.Equal(5377, row.Source.EndLine);
        // Evidence on the row's own line (2.1.1 中国 基礎研究 ○ ↗ …) continues on the next line.
        var inline = rows.Single(r => r.AreaId == "2.1.1" && r.Country == "CN" && r.Phase == "basic");
        Assert.Equal(Tail(5409) + SeedLines[5409].Trim(), Assert.Single(inline.Evidence));
    }

    [Fact]
    public void EvidenceParagraphs_SubHeadings_AndArrowItems_AreKept()
    {
        var rows = LandscapeTestDocs.Rows(LandscapeTestDocs.Report);
        // 2.2.1: unbulleted paragraphs, one item each, over several lines.
        var paragraph = rows.Single(r => r.AreaId == "2.2.1" && r.Country == "JP" && r.Phase == "basic");
        Assert.Equal(Bullet(7309, 7314), Assert.Single(paragraph.Evidence));
        // 2.4.3 欧州 基礎研究: ［EU］［英国］［フランス］［オーストリア］ each start an item.
        var bracketed = rows.Single(r => r.AreaId == "2.4.3" && r.Country == "EU" && r.Phase == "basic");
        Assert.Equal(4, bracketed.Evidence.Count);
        Assert.All(bracketed.Evidence, e => Assert.StartsWith("［", e));
        Assert.Contains(rows, r => r.AreaId == "2.4.3" && r.Country == "EU" && r.Phase == "applied");
        // 2.3.1 米国 応用研究・開発: two "→…" items after a sentence.
        var arrows = rows.Single(r => r.AreaId == "2.3.1" && r.Country == "US" && r.Phase == "applied");
        Assert.Equal(3, arrows.Evidence.Count);
        Assert.StartsWith("→", arrows.Evidence[1]);
        Assert.StartsWith("→", arrows.Evidence[2]);
        Assert.Equal("up", arrows.Trend);
    }

    [Fact]
    public void LegendNotes_RelatedAreas_AndReferences_AreNotEvidence()
    {
        foreach (var row in LandscapeTestDocs.Rows(LandscapeTestDocs.Report))
            foreach (var e in row.Evidence)
            {
                Assert.DoesNotContain("（註", e, StringComparison.Ordinal);
                Assert.DoesNotContain("関連する他の研究開発領域", e, StringComparison.Ordinal);
                Assert.DoesNotContain("参考・引用文献", e, StringComparison.Ordinal);
                Assert.DoesNotContain("各国の状況、評価の際に参考にした根拠など", e, StringComparison.Ordinal);
            }
    }

    [Fact]
    public void Rows_CarryAreaAndDivision_AndProvenanceInsideTheArea()
    {
        var doc = LandscapeTestDocs.Report;
        var areas = doc.Sections.Where(s => s.Kind == SectionKind.Area).ToDictionary(s => s.Id);
        foreach (var row in LandscapeTestDocs.Rows(doc))
        {
            var area = areas[row.AreaId];
            Assert.Equal(area.Title, row.Area);
            Assert.InRange(row.Source.Line, area.StartLine, area.EndLine);
            Assert.InRange(row.Source.EndLine, row.Source.Line, area.EndLine);
            Assert.Equal(doc.Info.Id, row.Source.Document);
            Assert.Equal(doc.Source.LineOf(row.Source.Span.Start), row.Source.Line);
        }
        Assert.Equal("環境・エネルギー応用", LandscapeTestDocs.Rows(doc).First().Division);
        Assert.Equal("共通支援策", LandscapeTestDocs.Rows(doc).Last().Division);
    }

    /// <summary>Seed lines joined as one evidence item: trimmed, the bullet of the first removed, no spaces between.</summary>
    private static string Bullet(int first, int last = 0)
    {
        if (last == 0) last = first;
        var parts = new List<string>();
        for (int l = first; l <= last; l++)
        {
            var t = SeedLines[l - 1].Trim();
            if (t.Length == 0) continue;
            if (parts.Count == 0 && t[0] is '•' or '・') t = t[1..].TrimStart();
            parts.Add(t);
        }
        return string.Concat(parts);
    }

    /// <summary>The text after "rating trend " on a row's line.</summary>
    private static string Tail(int line)
    {
        var t = SeedLines[line - 1];
        int arrow = t.IndexOfAny(['↗', '→', '↘']);
        return t[(arrow + 1)..].Trim();
    }
}
