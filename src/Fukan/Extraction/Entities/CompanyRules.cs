using System.Collections.Frozen;

namespace Fukan.Extraction.Entities;

/// <summary>
/// The tables behind the company patterns the gazetteer cannot foresee: news English ("Helion Robotics said",
/// "rival Corvid Dynamics", "analysts at Kestrel Research") and Japanese …社 after a foreign name (独Voltwerk社,
/// テスラ社). A capitalised phrase ending in an industry word is a company only where the sentence treats it as one
/// (it says, raises, files; it is a rival, a startup, the one a round was led by): Fluid Dynamics and Materials
/// Research are fields until then. Precision matters more than recall here.
/// </summary>
internal static class CompanyRules
{
    /// <summary>The most capitalised words before the industry word (Helion Robotics: one).</summary>
    public const int MaxNameWords = 3;

    /// <summary>Last words of company names: Robotics, Dynamics, Capital, Research, Technologies.</summary>
    public static readonly FrozenSet<string> IndustryTails = new[]
    {
        "Robotics", "Dynamics", "Research", "Capital", "Partners", "Ventures", "Technologies", "Technology", "Systems", "Holdings",
        "Group", "Networks", "Semiconductor", "Semiconductors", "Therapeutics", "Biosciences", "Biotech", "Pharma", "Pharmaceuticals",
        "Motors", "Industries", "Electronics", "Energy", "Materials", "Aerospace", "Power", "Solutions", "Software", "Analytics",
        "Devices", "Instruments", "Computing", "Photonics", "Microsystems", "Automation", "Mobility", "Batteries", "Chemicals", "Metals",
        "Investments", "Advisors", "Securities", "Bank", "Motor", "Robotic", "Quantum", "Fusion",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Verbs of news reports whose subject is a company (compared ignoring case, for title-case headlines). Forms
    /// that are also nouns (plans, reports, estimates, partners) are left out: "Cloud Computing plans" is no company.
    /// </summary>
    public static readonly FrozenSet<string> NewsVerbs = new[]
    {
        "said", "says", "announced", "announces", "reported", "filed", "unveiled", "unveils", "launched", "launches", "signed",
        "acquired", "acquires", "agreed", "agrees", "posted", "secured", "secures", "completed", "completes", "estimated", "expects",
        "told", "disclosed", "discloses", "confirmed", "confirms", "priced", "partnered", "hired",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs that make their subject a company only before an amount: raises $450 million (not "raises questions").</summary>
    public static readonly FrozenSet<string> MoneyVerbs = new[] { "raises", "raised", "raising" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Characters that open an amount of money after a <see cref="MoneyVerbs"/> verb.</summary>
    public const string MoneyOpeners = "$€£¥0123456789";

    /// <summary>Words right before a name that call it a company: rival Corvid Dynamics, startup …, maker ….</summary>
    public static readonly FrozenSet<string> CueNouns = new[]
    {
        "rival", "rivals", "startup", "start-up", "firm", "maker", "makers", "competitor", "competitors", "subsidiary", "investor",
        "investors", "supplier", "suppliers", "customer", "carmaker", "chipmaker", "automaker", "spinout", "spin-off",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Verbs and nouns before "by" or "at" that make the next name a company: led by, backed by, acquired by,
    /// analysts at, researchers at (ignoring case: "Analysts at …" opens a sentence).
    /// </summary>
    public static readonly FrozenSet<string> CueBeforeByAt = new[]
    {
        "led", "backed", "acquired", "bought", "funded", "owned", "analysts", "analyst", "researchers", "engineers", "economists",
        "executives", "strategists",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Capitalised words that describe a field or kind, not a company: Fluid Dynamics, Venture Capital.</summary>
    public static readonly FrozenSet<string> DescriptiveWords = new[]
    {
        "Fluid", "Molecular", "Venture", "Private", "Public", "Market", "Digital", "Human", "Industrial", "Clean", "Green", "Renewable",
        "Solar", "Wind", "Battery", "Chinese", "Japanese", "American", "European", "German", "Korean", "Taiwanese", "Indian", "Asian",
        "Semiconductor", "Automotive", "Medical", "Defense", "Defence", "Computer", "Computational", "Operations", "Equity",
        "Investment", "Business", "Corporate", "Social", "Economic", "Policy", "Physics", "Chemical", "Electrical", "Mechanical",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Katakana words that, before 社, name a role, not a company: メーカー社, パートナー社.</summary>
    public static readonly FrozenSet<string> KatakanaRoles = new[]
    {
        "メーカー", "パートナー", "ライバル", "ベンダー", "サプライヤー", "ユーザー", "クライアント", "ファンド", "ベンチャー", "スタートアップ",
        "グループ", "カンパニー", "ホールディングス", "エージェント", "コンサル", "コンサルティング", "ディーラー", "メディア", "テレビ",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>One-kanji country abbreviations that may stand before a foreign company: 独Voltwerk社, 米テスラ社.</summary>
    public const string CountryPrefixes = "米独英仏中韓台加豪伊蘭瑞印露西墨伯星";

    /// <summary>Kanji after 社 that still leave it a company: テスラ社製.</summary>
    public const string KanjiAfterSha = "製";
}
