using Fukan.Cli;
using Xunit;

namespace Fukan.Tests.Cli;

/// <summary>Terminal layout for Japanese: display widths, cutting, and wrapping at natural points.</summary>
public class TerminalTextTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("蓄電池", 6)]
    [InlineData("ＡＢ", 4)]
    [InlineData("◎→○↗", 4)]
    [InlineData("ｶﾀｶﾅ", 4)]
    [InlineData("e\u0301", 1)]
    public void Width_CountsWideCharactersTwice(string text, int width) => Assert.Equal(width, TerminalText.Width(text));

    [Fact]
    public void Truncate_CutsByColumns_WithAnEllipsis()
    {
        Assert.Equal("蓄電…", TerminalText.Truncate("蓄電デバイス", 5));
        Assert.Equal("蓄電デバイス", TerminalText.Truncate("蓄電デバイス", 12));
        Assert.True(TerminalText.Width(TerminalText.Truncate("蓄電デバイスの研究", 6)) <= 6);
    }

    [Fact]
    public void Wrap_EveryLineFits_AndNothingIsLost()
    {
        const string text = "日本は2022年8月に経済産業省が「蓄電池産業戦略」を策定した。本戦略は、液系リチウムイオン電池のサプライチェーンリスク低減のための国内製造基盤の拡大やグローバルシェアの再拡大を目標としている。";
        foreach (int width in new[] { 20, 33, 40, 80 })
        {
            var lines = TerminalText.Wrap(text, width);
            Assert.All(lines, l => Assert.True(TerminalText.Width(l) <= width, $"{TerminalText.Width(l)} > {width}: {l}"));
            Assert.Equal(text, string.Concat(lines));
        }
    }

    [Fact]
    public void Wrap_Japanese_PrefersToBreakAfterPunctuation_AndNeverStartsALineWithIt()
    {
        var lines = TerminalText.Wrap("全固体電池の研究は進んでいる。次世代の電池として期待される。", 40);
        Assert.Equal(["全固体電池の研究は進んでいる。", "次世代の電池として期待される。"], lines);
        // Forced breaks (no punctuation near the end) still keep closing marks off the start of a line.
        foreach (int width in new[] { 9, 10, 11, 12, 13 })
            Assert.All(TerminalText.Wrap("研究開発「蓄電池」、実用化。研究開発（蓄電池）、実用化。", width).Skip(1), l => Assert.DoesNotMatch("^[、。」）]", l));
    }

    [Fact]
    public void Wrap_Latin_BreaksBetweenWords()
    {
        const string text = "The consortium plans to reach mass production of solid-state batteries by fiscal 2027, with pilot lines in Aichi.";
        var lines = TerminalText.Wrap(text, 30);
        var words = text.Split(' ');
        foreach (var l in lines)
        {
            Assert.True(TerminalText.Width(l) <= 30, l);
            Assert.All(l.Split(' '), w => Assert.Contains(w, words));
        }
        Assert.Equal(text, string.Join(' ', lines));
    }

    [Fact]
    public void Wrap_NeverSplitsAHighlightedMatch()
    {
        var segments = new List<(string, bool)> { ("次世代蓄電池として、2025年までにリチウム硫黄電池、2027年に", false), ("全固体電池", true), ("の実用化を目指す。", false) };
        var lines = TerminalText.WrapSegments(segments, 40, "   ", "   ");
        Assert.Single(lines, l => l.Any(p => p.Highlighted));
        Assert.Contains(lines, l => l.Contains(("全固体電池", true)));
    }

    [Fact]
    public void Wrap_ABulletKeepsItsText_AndContinuationLinesIndentUnderIt()
    {
        var lines = TerminalText.Wrap("データが非常に重要である。デジタル・サイバーセキュリティWGでの議論も踏まえ、AIを軸にデータ戦略をどう昇華させるか考える必要がある。", 50, "   • ", "     ");
        Assert.StartsWith("   • データ", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Matches("^     [^ ]", l));
        Assert.All(lines, l => Assert.True(TerminalText.Width(l) <= 50, l));
    }
}
