using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fukan.Extraction.Entities;

namespace Fukan.Tests.Extraction;

/// <summary>Whatever the text, mentions are in order, do not overlap, stay inside it and quote it exactly.</summary>
public class EntityPropertyTests
{
    private static readonly EntityRecognizer Recognizer = new();

    // Fragments that trigger every rule: names, suffixes, prefixes, brackets, acronyms, connectors, spaces.
    private static readonly string[] Fragments =
    [
        "株式会社", "大学", "研究所", "推進機構", "プロジェクト", "戦略", "基金", "省", "「", "」", "（", "）", "(", ")", "・", "-", " ", "　",
        "AI", "米国", "GAA", "東京", "架空", "テクノ", "の", "は", "、", "。", "University", "of", "Tokyo", "Institute", "ABC", "CO2",
        "JST", "2030", "Rapidus", "アメリカ", "タイ", "ム", "s", "\t", "\n", "ｱｲｳ", "Ａ", "大", "学", "院",
    ];

    private static Arbitrary<string> Texts() =>
        Gen.ListOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Find_MentionsAreOrderedDisjointAndQuoteTheText() =>
        Prop.ForAll(Texts(), text =>
        {
            var mentions = Recognizer.Find(text);
            int last = 0;
            foreach (var m in mentions)
            {
                if (m.Span.Start < last || m.Span.End <= m.Span.Start || m.Span.End > text.Length) return false;
                if (text[m.Span.Start..m.Span.End] != m.Surface) return false;
                if (string.IsNullOrEmpty(m.EntityId) || string.IsNullOrEmpty(m.Name)) return false;
                last = m.Span.End;
            }
            return true;
        });

    [Property(MaxTest = 300)]
    public Property Find_ArbitraryUnicode_NeverThrows() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => Recognizer.Find(text ?? "").Count >= 0);
}
