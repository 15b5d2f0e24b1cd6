using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Structure;

public class PassageTests
{
    [Fact]
    public void Report_SentenceWrappedOverAPageBreak_IsOnePassage()
    {
        // Lines 1021–1044 of 001: a sentence wraps, a footer, a running header and a vertical side label
        // follow, and the sentence goes on after them.
        var p = SeedDocuments.Get("001").Passages.Single(p => p.Source.Line <= 1021 && p.Source.EndLine >= 1021);
        Assert.Contains("国家戦略技術に指定し、研究開発費用", p.Text);
        Assert.True(p.Source.EndLine >= 1044);
        Assert.DoesNotContain("CRDS", p.Text);
    }

    [Fact]
    public void LabelledFields_AreTheirOwnPassages_WhereLinesOtherwiseJoin()
    {
        var pipeline = FukanDefaults.CreatePipeline();
        var doc = pipeline.Process("fields.txt", System.Text.Encoding.UTF8.GetBytes(
            "第5回 検討会 議事録\n\n日時：令和8年3月4日（水）14時00分～16時00分\n場所：第4号館 共用会議室\n\n本文の一行目は\n二行目に続く。\n")).Document!;
        var texts = doc.Passages.Select(p => p.Text).ToList();
        Assert.Contains("日時：令和8年3月4日（水）14時00分～16時00分", texts);
        Assert.Contains("場所：第4号館 共用会議室", texts);
        Assert.Contains(texts, t => t.StartsWith("本文の一行目は", StringComparison.Ordinal) && t.EndsWith("二行目に続く。", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_JapaneseWrapAcrossBlankLine_JoinsWithoutSpace()
    {
        var doc = SeedDocuments.Get("001");
        var keywords = doc.Passages.Single(p => p.SectionId == "2.1.1(2)" && p.Kind == PassageKind.Paragraph);
        Assert.Contains("ナトリウムイオン電池、カリウムイオン電池", keywords.Text);
    }

    [Fact]
    public void Report_ComparisonTable_KeepsRowsAndBulletsApart()
    {
        var table = SeedDocuments.Get("001").Passages.Where(p => p.SectionId == "2.1.1(7)").ToList();
        Assert.Contains(table, p => p.Kind == PassageKind.TableRow && p.Text == "基礎研究 ◎ →");
        var bullet = Assert.Single(table, p => p.Kind == PassageKind.Bullet && p.Text.Contains("JCESR"));
        Assert.Contains("2023年まで稼働", bullet.Text);   // wrapped over a blank line inside the cell
        Assert.Contains(table, p => p.Text == "欧州");        // the next country is not glued to the last bullet
        Assert.All(table, p => Assert.Equal("2 俯瞰区分と研究開発領域 › 2.1 環境・エネルギー応用 › 2.1.1 蓄電デバイス › (7) 国際比較", p.SectionPath));
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    public void EveryPassage_MapsBackToTheSameCharactersInTheSource(string seed)
    {
        var doc = SeedDocuments.Get(seed);
        var text = doc.Source.Text;
        foreach (var p in doc.Passages)
        {
            for (int r = 0; r < p.Map.RunCount; r++)
            {
                var (d, s, len) = p.Map.Run(r);
                for (int i = 0; i < len; i++)
                {
                    char original = text[s + i];
                    Assert.True(p.Text[d + i] == original || (original == '\t' && p.Text[d + i] == ' '),
                        $"{seed} passage {p.Id} char {d + i} '{p.Text[d + i]}' ≠ source '{original}' at {s + i}");
                }
            }
            Assert.InRange(p.Source.Span.Start, 0, text.Length);
            Assert.InRange(p.Source.Span.End, p.Source.Span.Start, text.Length);
            Assert.Equal(doc.Source.LineOf(p.Source.Span.Start), p.Source.Line);
        }
    }

    [Fact]
    public void Minutes_TabSeparatedAttendees_AreRowsNotOneParagraph()
    {
        var rows = SeedDocuments.Get("002").Passages.Where(p => p.SectionId == "出席構成員").ToList();
        Assert.Equal(9, rows.Count(p => p.Kind == PassageKind.TableRow));
    }

    [Fact]
    public void Markdown_EmphasisAndLinkTargets_AreDroppedFromText()
    {
        var passages = SeedDocuments.Get("000").Passages;
        Assert.DoesNotContain(passages, p => p.Text.Contains("**", StringComparison.Ordinal) || p.Text.Contains("](http", StringComparison.Ordinal));
        Assert.Contains(passages, p => p.Text.Contains("Agentic AIの実用化はいつ？推論時計算と3つの技術的壁でも解説", StringComparison.Ordinal));
    }

    [Fact]
    public void ProvenanceOf_ASpanInsideAJoinedPassage_PointsAtTheOriginalLine()
    {
        var doc = SeedDocuments.Get("001");
        var p = doc.Passages.Single(p => p.Source.Line <= 1021 && p.Source.EndLine >= 1021);
        int at = p.Text.IndexOf("研究開発費用", StringComparison.Ordinal);
        var prov = p.ProvenanceOf(at, at + 6, doc.Source);
        Assert.Equal(1042, prov.Line);   // "し、研究開発費用…" resumes on line 1042 after the page furniture
        Assert.Equal("研究開発費用", doc.Source.Text[prov.Span.Start..prov.Span.End]);
    }

    [Fact]
    public void Process_ArbitraryText_NeverThrowsAndSpansStayInside()
    {
        var pipeline = SeedDocuments.Pipeline;
        var random = new Random(7);
        const string alphabet = "あいう漢字カナ。、・•●■［］【】（）()1234567890.- \n\n\t#|◎○△×↗→↘abcXYZ";
        for (int round = 0; round < 300; round++)
        {
            var chars = new char[random.Next(0, 400)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var bytes = System.Text.Encoding.UTF8.GetBytes(new string(chars));
            var result = pipeline.Process($"r{round}.txt", bytes);
            if (result.Document is not { } doc) continue;
            foreach (var p in doc.Passages)
            {
                Assert.InRange(p.Source.Span.End, p.Source.Span.Start, doc.Source.Text.Length);
                Assert.InRange(p.Source.Line, 1, Math.Max(1, doc.Source.LineCount));
            }
            foreach (var s in doc.Sections) Assert.True(s.StartLine <= s.EndLine);
        }
    }
}
