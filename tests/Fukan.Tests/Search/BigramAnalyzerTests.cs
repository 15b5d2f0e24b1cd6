using Fukan.Search;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Fukan.Tests.Search;

public sealed class BigramAnalyzerTests
{
    private static List<(string Term, int Start, int End, int Position)> Tokens(string text, ISearchAnalyzer? analyzer = null)
    {
        var buffer = new TokenBuffer();
        (analyzer ?? new BigramAnalyzer()).Analyze(text, buffer);
        var list = new List<(string, int, int, int)>();
        for (int i = 0; i < buffer.Count; i++) list.Add((buffer.TermString(i), buffer[i].SourceStart, buffer[i].SourceEnd, buffer[i].Position));
        return list;
    }

    [Fact]
    public void CjkRun_BecomesOverlappingBigrams_WithSourceOffsets()
    {
        var tokens = Tokens("全固体電池");
        Assert.Equal(["全固", "固体", "体電", "電池"], tokens.Select(t => t.Term));
        Assert.Equal([(0, 2), (1, 3), (2, 4), (3, 5)], tokens.Select(t => (t.Start, t.End)));
        Assert.Equal([0, 1, 2, 3], tokens.Select(t => t.Position));
    }

    [Fact]
    public void SingleCharacterRun_StaysUnigram()
    {
        Assert.Equal(["熱", "を", "x"], Tokens("熱、を x").Select(t => t.Term));
    }

    [Fact]
    public void LatinAndDigits_AreLowerCaseWords_PluralsFolded()
    {
        Assert.Equal(["swe", "bench", "2nm", "battery", "device", "chip"], Tokens("SWE-bench 2nm Batteries devices chips").Select(t => t.Term));
    }

    [Fact]
    public void FullWidthAndHalfWidth_FoldForMatching_OffsetsStayOriginal()
    {
        // Full-width Latin and half-width katakana with a separate voiced mark.
        var tokens = Tokens("ＡＩとｶﾞｽ");
        Assert.Equal(["ai", "とガ", "ガス"], tokens.Select(t => t.Term));
        Assert.Equal((0, 2), (tokens[0].Start, tokens[0].End));
        Assert.Equal((3, 6), (tokens[2].Start, tokens[2].End)); // ｶﾞｽ is three source chars
    }

    [Fact]
    public void MixedJapaneseEnglish_PositionsAreConsecutiveAcrossScripts()
    {
        var spaced = Tokens("フィジカル AI");
        var joined = Tokens("フィジカルAI");
        Assert.Equal(spaced.Select(t => (t.Term, t.Position)), joined.Select(t => (t.Term, t.Position)));
    }

    [Fact]
    public void Expansions_MapEveryCharToItsSourceChar()
    {
        var tokens = Tokens("①㈱");
        Assert.Equal(["1", "株"], tokens.Select(t => t.Term));
        Assert.Equal((1, 2), (tokens[1].Start, tokens[1].End));
    }

    [Fact]
    public void VoicedMarkAfterASupplementaryCharacter_DoesNotThrow()
    {
        Assert.Equal(["\uD842\uDFB7"], Tokens("\uD842\uDFB7\u3099").Select(t => t.Term).Take(1));
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Analyze_NeverThrows_SpansStayInsideAndPositionsIncrease()
    {
        var chars = Gen.Elements("全固体電池の加圧条件ｶﾞﾊﾟＡＢｃ12 ,。・ー々①㈱\uD842\uDFB7\u3099éﬁ".ToCharArray());
        return Prop.ForAll(Gen.ArrayOf(chars).Select(a => new string(a)).ToArbitrary(), text =>
        {
            var tokens = Tokens(text);
            int last = -1;
            foreach (var t in tokens)
            {
                if (t.Start < 0 || t.End > text.Length || t.End <= t.Start || t.Position <= last) return false;
                last = t.Position;
            }
            return true;
        });
    }
}
