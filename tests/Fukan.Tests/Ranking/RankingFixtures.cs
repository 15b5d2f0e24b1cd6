using Fukan.Analysis.Ranking;
using Fukan.Extraction.Landscape;
using Fukan.Model;

namespace Fukan.Tests.Ranking;

/// <summary>
/// A small synthetic knowledge base of three research areas whose criteria are easy to compute by hand.
/// Ratings per area (JP / US / CN, basic then applied, with trends):
/// <code>
///   A 全固体電池材料      JP ◎↗ ○→   US ◎→ ◎↗   CN ○↗ ○↗
///   B 量子センシング      JP ○→ △↘   US ◎↗ ◎↗   CN ◎↗ ○→
///   C パワー半導体デバイス JP △↗ △↗   US ○→ ○→   CN △→ ×↘
/// </code>
/// One amount of money is stated in C's lines; one article passage names B.
/// </summary>
internal static class RankingFixtures
{
    public static readonly DocumentId Report = new(new string('a', 64));
    public static readonly DocumentId Article = new(new string('b', 64));

    public static RankingInput Input()
    {
        var a = Area("2.1.1", "全固体電池材料", 10, 19, ("JP", "◎↗", "○→"), ("US", "◎→", "◎↗"), ("CN", "○↗", "○↗"));
        var b = Area("2.1.2", "量子センシング", 20, 29, ("JP", "○→", "△↘"), ("US", "◎↗", "◎↗"), ("CN", "◎↗", "○→"));
        var c = Area("2.1.3", "パワー半導体デバイス", 30, 39, ("JP", "△↗", "△↗"), ("US", "○→", "○→"), ("CN", "△→", "×↘"));
        var money = new List<MoneyMention> { new(Report, "100億円", 10_000_000_000m, "JPY", At(Report, 33)) };
        var attention = new List<AttentionText>
        {
            new(Article, "記事", "article", "量子センシングの実証が進んだ。", At(Article, 7)),
            new(Article, "記事", "article", "電池の話題は今回はない。", At(Article, 8)),
        };
        return new RankingInput([a, b, c], money, [], attention);
    }

    /// <summary>Weights used by the hand calculation: four criteria, gap as a cost.</summary>
    public const string HandWeightsYaml = """
        criteria:
          basicPosition: 0.3
          gapToLeader: { weight: 0.2, direction: cost }
          investment: 0.3
          attention: 0.2
        """;

    public static Provenance At(DocumentId doc, int line) => new(doc, line, line, new CharSpan(line * 100, line * 100 + 10));

    private static AreaSource Area(string id, string title, int start, int end, params (string Country, string Basic, string Applied)[] table)
    {
        var rows = new List<ComparisonRow>();
        int line = start + 2;
        foreach (var (country, basic, applied) in table)
        {
            rows.Add(Row(id, title, country, "basic", "基礎研究", basic, line++));
            rows.Add(Row(id, title, country, "applied", "応用研究・開発", applied, line++));
        }
        return new AreaSource(Report, "テスト報告書", new DateOnly(2023, 3, 1), id, title, "テスト区分", start, end, At(Report, start), rows, null);
    }

    private static ComparisonRow Row(string id, string title, string country, string phase, string label, string cell, int line)
    {
        var rating = cell[..1];
        int score = rating switch { "◎" => 3, "○" => 2, "△" => 1, _ => 0 };
        var trend = cell[1..] switch { "↗" => "up", "↘" => "down", _ => "flat" };
        var countryLabel = country switch { "JP" => "日本", "US" => "米国", _ => "中国" };
        return new ComparisonRow(At(Report, line), id, title, "テスト区分", country, countryLabel, phase, label, rating, score, trend, []);
    }
}
