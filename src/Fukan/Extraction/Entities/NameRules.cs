using System.Collections.Frozen;

namespace Fukan.Extraction.Entities;

/// <summary>What a name keyword does in a pattern.</summary>
internal enum KeywordRole
{
    /// <summary>Ends an organisation name: …大学, …研究所, …推進機構.</summary>
    OrgSuffix,
    /// <summary>Ends a programme name: …プロジェクト, …戦略, …基金.</summary>
    ProgramSuffix,
    /// <summary>A company form on either side: 株式会社X, X株式会社, X(株).</summary>
    LegalForm,
    /// <summary>An institution form before the name: 独立行政法人X, 国立研究開発法人X.</summary>
    LegalPrefix,
}

internal readonly record struct NameKeyword(string Text, KeywordRole Role)
{
    public EntityType Type => Role == KeywordRole.ProgramSuffix ? EntityType.Program : EntityType.Org;
}

/// <summary>
/// The tables behind the name patterns: which words end or open a name, and which stems are too generic to
/// be a name (本プロジェクト, 国家戦略, 各大学). Keys are folded (<see cref="EntityText.Fold(char)"/>).
/// </summary>
internal static class NameRules
{
    public static readonly NameKeyword[] Keywords = Build();

    /// <summary>Endings that close an organisation name, so that 大阪大学・東京大学 is two names, not one.</summary>
    public static readonly string[] OrgEnds =
        ["大学", "省", "庁", "研究所", "機構", "協会", "学会", "財団", "株式会社", "研究院", "科学院", "センター", "ホールディングス", "有限公司", "振興会", "協議会"];

