using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fukan.Model;
using Fukan.Normalizing;

namespace Fukan.Tests.Properties;

/// <summary>Properties of the text primitives every stage relies on: folding keeps offsets, maps round-trip.</summary>
public class NormalizerProperties
{
    private static readonly char[] Alphabet =
        "あいうアイウ漢字全固体電池ＡＢＣａｂｃ１２３ABCabc123 　\t\n\r。、・（）()◎○〇△×↗→↘#|-*•％%".ToCharArray();

    private static Arbitrary<string> JapaneseText() =>
        Gen.ArrayOf(Gen.Elements(Alphabet)).Select(cs => new string(cs)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Fold_KeepsLengthAndIsIdempotent() =>
        Prop.ForAll(JapaneseText(), s =>
        {
            var once = TextFolding.Fold(s);
            return once.Length == s.Length && TextFolding.Fold(once) == once;
        });

    [Property(MaxTest = 300)]
    public Property Fold_NeverTouchesRatingsAndTrends() =>
        Prop.ForAll(JapaneseText(), s =>
        {
            var folded = TextFolding.Fold(s);
            for (int i = 0; i < s.Length; i++)
                if ("◎○〇△×↗→↘".Contains(s[i]) && folded[i] != s[i]) return false;
            return true;
        });

    [Property(MaxTest = 300)]
    public Property SourceText_LineOfLineStart_IsTheLine() =>
        Prop.ForAll(JapaneseText(), s =>
        {
            var text = new SourceText(s);
            for (int line = 1; line <= text.LineCount; line++)
            {
                if (text.LineOf(text.LineStart(line)) != line && text.LineStart(line) != text.Text.Length) return false;
                if (text.LineEnd(line) < text.LineStart(line)) return false;
                if (text.Line(line).IndexOfAny('\n', '\r') >= 0) return false;
            }
            return true;
        });

    [Property(MaxTest = 300)]
    public Property OffsetMap_BinaryForm_RoundTrips() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 50).Three()).ToArbitrary(), runs =>
        {
            var b = new MappedTextBuilder();
            int source = 0;
            foreach (var (gap, len, inserted) in runs)
            {
                source += gap;
                b.Append(new string('x', len), source);
                source += len;
                if (inserted % 3 == 0) b.AppendInserted(" ");
            }
            var (_, map) = b.Build();
            var back = OffsetMap.FromBytes(map.ToBytes());
            return back.Serialize() == map.Serialize();
        });
}
