using FsCheck.Xunit;
using Fukan.Extraction.Landscape;
using Xunit;

namespace Fukan.Tests.Landscape;

/// <summary>Comparison tables written for the test: bad input (missing or unknown values, truncation) and other layouts.</summary>
public class SyntheticTableTests
{
    private static (IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<Fukan.Model.Diagnostic> Warnings, string Text) Run(string table, bool legend = true)
    {
        var text = LandscapeTestDocs.ReportText(table, legend);
        var doc = LandscapeTestDocs.ProcessText(text);
        Assert.DoesNotContain(doc.Diagnostics, d => d.Message.Contains("extractor landscape failed", StringComparison.Ordinal));
        return (LandscapeTestDocs.Rows(doc), LandscapeTestDocs.Warnings(doc), text);
    }

    [Fact]
    public void MissingRating_IsNull_WithAWarningNamingTheLine()
    {
        var (rows, warnings, text) = Run("日本\n\n基礎研究 →\n• 根拠がある。\n\n応用研究・開発 ○ →\n• 別の根拠。\n");
        var basic = rows.Single(r => r.Phase == "basic");
        Assert.Null(basic.Rating);
        Assert.Null(basic.Score);
        Assert.Equal("flat", basic.Trend);
        Assert.Equal(["根拠がある。"], basic.Evidence);
        int line = LandscapeTestDocs.LineOf(text, "基礎研究 →");
        Assert.Contains(warnings, w => w.Line == line && w.Message.Contains("no rating", StringComparison.Ordinal));
        Assert.Equal("○", rows.Single(r => r.Phase == "applied").Rating);
    }

    [Fact]
    public void UnknownSymbol_IsNotGuessed()
    {
        var (rows, warnings, text) = Run("日本\n基礎研究 ☆ ↗\n• 根拠。\n応用研究・開発 ● →\n• 根拠。\n");
        var basic = rows.Single(r => r.Phase == "basic");
        Assert.Null(basic.Rating);
        Assert.Equal("up", basic.Trend);
        Assert.Contains(warnings, w => w.Line == LandscapeTestDocs.LineOf(text, "基礎研究 ☆ ↗") && w.Message.Contains("unknown rating symbol '☆'", StringComparison.Ordinal));
        var applied = rows.Single(r => r.Phase == "applied");
        Assert.Null(applied.Rating);
        Assert.Equal("flat", applied.Trend);
        Assert.Contains(warnings, w => w.Message.Contains("unknown rating symbol '●'", StringComparison.Ordinal));
    }

