using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Quantities;

namespace Fukan.Tests.Extraction;

/// <summary>
/// Properties of the quantity and date parsers over random text built from the pieces they react to: never throw,
/// spans stay inside the text in order, results are deterministic and independent of what precedes a line.
/// </summary>
public class QuantityDateProperties
{
    private static readonly string[] Pieces =
    [
        "0", "1", "2", "5", "9", "10", "12", "31", "99", "2023", "2030", "1999", "9999", "99999999999999999999999999999",
        "１", "２０２３", "〇", "一", "二", "三", "十", "百", "千", "万", "億", "兆", "数", ".", ",", "，", "．", "%", "％",
        "〜", "～", "~", "–", "-", "−", "から", "まで", "約", "以上", "以下", "未満", "超", "程度", "規模", "を超え",
        "年", "月", "日", "度", "間", "代", "後半", "上期", "第", "四半期", "以降", "過ぎ", "同", "令和", "平成", "元",
        "Q", "H", "FY", "$", "€", "£", "¥", " million", " billion", " euros", "円", "ドル", "米ドル", "ユーロ", "ウォン", "元",
        "nm", "km", "GW", "Wh/kg", "mAh/g", "℃", "気圧", "分", "分の", "人", "社", "割", "倍", "S/cm", "K", "V",
        " ", "　", "\n", "(", ")", "（", "）", "/", "の", "予算", "は", "、", "。", "*", "CO", "Li", "March ", "in ", "by ",
        "more than ", "up to ", "about ", "年間", "毎年", "ユ ー ロ", "ポイント", "セント",
    ];

    private static Arbitrary<string> DomainText() =>
        Gen.ListOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts)).ToArbitrary();

    private static readonly QuantityParser Quantities = new();
    private static readonly DateParser Dates = new();

    [Property(MaxTest = 500)]
    public Property Quantities_StayInsideTheTextInOrder() =>
        Prop.ForAll(DomainText(), s =>
        {
            int last = 0;
            foreach (var m in Quantities.Parse(s))
            {
                if (m.Span.Start < last || m.Span.End <= m.Span.Start || m.Span.End > s.Length) return false;
                if (m.Text != s[m.Span.Start..m.Span.End]) return false;
                if (m.ValueMax is decimal max && max < m.Value) return false;
                last = m.Span.End;
            }
            return true;
        });

    [Property(MaxTest = 500)]
    public Property Dates_StayInsideTheTextInOrder() =>
        Prop.ForAll(DomainText(), s =>
        {
            int last = 0;
            foreach (var m in Dates.Parse(s))
            {
                if (m.Span.Start < last || m.Span.End <= m.Span.Start || m.Span.End > s.Length) return false;
                if (m.Text != s[m.Span.Start..m.Span.End]) return false;
                if (m.Start is DateOnly a && m.End is DateOnly b && b < a) return false;
                if (m.Start is null && m.End is null) return false;
                if ((m.Start is null || m.End is null) != (m.Precision == DatePrecision.Open)) return false;
                last = m.Span.End;
            }
            return true;
        });

    [Property(MaxTest = 300)]
    public Property Parsers_AreDeterministic() =>
        Prop.ForAll(DomainText(), s =>
            Quantities.Parse(s).SequenceEqual(Quantities.Parse(s)) && Dates.Parse(s).SequenceEqual(Dates.Parse(s)));

    [Property(MaxTest = 300)]
    public Property Parsers_DoNotDependOnThePrecedingLine() =>
        Prop.ForAll(DomainText(), s =>
        {
            var q = Quantities.Parse(s);
            var q2 = Quantities.Parse("\n" + s);
            var d = Dates.Parse(s);
            var d2 = Dates.Parse("\n" + s);
            return q.Count == q2.Count && d.Count == d2.Count
                && q.Zip(q2).All(p => p.First with { Span = new(p.First.Span.Start + 1, p.First.Span.End + 1) } == p.Second)
                && d.Zip(d2).All(p => p.First with { Span = new(p.First.Span.Start + 1, p.First.Span.End + 1) } == p.Second);
        });
}
