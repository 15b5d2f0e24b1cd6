using System.Collections.Frozen;
using Fukan.Normalizing;

namespace Fukan.Extraction.Landscape;

/// <summary>
/// Country and region names as comparison tables write them (日本, 米国, 欧州, 台湾, Japan …) and their codes:
/// JP, US, EU, CN, KR, ISO 3166 alpha-2 for other named countries, OTHER for a row labelled only
/// その他の国・地域, UNKNOWN for a row whose country label cannot be read.
/// </summary>
public static class CountryNames
{
    /// <summary>The code of a row labelled only その他の国・地域 (or with a placeholder such as （任意）).</summary>
    public const string Other = "OTHER";

    /// <summary>The code of a row whose country label is missing or unreadable (a warning names the line).</summary>
    public const string Unknown = "UNKNOWN";

    /// <summary>The usual columns of a CRDS comparison, in the order the tables list them.</summary>
    public static IReadOnlyList<string> MainCodes { get; } = ["JP", "US", "EU", "CN", "KR"];

    private static readonly FrozenDictionary<string, string> Codes = Build();

    /// <summary>Names by their first character, longest first, for prefix matching (日本基礎研究 without a space).</summary>
    private static readonly FrozenDictionary<char, string[]> NamesByFirst = SortedNames();