    [Fact]
    public void TruncatedTable_KeepsWhatIsThere_AndSaysWhatIsMissing()
    {
        var (rows, warnings, text) = Run("日本\n基礎研究 ◎ ↗\n• 根拠。\n応用研究・開発 ○ →\n• 根拠。\n\n米国\n\n基礎研究 ◎", legend: false);
        Assert.Equal(3, rows.Count);
        var us = rows.Single(r => r.Country == "US");
        Assert.Equal(("◎", (string?)null), (us.Rating, us.Trend));
        Assert.Contains(warnings, w => w.Line == LandscapeTestDocs.LineOf(text, "基礎研究 ◎") && w.Message.Contains("no trend", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Line == LandscapeTestDocs.LineOf(text, "米国") && w.Message.Contains("has no 応用研究・開発 row", StringComparison.Ordinal));
    }

    [Fact]
    public void CountryLabel_WithoutRows_IsWarned()
    {
        var (rows, warnings, text) = Run("日本\n基礎研究 ◎ ↗\n応用研究・開発 ○ →\n中国\n");
        Assert.Equal(2, rows.Count);
        Assert.Empty(rows[1].Evidence);
        Assert.Contains(warnings, w => w.Line == LandscapeTestDocs.LineOf(text, "中国") && w.Message.Contains("has no rows", StringComparison.Ordinal));
    }

    [Fact]
    public void RowWithoutAnyCountryLabel_IsUnknown_WithAWarning()
    {
        var (rows, warnings, text) = Run("基礎研究 ◎ ↗\n• 根拠。\n応用研究・開発 ○ →\n");
        Assert.All(rows, r => Assert.Equal(CountryNames.Unknown, r.Country));
        Assert.Contains(warnings, w => w.Line == LandscapeTestDocs.LineOf(text, "基礎研究 ◎ ↗") && w.Message.Contains("no country label", StringComparison.Ordinal));
    }

    [Fact]
    public void CountryLabel_CentredBetweenItsRows_BelongsToBoth()
    {
        // Flattening a merged cell can put the country between its two phase rows.
        var (rows, warnings, _) = Run("基礎研究 ◎ ↗\n• 根拠A。\n日本\n• 根拠B。\n応用研究・開発 ○ →\n• 根拠C。\n基礎研究 ○ →\n米国\n応用研究・開発 ◎ ↗\n• 根拠D。\n");
        Assert.Equal(["JP", "JP", "US", "US"], rows.Select(r => r.Country).ToArray());
        Assert.Equal(["根拠A。", "根拠B。"], rows[0].Evidence);
        Assert.DoesNotContain(warnings, w => w.Message.Contains("country", StringComparison.Ordinal));
    }

    [Fact]
    public void CountryGluedToTheLastEvidenceLine_StartsTheNextCountry()
    {
        var (rows, warnings, _) = Run("日本\n基礎研究 ◎ →\n• 根拠。\n応用研究・開発 ○ →\n• 根拠が続く。 米国\n基礎研究 ◎ ↗\n応用研究・開発 ◎ ↗\n");
        Assert.Equal(["JP", "JP", "US", "US"], rows.Select(r => r.Country).ToArray());
        Assert.Equal(["根拠が続く。"], rows[1].Evidence);
        Assert.DoesNotContain(warnings, w => w.Message.Contains("country", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownRegion_IsCodedOther_WithItsLabel()
    {
        var (rows, warnings, text) = Run("日本\n基礎研究 ◎ →\n応用研究・開発 ○ →\nASEAN\n基礎研究 △ ↗\n応用研究・開発 △ →\nシンガポール\n基礎研究 ○ ↗\n応用研究・開発 ○ ↗\n");
        Assert.Equal(["JP", "JP", "OTHER", "OTHER", "SG", "SG"], rows.Select(r => r.Country).ToArray());
        Assert.Equal("ASEAN", rows[2].CountryLabel);
        Assert.Contains(warnings, w => w.Line == LandscapeTestDocs.LineOf(text, "ASEAN") && w.Message.Contains("no code", StringComparison.Ordinal));
    }

    [Fact]
    public void OtherLayouts_PipeRows_WrappedLabels_SplitOtherLabel_EnglishAndDashes()
    {
        var (pipes, _, _) = Run("| 日本 | 基礎研究 | ◎ | ↗ | 根拠A |\n|---|---|---|---|---|\n| | 応用研究・開発 | ○ | → | 根拠B |\n| 韓国 | 基礎研究 | △ | ↘ | 根拠C |\n");
        Assert.Equal(["JP", "JP", "KR"], pipes.Select(r => r.Country).ToArray());
        Assert.Equal(["根拠B"], pipes[1].Evidence);
        Assert.Equal("down", pipes[2].Trend);

        var (wrapped, _, _) = Run("日本\n基礎研究 ◎ →\n応用研究・\n開発 ○ ↗ 根拠。\n");
        Assert.Equal(("応用研究・開発", "applied", "○", "up"), (wrapped[1].PhaseLabel, wrapped[1].Phase, wrapped[1].Rating, wrapped[1].Trend));
        Assert.Equal(["根拠。"], wrapped[1].Evidence);

        var (other, _, _) = Run("その他の国・地域（台湾） 基礎研究 ○ →\n応用研究・開発 ◎ ↗\n");
        Assert.All(other, r => Assert.Equal(("TW", "その他の国・地域（台湾）"), (r.Country, r.CountryLabel)));

        var (english, _, _) = Run("Japan\nBasic research ◎ ↗\n- Strong groups at several universities.\nApplied research and development ○ →\n- Few start-ups.\nUSA\nBasic research ◎ →\n");
        Assert.Equal(["JP", "JP", "US"], english.Select(r => r.Country).ToArray());
        Assert.Equal(["basic", "applied", "basic"], english.Select(r => r.Phase).ToArray());
        Assert.Equal(["Strong groups at several universities."], english[0].Evidence);

        var (dashes, warnings, _) = Run("日本\n基礎研究 － －\n応用研究・開発 ◯ ⇗\n");
        Assert.Equal(((string?)null, (string?)null), (dashes[0].Rating, dashes[0].Trend));
        Assert.Equal(("○", "up"), (dashes[1].Rating, dashes[1].Trend)); // ◯ and ⇗ are read as ○ and ↗
        Assert.DoesNotContain(warnings, w => w.Message.Contains("no rating", StringComparison.Ordinal)); // a dash is an empty cell on purpose
    }

    [Fact]
    public void LegendDimensions_AreOtherPhases_WithTheirLabels()
    {
        const string table = "日本\n取り組み水準 △ →\n根拠。\n実効性 ○ ↗\n根拠。\n";
        var text = LandscapeTestDocs.ReportText(table, legend: false) + "\n（註1）フェーズ\n\n取り組み水準：政策の充実度\n\n実効性：取組みの実効性\n";
        var rows = LandscapeTestDocs.Rows(LandscapeTestDocs.ProcessText(text));
        Assert.Equal([("other", "取り組み水準", "△"), ("other", "実効性", "○")], rows.Select(r => (r.Phase, r.PhaseLabel, r.Rating)).ToArray());
    }

    [Fact]
    public void LegendAboveTheTable_IsNotItsEnd()
    {
        const string table = "（註1）フェーズ\n取り組み水準：政策の充実度\n実効性：取組みの実効性\n（註2）現状 ※試験の注記\n◎：特に顕著 〇：顕著\n↗：上昇傾向、→：現状維持\n\n日本\n取り組み水準 ◎ ↗\n実効性 △ →\n";
        var (rows, warnings, _) = Run(table, legend: false);
        Assert.Equal([("other", "◎"), ("other", "△")], rows.Select(r => (r.Phase, r.Rating)).ToArray());
        Assert.DoesNotContain(warnings, w => w.Message.Contains("no rows", StringComparison.Ordinal));
    }

    [Fact]
    public void SentenceStartingWithAPhaseWord_IsEvidence()
    {
        var (rows, _, _) = Run("日本\n基礎研究 ◎ →\n基礎研究レベルの向上が続いている。\n応用研究・開発 ○ →\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["基礎研究レベルの向上が続いている。"], rows[0].Evidence);
    }

    [Fact]
    public void ComparisonOutsideAPanoramicReport_IsReadUnderItsSection()
    {
        const string md = "# 量子技術の動向\n\n本稿は試験用の記事である。\n\n## 国際比較\n\n| 国・地域 | フェーズ | 現状 | トレンド | 根拠 |\n|---|---|---|---|---|\n"
            + "| 日本 | 基礎研究 | ◎ | ↗ | 大学の研究が活発 |\n| | 応用研究・開発 | ○ | → | 企業の参入が少ない |\n| 米国 | 基礎研究 | ◎ | → | 層が厚い |\n";
        var doc = LandscapeTestDocs.ProcessText(md, "article.md");
        var rows = LandscapeTestDocs.Rows(doc);
        Assert.Equal(["JP", "JP", "US"], rows.Select(r => r.Country).ToArray());
        Assert.All(rows, r => Assert.Equal("量子技術の動向", r.Area));
        Assert.Equal(["企業の参入が少ない"], rows[1].Evidence);

        const string plain = "ある技術の調査メモ\n\n国際比較\n\n日本\n基礎研究 ○ →\n応用研究・開発 △ ↘\n";
        var bare = LandscapeTestDocs.Rows(LandscapeTestDocs.ProcessText(plain, "memo.txt"));
        Assert.Equal([("○", "flat"), ("△", "down")], bare.Select(r => (r.Rating, r.Trend)).ToArray());
    }

    private static readonly string[] Tokens =
    [
        "日本", "米国", " 欧州", "中国 基礎研究 ◎ ↗", "韓国", "その他の", "国・地域", "（台湾）", "基礎研究", "応用研究・開発", "基礎研究 ○ →", "応用研究・開発 △ ↘",
        "◎", "↗", "→", "×", "☆", "－", "• 根拠の文である。", "・ 別の根拠が", "続いている。", "［EU］", "→CHIPS", "", "", "| 日本 | 基礎研究 | ◎ | ↗ |",
        "国・地域 フェーズ 現状 トレンド", "取り組み水準 △ →", "（註1）フェーズ", "関連する他の研究開発領域", "・分離技術（ナノテク・材料分野　2.1.2）", "ASEAN", "応用研究・", "開発 ○ ↗",
    ];

    [Property(MaxTest = 60)]
    public void RandomTables_NeverFail_AndSpansStayInTheSource(int[] picks)
    {
        var lines = picks.Select(p => Tokens[(p % Tokens.Length + Tokens.Length) % Tokens.Length]);
        var text = LandscapeTestDocs.ReportText(string.Join("\n", lines), legend: picks.Length % 2 == 0);
        var doc = LandscapeTestDocs.ProcessText(text);
        Assert.DoesNotContain(doc.Diagnostics, d => d.Message.Contains("extractor landscape failed", StringComparison.Ordinal));
        foreach (var row in LandscapeTestDocs.Rows(doc))
        {
            Assert.InRange(row.Source.Span.Start, 0, row.Source.Span.End - 1);
            Assert.InRange(row.Source.Span.End, 1, doc.Source.Text.Length);
            Assert.True(row.Source.Line <= row.Source.EndLine);
            Assert.Equal(ComparisonSymbols.Score(row.Rating), row.Score);
            Assert.Contains(row.Phase, new[] { "basic", "applied", "other" });
        }
    }
}
