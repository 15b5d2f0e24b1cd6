using System.Collections.Frozen;

namespace Fukan.Extraction.Events;

/// <summary>
/// A coarse technology domain for grouping milestones on a timeline: AI, semiconductors, batteries, energy,
/// quantum, bio, materials, policy, other. Keywords (Japanese and English) are matched in the event's text and technologies.
/// </summary>
public static class DomainClassifier
{
    private static readonly (string Domain, string[] Keywords)[] Table =
    [
        ("AI", ["AI", "人工知能", "エージェント", "LLM", "生成", "機械学習", "深層学習", "推論", "SWE-bench", "基盤モデル", "ChatGPT", "GPT", "ロボット", "artificial intelligence", "agent", "language model", "machine learning", "robot"]),
        ("semiconductors", ["半導体", "GAA", "FinFET", "EUV", "BSPDN", "ウェハ", "ファウンドリ", "TSMC", "Rapidus", "チップ", "ロジック", "メモリ", "CMOS", "HVM", "2nm", "3nm", "3D集積", "チップレット", "パワー半導体", "SiC", "GaN", "semiconductor", "foundry", "wafer", "lithography", "transistor", "chip"]),
        ("batteries", ["電池", "バッテリー", "Battery", "蓄電", "リチウム", "Li–", "Li-", "全固体", "正極", "負極", "電解質", "電解液", "battery", "batteries", "solid-state", "lithium", "cathode", "anode", "electrolyte"]),
        ("energy", ["水素", "燃料電池", "太陽電池", "太陽光", "風力", "原子力", "カーボンニュートラル", "CO2", "脱炭素", "再生可能", "エネルギー", "電解", "hydrogen", "fuel cell", "solar", "wind power", "nuclear", "renewable", "decarbon"]),
        ("quantum", ["量子", "quantum", "qubit"]),
        ("bio", ["医療", "創薬", "ワクチン", "mRNA", "バイオ", "細胞", "生体", "ゲノム", "ヘルスケア", "drug", "vaccine", "genome", "biotech", "medical"]),
        ("materials", ["材料", "マテリアル", "ナノ", "磁石", "複合材", "触媒", "元素", "合金", "ポリマー", "MOF", "material", "alloy", "polymer", "catalyst"]),
        ("policy", ["法案", "法律", "Act", "戦略", "規則", "規制", "予算", "政策", "基金", "プログラム", "プロジェクト", "regulation", "legislation", "budget", "strategy", "initiative", "funding"]),
    ];

    /// <summary>The table with each keyword's comparison decided once: lower-case English in any case, the rest as written.</summary>
    private static readonly (string Domain, (string Word, StringComparison How)[] Keywords)[] Compiled =
        Table.Select(t => (t.Domain, t.Keywords.Select(k => (k, IsLowerAscii(k) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)).ToArray())).ToArray();

    private static readonly FrozenSet<string> Known = Table.Select(t => t.Domain).Append("other").ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlySet<string> Domains => Known;

    /// <summary>English words in lower case match in any case ("Quantum", "qubit"); acronyms (AI, GAA) only as written.</summary>
    private static bool IsLowerAscii(string k)
    {
        foreach (char c in k) if (c > 127 || char.IsUpper(c)) return false;
        return true;
    }

    /// <summary>The first domain whose keywords occur in the technologies, else in the text; "other" when none.</summary>
    public static string Classify(string text, IReadOnlyList<string> technologies)
    {
        foreach (var (domain, keywords) in Table)
            foreach (var t in technologies)
                foreach (var k in keywords)
                    if (t.Contains(k, StringComparison.OrdinalIgnoreCase)) return domain;
        foreach (var (domain, keywords) in Compiled)
            foreach (var (word, how) in keywords)
                if (text.Contains(word, how)) return domain;
        return "other";
    }
}