    private static FrozenDictionary<string, string> Build()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string code, params string[] names)
        {
            foreach (var n in names) d[Key(n)] = code;
        }
        Add("JP", "日本", "わが国", "我が国", "Japan", "JPN");
        Add("US", "米国", "アメリカ", "アメリカ合衆国", "米", "USA", "US", "U.S.", "United States", "America");
        Add("EU", "欧州", "EU", "ヨーロッパ", "欧州連合", "欧州（EU）", "欧州(EU)", "Europe", "European Union");
        Add("CN", "中国", "中華人民共和国", "China", "PRC");
        Add("KR", "韓国", "大韓民国", "Korea", "South Korea", "Republic of Korea");
        Add("TW", "台湾", "Taiwan");
        Add("IN", "インド", "India");
        Add("GB", "英国", "イギリス", "UK", "United Kingdom", "Britain");
        Add("DE", "ドイツ", "独", "Germany");
        Add("FR", "フランス", "仏", "France");
        Add("IT", "イタリア", "Italy");
        Add("ES", "スペイン", "Spain");
        Add("NL", "オランダ", "Netherlands");
        Add("BE", "ベルギー", "Belgium");
        Add("CH", "スイス", "Switzerland");
        Add("AT", "オーストリア", "Austria");
        Add("SE", "スウェーデン", "Sweden");
        Add("FI", "フィンランド", "Finland");
        Add("DK", "デンマーク", "Denmark");
        Add("NO", "ノルウェー", "Norway");
        Add("PL", "ポーランド", "Poland");
        Add("IE", "アイルランド", "Ireland");
        Add("CA", "カナダ", "Canada");
        Add("AU", "オーストラリア", "豪州", "Australia");
        Add("NZ", "ニュージーランド", "New Zealand");
        Add("SG", "シンガポール", "Singapore");
        Add("IL", "イスラエル", "Israel");
        Add("RU", "ロシア", "Russia");
        Add("BR", "ブラジル", "Brazil");
        Add("MX", "メキシコ", "Mexico");
        Add("SA", "サウジアラビア", "Saudi Arabia");
        Add("AE", "アラブ首長国連邦", "UAE");
        Add("TH", "タイ", "Thailand");
        Add("VN", "ベトナム", "Vietnam");
        Add("MY", "マレーシア", "Malaysia");
        Add("ID", "インドネシア", "Indonesia");
        Add("PH", "フィリピン", "Philippines");
        Add("HK", "香港", "Hong Kong");
        Add("ZA", "南アフリカ", "South Africa");
        Add("TR", "トルコ", "Turkey");
        Add("EG", "エジプト", "Egypt");
        Add("NG", "ナイジェリア", "Nigeria");
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<char, string[]> SortedNames()
    {
        var groups = new Dictionary<char, List<string>>();
        foreach (var k in Codes.Keys)
        {
            if (k.Length < 2) continue; // 米 / 独 alone are too short to match as prefixes
            if (!groups.TryGetValue(k[0], out var list)) groups[k[0]] = list = new List<string>();
            list.Add(k);
        }
        var result = new Dictionary<char, string[]>();
        foreach (var (c, list) in groups)
        {
            list.Sort((a, b) => b.Length != a.Length ? b.Length.CompareTo(a.Length) : string.CompareOrdinal(a, b));
            result[c] = list.ToArray();
        }
        return result.ToFrozenDictionary();
    }

    /// <summary>
    /// A cheap filter before <see cref="CodeOf"/>: false when <paramref name="text"/> cannot be a known name (or a
    /// bracketed one) because of its first character.
    /// </summary>
    public static bool MayStartName(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return false;
        char c = TextFolding.Fold(text[0]);
        return FirstChars.Contains(c) || IsOpen(text[0]);
    }

    private static readonly FrozenSet<char> FirstChars = BuildFirstChars();

    private static FrozenSet<char> BuildFirstChars()
    {
        var set = new HashSet<char>();
        foreach (var k in Codes.Keys) set.Add(k[0]);
        return set.ToFrozenSet();
    }

    /// <summary>The code for a country or region name as written, or null when it is not a known name.</summary>
    public static string? CodeOf(string name)
    {
        var key = Key(StripBrackets(name));
        return key.Length == 0 ? null : Codes.GetValueOrDefault(key);
    }

    /// <summary>
    /// The code for a label of the その他 kind: その他の国・地域 → OTHER; その他の国・地域（台湾）→ TW when the
    /// brackets name one known country, else OTHER (（任意）, several countries).
    /// </summary>
    public static string CodeOfOther(string label)
    {
        int open = label.IndexOfAny(['（', '(']);
        if (open < 0) return Other;
        int close = label.IndexOfAny(['）', ')'], open + 1);
        var inner = close > open ? label[(open + 1)..close] : label[(open + 1)..];
        return CodeOf(inner) ?? Other;
    }

    /// <summary>True when <paramref name="label"/> is the その他 (other countries) label or its start.</summary>
    public static bool IsOtherLabel(ReadOnlySpan<char> label) =>
        label.StartsWith("その他", StringComparison.Ordinal) || label.StartsWith("Other", StringComparison.OrdinalIgnoreCase)
        || label.StartsWith("他の国", StringComparison.Ordinal);

    /// <summary>
    /// The length of a known country name at the start of <paramref name="text"/> (ignoring case and width),
    /// or 0. Used for rows whose country and phase share a line without a space.
    /// </summary>
    public static int PrefixLength(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !NamesByFirst.TryGetValue(TextFolding.Fold(text[0]), out var names)) return 0;
        int n = Math.Min(text.Length, 32);
        Span<char> folded = stackalloc char[n];
        for (int i = 0; i < n; i++) folded[i] = TextFolding.Fold(text[i]);
        foreach (var name in names)
            if (((ReadOnlySpan<char>)folded).StartsWith(name, StringComparison.Ordinal)) return name.Length;
        return 0;
    }

    /// <summary>Brackets around a label (【日本】, ［欧州］, (EU)) and surrounding spaces removed.</summary>
    public static string StripBrackets(string label)
    {
        var t = label.AsSpan().Trim().Trim('\u3000');
        while (t.Length >= 2 && IsOpen(t[0]) && IsClose(t[^1])) t = t[1..^1].Trim().Trim('\u3000');
        return t.ToString();
    }

    private static bool IsOpen(char c) => c is '【' or '［' or '[' or '(' or '（' or '〔' or '「' or '<' or '＜';

    private static bool IsClose(char c) => c is '】' or '］' or ']' or ')' or '）' or '〕' or '」' or '>' or '＞';

    /// <summary>The lookup key: folded (width, case), spaces removed.</summary>
    internal static string Key(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length);
        foreach (char c in name)
        {
            char f = TextFolding.Fold(c);
            if (f != ' ') sb.Append(f);
        }
        return sb.ToString();
    }
}
