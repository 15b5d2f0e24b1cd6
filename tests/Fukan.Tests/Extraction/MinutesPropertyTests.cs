using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fukan.Extraction.Minutes;
using Fukan.Model;

namespace Fukan.Tests.Extraction;

/// <summary>Any line soup parses without throwing, and every provenance stays inside the source.</summary>
public class MinutesPropertyTests
{
    private static readonly MinutesParser Parser = new();

    private static readonly string[] Lines =
    [
        "", "議事次第：", "議題", "日時：令和8年2月12日（木）16時30分～18時30分", "日時：", "場所：本館", "出席者：", "（オブザーバー）", "（欠席）",
        "山田 太郎\t架空大学教授", "| 氏名 | 所属 | 役職 |", "|---|---|", "| 山田 | 架空社 | 社長 |", "1. 開会", " - (1) 挨拶", "（２）その他",
        "議事概要：", "構成員からの主な御発言", "事務局からの主な発言", "【全体について】", "- ・ 意見である。", "○山田委員　発言。", "続きの行",
        "佐藤委員：", "（以上）", "◎田中 次郎（架空大学 教授）", "高橋委員、伊藤委員", "資料１　議事次第", "## 議事要旨", "---", "(", "【", "○",
    ];

    private static Arbitrary<string> Documents() =>
        Gen.ListOf(Gen.Elements(Lines)).Select(lines => string.Join("\n", lines)).ToArbitrary();

    [Property(MaxTest = 400)]
    public Property Parse_NeverThrowsAndProvenanceStaysInside() =>
        Prop.ForAll(Documents(), text =>
        {
            var source = new SourceText(text);
            var d = Parser.Parse(source, new DocumentId("p"));
            bool Inside(Provenance p) => p.Span.Start >= 0 && p.Span.End <= text.Length && p.Span.Start <= p.Span.End && p.Line >= 1 && p.EndLine >= p.Line;
            bool Items(IReadOnlyList<AgendaItem> items) => items.All(i => Inside(i.Provenance) && i.Text.Length > 0 && Items(i.Items));
            return d.Statements.All(s => Inside(s.Provenance) && s.Text.Length > 0)
                && d.Attendees.All(a => Inside(a.Provenance) && a.Name.Length > 0)
                && Items(d.Agenda);
        });

    [Property(MaxTest = 200)]
    public Property Parse_ArbitraryText_NeverThrows() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => Parser.Parse(new SourceText(text ?? ""), new DocumentId("p")) is not null);
}