    private static NameKeyword[] Build()
    {
        var list = new List<NameKeyword>();
        foreach (var k in new[]
                 {
                     "大学", "大学校", "研究所", "研究機構", "開発機構", "振興機構", "推進機構", "実施機構", "整備機構", "支援機構",
                     "振興会", "研究センター", "開発センター", "技術センター", "協議会", "協会", "学会", "財団", "研究院", "科学院",
                     "工業会", "連合会", "有限公司", "集団公司", "ホールディングス", "製作所", "研究会", "省", "庁",
                 })
            list.Add(new(k, KeywordRole.OrgSuffix));
        foreach (var k in new[]
                 {
                     "プロジェクト", "プログラム", "戦略", "基金", "計画", "構想", "イニシアティブ", "イニシアチブ", "フラッグシップ",
                     "推進事業", "研究開発事業", "創造事業", "助成事業", "形成事業", "開発事業", "支援事業", "構築事業", "基盤事業",
                     "インフラ事業", "基金事業", "実証事業", "創出事業", "促進事業", "加速事業", "共創事業", "拠点事業", "推進制度", "育成制度",
                 })
            list.Add(new(k, KeywordRole.ProgramSuffix));
        foreach (var k in new[] { "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "(株)", "㈱" })
            list.Add(new(k, KeywordRole.LegalForm));
        foreach (var k in EntityText.LegalForms)
            if (k.EndsWith("法人", StringComparison.Ordinal)) list.Add(new(k, KeywordRole.LegalPrefix));
        return list.ToArray();
    }

    /// <summary>
    /// Words that name no one on their own. A stem made only of these (本, 国家, 応用研究, 研究開発重点, 産学連携)
    /// makes no name: 本プロジェクト, 国家戦略, 応用研究プロジェクト are descriptions, not programmes.
    /// </summary>
    public static readonly FrozenSet<string> GenericWords = new[]
    {
        "本", "同", "各", "当", "該", "両", "全", "他", "新", "旧", "前", "後", "初", "第", "別", "次", "期", "型", "等", "及び", "その他", "各種",
        "次期", "今回", "今後", "前記", "上記", "下記", "当該", "関連", "主要", "大型", "大規模", "小規模", "中規模", "国家", "国立", "公立",
        "私立", "国内", "海外", "国際", "外国", "地方", "地域", "全国", "世界", "民間", "政府", "公的", "官民", "産学", "産学官", "共同", "連携",
        "協力", "研究", "開発", "研究開発", "技術", "技術開発", "応用", "基礎", "先導", "先端", "最先端", "次世代", "新興", "重点", "重要",
        "拠点", "形成", "人材", "育成", "教育", "研修", "訓練", "交流", "推進", "支援", "強化", "促進", "創出", "実証", "実用化", "事業化",
        "実施", "整備", "構築", "基盤", "総合", "戦略", "発展", "未来", "供給", "確保", "安定", "成長", "成果", "若手", "学術", "科学",
        "科学技術", "産業", "事業", "経営", "投資", "企業", "会社", "民間企業", "子会社", "親会社", "関連会社", "大手", "有力", "現地", "合弁",
        "持株", "自社", "他社", "全社", "単独", "機関", "研究機関", "大学", "研究所", "中核", "公募", "委託", "補助", "助成", "調査", "評価",
        "分析", "標準化", "融合", "横断", "分野", "領域", "課題", "解決", "基本", "具体", "個別", "全体", "独自", "新規", "既存", "複数", "多数",
        "一部", "同様", "一連", "長期", "中長期", "短期", "中期", "年度", "後継", "対象", "関係", "参加", "中心", "他国", "各国", "欧米", "日米",
        "米中", "府", "省", "庁", "各省", "関係省", "グループ", "プロジェクト", "プログラム", "パイロット", "モデル", "フレームワーク",
        "ビジネス", "マーケティング", "ブランド", "グローバル", "ベンチャー", "スタートアップ", "リサーチ", "テスト", "サンプル", "フェーズ",
        "国家プロジェクト", "パートナーシップ", "大", "元", "二", "三", "十", "重大", "州", "県", "市", "官", "系", "政府系", "サブ", "一般", "特別",
        "現場", "利用", "試験", "試験的", "オープン", "資金", "提供", "加速", "連邦", "学際", "職業", "注目", "ファンディング", "施設", "共用",
        "専門", "工程", "前工程", "後工程", "維持", "経済", "獲得", "規制", "知財", "従来", "参画", "計画", "取組", "取り組み", "活動",
        // a company's periods: 通期計画 and 上期計画 are its budget for the year or half, not programmes
        "通期", "今期", "来期", "前期", "上期", "下期", "半期", "四半期", "年間", "単年度", "複数年度", "期初", "期末", "月次",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const int LongestGenericWord = 8;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericLookup = GenericWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="stemKey"/> splits into <see cref="GenericWords"/> (digits allowed as ordinals).</summary>
    public static bool IsGeneric(ReadOnlySpan<char> stemKey)
    {
        if (stemKey.Length > 64) return false;
        // reach[i]: the first i characters split into generic words.
        Span<bool> reach = stackalloc bool[stemKey.Length + 1];
        reach[0] = true;
        for (int i = 0; i < stemKey.Length; i++)
        {
            if (!reach[i]) continue;
            if (char.IsAsciiDigit(stemKey[i]) || stemKey[i] is '・' or '-') { reach[i + 1] = true; continue; }
            for (int len = 1; len <= LongestGenericWord && i + len <= stemKey.Length; len++)
                if (GenericLookup.Contains(stemKey.Slice(i, len))) reach[i + len] = true;
        }
        return reach[stemKey.Length];
    }

    /// <summary>Endings that make any programme word a company's plan, not a programme: 投資戦略, AI導入プロジェクト.</summary>
    public static readonly string[] BusinessTails = Keyed(
    [
        "投資", "経営", "事業", "販売", "成長", "競争", "価格", "知財", "出口", "参入", "差別化", "調達", "営業", "撤退", "導入", "普及", "展開",
        "市場", "人材", "採用", "広報", "ビジネス", "マーケティング", "ブランド", "グローバル", "サステナビリティ", "データ活用", "DX推進",
    ]);

    private static string[] Keyed(string[] words)
    {
        for (int i = 0; i < words.Length; i++) words[i] = EntityText.Key(words[i]);
        return words;
    }

    /// <summary>Endings that make a 戦略/計画/構想 a working plan: 研究計画, 生産計画, 開発戦略.</summary>
    public static readonly string[] WorkPlanTails =
    [
        "研究", "開発", "研究開発", "技術", "製品", "商品", "生産", "設備", "整備", "作業", "製造", "実施", "年度", "行動", "中期経営", "防衛", "実験",
        "建設", "量産", "都市", "工事", "保守", "運用", "試験", "増産", "販売", "通期", "上期", "下期", "四半期", "年間", "単年度",
    ];

    /// <summary>English words that end an organisation or programme name.</summary>
    public static readonly FrozenDictionary<string, EntityType> EnglishHeads = new Dictionary<string, EntityType>(StringComparer.Ordinal)
    {
        ["University"] = EntityType.Org, ["Institute"] = EntityType.Org, ["Laboratory"] = EntityType.Org, ["Laboratories"] = EntityType.Org,
        ["Labs"] = EntityType.Org, ["Corporation"] = EntityType.Org, ["Inc"] = EntityType.Org, ["Agency"] = EntityType.Org,
        ["Foundation"] = EntityType.Org, ["Council"] = EntityType.Org, ["Association"] = EntityType.Org, ["Society"] = EntityType.Org,
        ["Academy"] = EntityType.Org, ["Center"] = EntityType.Org, ["Centre"] = EntityType.Org, ["Ministry"] = EntityType.Org,
        ["Department"] = EntityType.Org, ["Consortium"] = EntityType.Org, ["Alliance"] = EntityType.Org, ["Organization"] = EntityType.Org,
        ["Organisation"] = EntityType.Org, ["Commission"] = EntityType.Org,
        ["Corp"] = EntityType.Org, ["Ltd"] = EntityType.Org, ["LLC"] = EntityType.Org, ["GmbH"] = EntityType.Org, ["AG"] = EntityType.Org,
        ["plc"] = EntityType.Org, ["PLC"] = EntityType.Org,
        ["Project"] = EntityType.Program, ["Program"] = EntityType.Program, ["Programme"] = EntityType.Program,
        ["Initiative"] = EntityType.Program, ["Strategy"] = EntityType.Program, ["Flagship"] = EntityType.Program,
        ["Partnership"] = EntityType.Program, ["Act"] = EntityType.Program,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Capitalised English words that open sentences but no names (The University → University).</summary>
    public static readonly FrozenSet<string> EnglishDeterminers = new[]
    {
        "The", "A", "An", "This", "That", "These", "Those", "Our", "Its", "Their", "His", "Her", "Each", "Every", "Such", "Any", "All",
        "Both", "Some", "In", "At", "On", "By", "For", "With", "From", "To", "Of", "And", "Or", "As", "If", "When", "While", "Under",
        "Through", "Via", "Several", "Many", "Most", "Other", "Another", "Its", "Which", "New", "First", "Second",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>English stems too generic to name anything: Research Institute, National Laboratory.</summary>
    public static readonly FrozenSet<string> EnglishGeneric = new[]
    {
        "Research", "National", "International", "Science", "Sciences", "Technology", "Technologies", "Engineering", "Data", "Innovation",
        "Advanced", "Applied", "Global", "Joint", "Pilot", "Research and Development", "R&D", "Energy", "Quantum", "Materials",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Connecting words allowed inside an English name between capitalised words.</summary>
    public static readonly FrozenSet<string> EnglishConnectors = new[] { "of", "for", "and", "&", "on", "in", "de", "the" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Name heads that make a 「…」 quotation a programme or an organisation.</summary>
    public static readonly (string Head, EntityType Type)[] QuotedHeads =
    [
        ("プロジェクト", EntityType.Program), ("プログラム", EntityType.Program), ("戦略", EntityType.Program), ("計画", EntityType.Program),
        ("構想", EntityType.Program), ("ビジョン", EntityType.Program), ("イニシアティブ", EntityType.Program), ("イニシアチブ", EntityType.Program),
        ("事業", EntityType.Program), ("基金", EntityType.Program), ("制度", EntityType.Program), ("フラッグシップ", EntityType.Program),
        ("パートナーシップ", EntityType.Program), ("ロードマップ", EntityType.Program), ("ベルト", EntityType.Program),
        ("project", EntityType.Program), ("program", EntityType.Program), ("programme", EntityType.Program), ("initiative", EntityType.Program),
        ("strategy", EntityType.Program), ("flagship", EntityType.Program), ("partnership", EntityType.Program), ("act", EntityType.Program),
        ("plan", EntityType.Program),
        ("株式会社", EntityType.Org), ("有限公司", EntityType.Org), ("大学", EntityType.Org), ("研究所", EntityType.Org), ("機構", EntityType.Org),
        ("協議会", EntityType.Org), ("協会", EntityType.Org), ("学会", EntityType.Org), ("財団", EntityType.Org), ("センター", EntityType.Org),
        ("コンソーシアム", EntityType.Org), ("フォーラム", EntityType.Org), ("委員会", EntityType.Org), ("会議", EntityType.Org),
        ("分科会", EntityType.Org), ("研究会", EntityType.Org),
    ];
}
