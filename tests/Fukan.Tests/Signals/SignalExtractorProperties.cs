using FsCheck;
using FsCheck.Fluent;
using Fukan.Extraction.Signals;
using Fukan.Model;
using Xunit;

namespace Fukan.Tests.Signals;

public class SignalExtractorProperties
{
    private static readonly string[] Pieces =
    [
        "## 注目すべきKPI\n", "## Strategic Signal\n", "# 見出し\n", "- 歩留まり: ", "Signal: ", "シグナル：", "これが", "50%を超えた時、", "7割を超えれば、",
        "1ドルを下回れば", "以上になれば", "現在は約20〜30%程度です。", "か。", "。", "、", "\n", "\n\n", "* ", "If the rate exceeds 50%, ", "when ", "?", "：", ":",
        "AIエージェントは変わる", "1MPa以下", "数気圧", "（", "）", "「", "」", "SWE-bench", "2025年", "N2", "x", " ",
    ];

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property NeverThrows_AndPartsStayInsideTheSource(int[] picks)
    {
        var text = "# t\n" + string.Concat((picks ?? []).Select(p => Pieces[Math.Abs(p % Pieces.Length)]));
        var doc = SignalTestDocs.Process("fuzz.md", text);
        bool ok = true;
        foreach (var s in doc.Facts.OfType<SignalFact>())
        {
            ok &= s.Source.Span.Start >= 0 && s.Source.Span.End <= doc.Source.Text.Length && s.Source.Span.Start <= s.Source.Span.End;
            ok &= s.Metric.Length > 0 && s.Parts.Count > 0;
            foreach (var p in s.Parts) ok &= p.Provenance.Span.Start >= s.Source.Span.Start && p.Provenance.Span.End <= s.Source.Span.End;
        }
        return ok.ToProperty();
    }

    [Fact]
    public void SentenceSplitter_CoversTheTextWithoutOverlap()
    {
        Prop.ForAll(Arb.From(Gen.Elements("これは文。", "Yes. ", "e.g. this", "U.S. ", "2.5%", "？", "」", "a", " ", "。」")
            .ArrayOf().Select(a => string.Concat(a))), text =>
        {
            int last = 0;
            foreach (var (s, e) in SentenceSplitter.Split(text))
            {
                if (s < last || e <= s || e > text.Length) return false;
                last = e;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
