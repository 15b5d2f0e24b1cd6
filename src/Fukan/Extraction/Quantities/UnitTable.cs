using System.Collections.Frozen;

namespace Fukan.Extraction.Quantities;

/// <summary>
/// The units, currencies and scale words the quantity scanner knows, built once and read as frozen tables.
/// Symbols match case-sensitively (mW is not MW); English words match ignoring case.
/// </summary>
internal sealed class UnitTable
{
    private readonly FrozenDictionary<string, UnitDefinition> _symbols;
    private readonly FrozenDictionary<string, UnitDefinition>.AlternateLookup<ReadOnlySpan<char>> _symbolLookup;
    private readonly FrozenDictionary<string, UnitDefinition> _words;
    private readonly FrozenDictionary<string, UnitDefinition>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly FrozenDictionary<string, decimal> _scaleWords;
    private readonly FrozenDictionary<string, decimal>.AlternateLookup<ReadOnlySpan<char>> _scaleLookup;
    private readonly FrozenDictionary<string, string> _codes;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _codeLookup;
    private readonly int _maxSymbol;

    public UnitTable()
    {
        var symbols = new Dictionary<string, UnitDefinition>(StringComparer.Ordinal);
        AddCurrencies(symbols);
        AddPhysical(symbols);
        AddCounters(symbols);
        _symbols = symbols.ToFrozenDictionary(StringComparer.Ordinal);
        _symbolLookup = _symbols.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var k in _symbols.Keys) _maxSymbol = Math.Max(_maxSymbol, k.Length);

        _words = EnglishWords().ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();

        _scaleWords = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
        {
            ["thousand"] = 1e3m, ["million"] = 1e6m, ["millions"] = 1e6m, ["billion"] = 1e9m, ["billions"] = 1e9m,
            ["trillion"] = 1e12m, ["mn"] = 1e6m, ["mln"] = 1e6m, ["bn"] = 1e9m, ["tn"] = 1e12m,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _scaleLookup = _scaleWords.GetAlternateLookup<ReadOnlySpan<char>>();

        _codes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["USD"] = "USD", ["EUR"] = "EUR", ["JPY"] = "JPY", ["KRW"] = "KRW", ["CNY"] = "CNY", ["RMB"] = "CNY",
            ["GBP"] = "GBP", ["SGD"] = "SGD", ["TWD"] = "TWD", ["HKD"] = "HKD", ["AUD"] = "AUD", ["CAD"] = "CAD",
            ["CHF"] = "CHF", ["INR"] = "INR",
        }.ToFrozenDictionary(StringComparer.Ordinal);
        _codeLookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The longest unit symbol at <paramref name="i"/> whose word-boundary and stop rules hold. <paramref name="glued"/>
    /// says whether it touches the number (no blank between).
    /// </summary>
    public bool TryMatchSymbol(ReadOnlySpan<char> f, int i, bool glued, out UnitDefinition unit, out int length)
    {
        int max = Math.Min(_maxSymbol, f.Length - i);
        for (int len = max; len >= 1; len--)
        {
            if (!_symbolLookup.TryGetValue(f.Slice(i, len), out var def)) continue;
            int next = i + len;
            char last = f[next - 1];
            if (next < f.Length)
            {
                char c = f[next];
                // nm in "nmol", V in "Vision": an ASCII unit must end its word.
                if (ScanText.IsAsciiLetter(last) && ScanText.IsAsciiLetterOrDigit(c)) continue;
                if (def.StopNext.Length > 0 && def.StopNext.Contains(c)) continue;
                if (glued && def.Has(UnitRules.NotGluedBeforeKanji) && (ScanText.IsKanji(c) || ScanText.IsKatakana(c))) continue;
            }
            unit = def;
            length = len;
            return true;
        }
        return TryMatchSpacedOut(f, i, out unit, out length);
    }

    /// <summary>
    /// A Japanese unit whose characters PDF extraction spaced out (<c>ユ ー ロ</c>): matched on the characters
    /// without the single blanks between them.
    /// </summary>
    private bool TryMatchSpacedOut(ReadOnlySpan<char> f, int i, out UnitDefinition unit, out int length)
    {
        unit = null!;
        length = 0;
        if (i + 2 >= f.Length || !IsWide(f[i]) || !ScanText.IsBlank(f[i + 1]) || !IsWide(f[i + 2])) return false;
        Span<char> buf = stackalloc char[_maxSymbol];
        Span<int> ends = stackalloc int[_maxSymbol];
        int n = 0, k = i;
        while (n < _maxSymbol)
        {
            buf[n] = f[k];
            ends[n] = k + 1;
            n++;
            if (k + 2 < f.Length && ScanText.IsBlank(f[k + 1]) && IsWide(f[k + 2])) k += 2;
            else break;
        }
        for (int len = n; len >= 2; len--)
        {
            if (!_symbolLookup.TryGetValue(buf[..len], out var def)) continue;
            int next = ends[len - 1];
            if (next < f.Length && def.StopNext.Length > 0 && def.StopNext.Contains(f[next])) continue;
            unit = def;
            length = next - i;
            return true;
        }
        return false;
    }

    private static bool IsWide(char c) => ScanText.IsKatakana(c) || ScanText.IsKanji(c);

    /// <summary>An English unit word at <paramref name="i"/> (percent, dollars, euros, years …).</summary>
    public bool TryMatchWord(ReadOnlySpan<char> f, int i, out UnitDefinition unit, out int length)
    {
        int j = i;
        while (j < f.Length && ScanText.IsAsciiLetter(f[j])) j++;
        unit = null!;
        length = 0;
        if (j == i) return false;
        if (_wordLookup.TryGetValue(f[i..j], out var def))
        {
            // "US dollars", "per cent": two-word forms.
            unit = def;
            length = j - i;
            return true;
        }
        if ((f[i..j].Equals("US", StringComparison.Ordinal) || f[i..j].Equals("U", StringComparison.Ordinal)) && j < f.Length)
        {
            int k = j;
            if (f[i..j].Equals("U", StringComparison.Ordinal)) { if (!ScanText.At(f, j, ".S.")) return false; k = j + 3; }
            k = ScanText.SkipBlank(f, k);
            int e = k;
            while (e < f.Length && ScanText.IsAsciiLetter(f[e])) e++;
            if (e > k && _wordLookup.TryGetValue(f[k..e], out var d2) && d2.Symbol == "USD")
            {
                unit = d2;
                length = e - i;
                return true;
            }
        }
        if (f[i..j].Equals("per", StringComparison.OrdinalIgnoreCase))
        {
            int k = ScanText.SkipBlank(f, j);
            if (ScanText.StartsWithWord(f, k, "cent"))
            {
                unit = _words["percent"];
                length = k + 4 - i;
                return true;
            }
        }
        return false;
    }

    /// <summary>An English scale word at <paramref name="i"/> (million, bn …), ending its word.</summary>
    public bool TryMatchScaleWord(ReadOnlySpan<char> f, int i, out decimal scale, out int length)
    {
        int j = i;
        while (j < f.Length && ScanText.IsAsciiLetter(f[j])) j++;
        scale = 0m;
        length = 0;
        if (j == i || !_scaleLookup.TryGetValue(f[i..j], out scale)) return false;
        length = j - i;
        return true;
    }

    /// <summary>An ISO 4217 code at [i, i+3) standing as a word.</summary>
    public bool TryMatchCode(ReadOnlySpan<char> f, int i, out string code)
    {
        code = "";
        if (i + 3 > f.Length) return false;
        if (i > 0 && ScanText.IsAsciiLetter(f[i - 1])) return false;
        if (i + 3 < f.Length && ScanText.IsAsciiLetter(f[i + 3])) return false;
        if (!_codeLookup.TryGetValue(f.Slice(i, 3), out var c)) return false;
        code = c;
        return true;
    }

    /// <summary>A currency sign or signed prefix ending just before <paramref name="end"/>: $, US$, €, £, ¥, S$ ….</summary>
    public static bool TryMatchCurrencySignBefore(ReadOnlySpan<char> f, int end, out string code, out int start)
    {
        code = "";
        start = end;
        if (end <= 0) return false;
        char c = f[end - 1];
        switch (c)
        {
            case '€': code = "EUR"; start = end - 1; return true;
            case '£': code = "GBP"; start = end - 1; return true;
            case '¥': code = "JPY"; start = end - 1; return true;
            case '$':
                start = end - 1;
                code = "USD";
                if (ScanText.Before(f, start, "US")) { start -= 2; }
                else if (ScanText.Before(f, start, "NT")) { start -= 2; code = "TWD"; }
                else if (ScanText.Before(f, start, "HK")) { start -= 2; code = "HKD"; }
                else if (ScanText.Before(f, start, "S")) { start -= 1; code = "SGD"; }
                else if (ScanText.Before(f, start, "A")) { start -= 1; code = "AUD"; }
                else if (ScanText.Before(f, start, "C")) { start -= 1; code = "CAD"; }
                // A letter before the sign means it was part of a word: keep the plain $.
                if (start > 0 && ScanText.IsAsciiLetter(f[start - 1]) && start != end - 1) { start = end - 1; code = "USD"; }
                return true;
            default:
                return false;
        }
    }

    private static void AddCurrencies(Dictionary<string, UnitDefinition> d)
    {
        // 円 starts many words (円形, 円筒, 円盤); after a number those are shapes, not yen.
        d["円"] = new("JPY", UnitKind.Currency, StopNext: "形筒盤柱錐環周弧滑熟卓");
        d["ドル"] = new("USD", UnitKind.Currency);
        d["米ドル"] = new("USD", UnitKind.Currency);
        d["USドル"] = new("USD", UnitKind.Currency);
        d["US ドル"] = new("USD", UnitKind.Currency);
        d["豪ドル"] = new("AUD", UnitKind.Currency);
        d["カナダドル"] = new("CAD", UnitKind.Currency);
        d["香港ドル"] = new("HKD", UnitKind.Currency);
        d["台湾ドル"] = new("TWD", UnitKind.Currency);
        d["新台湾ドル"] = new("TWD", UnitKind.Currency);
        d["シンガポールドル"] = new("SGD", UnitKind.Currency);
        d["ユーロ"] = new("EUR", UnitKind.Currency);
        d["ポンド"] = new("GBP", UnitKind.Currency);
        d["英ポンド"] = new("GBP", UnitKind.Currency);
        d["ウォン"] = new("KRW", UnitKind.Currency);
        d["人民元"] = new("CNY", UnitKind.Currency);
        d["元"] = new("CNY", UnitKind.Currency, StopNext: "素系年来気", Rules: UnitRules.NeedsScale);
        d["ルピー"] = new("INR", UnitKind.Currency);
        d["スイスフラン"] = new("CHF", UnitKind.Currency);
        d["セント"] = new("USD", UnitKind.Currency, Factor: 0.01m);
        d["銭"] = new("JPY", UnitKind.Currency, Factor: 0.01m, StopNext: "湯");
        d["$"] = new("USD", UnitKind.Currency);
        foreach (var code in new[] { "USD", "EUR", "JPY", "KRW", "CNY", "GBP", "SGD", "TWD", "HKD", "AUD", "CAD", "CHF", "INR" })
            d[code] = new(code, UnitKind.Currency);
        d["RMB"] = new("CNY", UnitKind.Currency);
        d["%"] = new("%", UnitKind.Percent);
        d["パーセント"] = new("%", UnitKind.Percent);
        d["wt%"] = new("wt%", UnitKind.Percent);
        d["at%"] = new("at%", UnitKind.Percent);
        d["mol%"] = new("mol%", UnitKind.Percent);
        d["vol%"] = new("vol%", UnitKind.Percent);
        d["ポイント"] = new("pt", UnitKind.Percent);
        d["割"] = new("%", UnitKind.Percent, Factor: 10m, StopNext: "合引当りるれっ込愛烹振");
    }

    private static void AddPhysical(Dictionary<string, UnitDefinition> d)
    {
        void P(string symbol, params string[] spellings)
        {
            foreach (var s in spellings) d[s] = new(symbol, UnitKind.Physical);
        }
        // Length, area, volume.
        P("nm", "nm", "ナノメートル", "㎚");
        P("μm", "μm", "マイクロメートル", "ミクロン", "㎛");
        P("mm", "mm", "ミリメートル", "㎜");
        P("cm", "cm", "センチメートル", "㎝");
        P("m", "m", "メートル");
        P("km", "km", "キロメートル", "㎞");
        P("Å", "Å", "Å", "オングストローム");
        P("cm2", "cm2", "cm²", "㎠");
        P("mm2", "mm2", "mm²", "㎟");
        P("m2", "m2", "m²", "㎡", "平方メートル");
        P("km2", "km2", "km²", "㎢", "平方キロメートル");
        P("m3", "m3", "m³", "㎥", "立方メートル");
        P("Nm3", "Nm3", "Nm³");
        P("mL", "mL", "ml", "ミリリットル");
        P("μL", "μL", "μl");
        P("L", "リットル");
        // Mass.
        P("kg", "kg", "キログラム", "㎏");
        P("g", "g", "グラム");
        P("mg", "mg", "ミリグラム", "㎎");
        P("μg", "μg");
        P("t", "トン");
        P("Mt", "Mt", "メガトン");
        // Temperature, pressure.
        P("°C", "℃", "°C", "度C");
        P("atm", "気圧", "atm");
        P("Pa", "Pa", "パスカル");
        P("kPa", "kPa", "キロパスカル");
        P("MPa", "MPa", "メガパスカル");
        P("GPa", "GPa", "ギガパスカル");
        P("hPa", "hPa", "ヘクトパスカル");
        P("Torr", "Torr");
        // Energy, power, charge.
        P("W", "W", "ワット");
        P("mW", "mW", "ミリワット");
        P("μW", "μW");
        P("kW", "kW", "キロワット");
        P("MW", "MW", "メガワット");
        P("GW", "GW", "ギガワット");
        P("TW", "TW", "テラワット");
        P("Wh", "Wh", "ワット時");
        P("kWh", "kWh", "キロワット時");
        P("MWh", "MWh", "メガワット時");
        P("GWh", "GWh", "ギガワット時");
        P("TWh", "TWh", "テラワット時");
        P("Wh/kg", "Wh/kg", "Wh kg-1");
        P("Wh/L", "Wh/L", "Wh/l");
        P("mAh", "mAh");
        P("mAh/g", "mAh/g", "mAh g-1");
        P("Ah", "Ah");
        P("W/kg", "W/kg");
        P("kW/kg", "kW/kg");
        P("W/cm2", "W/cm2", "W/cm²");
        P("mW/cm2", "mW/cm2", "mW/cm²");
        P("W/mK", "W/mK", "W/(m·K)", "W/m·K");
        P("kJ", "kJ");
        P("MJ", "MJ");
        P("GJ", "GJ");
        P("mJ", "mJ");
        P("eV", "eV", "電子ボルト");
        P("meV", "meV");
        P("keV", "keV");
        P("MeV", "MeV");
        P("GeV", "GeV");
        // Electrical and magnetic.
        P("V", "V", "ボルト");
        P("mV", "mV");
        P("kV", "kV");
        P("mA", "mA");
        P("μA", "μA");
        P("kA", "kA");
        P("mA/cm2", "mA/cm2", "mA/cm²");
        P("A/cm2", "A/cm2", "A/cm²");
        P("Ω", "Ω", "オーム");
        P("kΩ", "kΩ");
        P("mΩ", "mΩ");
        P("S/cm", "S/cm");
        P("mS/cm", "mS/cm");
        P("cm2/Vs", "cm2/Vs", "cm2/V·s", "cm²/Vs", "cm2/(V·s)");
        P("mT", "mT");
        P("T", "テスラ");
        P("Hz", "Hz", "ヘルツ");
        P("kHz", "kHz");
        P("MHz", "MHz");
        P("GHz", "GHz", "ギガヘルツ");
        P("THz", "THz", "テラヘルツ");
        P("dB", "dB", "デシベル");
        P("ppm", "ppm");
        P("ppb", "ppb");
        // Information.
        P("bit", "bit", "ビット");
        P("qubit", "量子ビット", "qubit", "qubits");
        P("Gbps", "Gbps", "Gb/s");
        P("Mbps", "Mbps", "Mb/s");
        P("Tbps", "Tbps", "Tb/s");
        P("KB", "KB");
        P("MB", "MB");
        P("GB", "GB", "ギガバイト");
        P("TB", "TB", "テラバイト");
        P("PB", "PB", "ペタバイト");
        P("EB", "EB", "エクサバイト");
        P("ZB", "ZB", "ゼタバイト");
        P("FLOPS", "FLOPS");
        P("TFLOPS", "TFLOPS");
        P("PFLOPS", "PFLOPS");
        P("EFLOPS", "EFLOPS");
        P("TOPS", "TOPS");
        P("km/h", "km/h");
        P("m/s", "m/s");
        P("km/s", "km/s");
        // Torque and force: 180 Nm (Nm3 is the longer symbol and wins where it applies).
        P("N·m", "N·m", "Nm", "N・m", "ニュートンメートル");
        P("kN", "kN", "キロニュートン");
        P("MA", "MA", "メガアンペア");
        // Single uppercase letters are units only when they cannot be a model name (4K映像).
        d["K"] = new("K", UnitKind.Physical, Rules: UnitRules.NotGluedBeforeKanji);
        P("mK", "mK");
        P("h", "h");
        P("ms", "ms");
        P("μs", "μs");
        P("ns", "ns");
        P("ps", "ps");
        P("fs", "fs");
        P("min", "min");

        // Time spans. 分 starts many words (分子, 分野, 分離); 時間 and 分間 are safe.
        d["分"] = new("min", UnitKind.Duration, StopNext: "子野離圧散析類布解化岐割裂光極量数母の配担業身別泌娩冊節科隊署権家際体娩流級界列",
            Rules: UnitRules.ArabicOnly);
        d["分間"] = new("min", UnitKind.Duration);
        d["秒"] = new("s", UnitKind.Duration, StopNext: "速針");
        d["秒間"] = new("s", UnitKind.Duration);
        d["時間"] = new("h", UnitKind.Duration, StopNext: "軸割帯外内");
        d["日間"] = new("d", UnitKind.Duration);
        d["週間"] = new("wk", UnitKind.Duration);
        foreach (var s in new[] { "カ月", "か月", "ヶ月", "ケ月", "ヵ月", "箇月", "ケ月間", "カ月間", "か月間", "ヶ月間" })
            d[s] = new("mo", UnitKind.Duration);
        d["年間"] = new("yr", UnitKind.Duration);
        d["カ年"] = new("yr", UnitKind.Duration);
        d["ヵ年"] = new("yr", UnitKind.Duration);
        d["か年"] = new("yr", UnitKind.Duration);
        d["年"] = new("yr", UnitKind.Duration, Rules: UnitRules.YearDuration);

        d["倍"] = new("x", UnitKind.Multiple, StopNext: "率数");
        // 3桁: orders of magnitude (or digits); 桁違い is a word.
        d["桁"] = new("桁", UnitKind.Multiple, StopNext: "違外数");
    }

    private static void AddCounters(Dictionary<string, UnitDefinition> d)
    {
        d["人"] = new("人", UnitKind.Counter, StopNext: "工間材類体気物的口事権称格種為件造");
        d["名"] = new("人", UnitKind.Counter, StopNext: "前称古目誉簿詞義声所門刺人高物手乗曲案作言産店医著字鑑");
        d["社"] = new("社", UnitKind.Counter, StopNext: "会長員内外是屋殿寺宅債団説製名交風旗歌史用章印務有製");
        d["件"] = new("件", UnitKind.Counter, StopNext: "名費目");
        d["台"] = new("台", UnitKind.Counter, StopNext: "湾頭所帳風地座本詞形");
        d["個"] = new("個", UnitKind.Counter, StopNext: "人別体性所々室展票");
        d["枚"] = new("枚", UnitKind.Counter, StopNext: "挙");
        // 原発10基, ブイ80基 (installations); 基本, 基準, 基金, 基地 … are words.
        d["基"] = new("基", UnitKind.Counter, StopNext: "本準金地盤礎幹調軸板底点数");
        // 1,000回以上 (cycles, repetitions); 回路, 回転, 回収 … are words and 3回目 is an ordinal.
        d["回"] = new("回", UnitKind.Counter, StopNext: "路転収答復帰避目線覧忌診生顧想送遊廊航向");
        d["歳"] = new("歳", UnitKind.Counter, StopNext: "出入月末暮");
        foreach (var s in new[] { "カ国", "か国", "ヶ国", "ケ国", "ヵ国", "箇国" }) d[s] = new("カ国", UnitKind.Counter);
        foreach (var s in new[] { "カ所", "か所", "ヶ所", "ケ所", "ヵ所", "箇所" }) d[s] = new("カ所", UnitKind.Counter);
    }

    private static Dictionary<string, UnitDefinition> EnglishWords()
    {
        var d = new Dictionary<string, UnitDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in new[] { "dollar", "dollars" }) d[w] = new("USD", UnitKind.Currency);
        foreach (var w in new[] { "euro", "euros" }) d[w] = new("EUR", UnitKind.Currency);
        foreach (var w in new[] { "yen" }) d[w] = new("JPY", UnitKind.Currency);
        foreach (var w in new[] { "won" }) d[w] = new("KRW", UnitKind.Currency);
        foreach (var w in new[] { "yuan", "renminbi" }) d[w] = new("CNY", UnitKind.Currency);
        foreach (var w in new[] { "pound", "pounds" }) d[w] = new("GBP", UnitKind.Currency);
        foreach (var w in new[] { "cent", "cents" }) d[w] = new("USD", UnitKind.Currency, Factor: 0.01m);
        foreach (var w in new[] { "percent", "pct" }) d[w] = new("%", UnitKind.Percent);
        foreach (var w in new[] { "year", "years" }) d[w] = new("yr", UnitKind.Duration);
        foreach (var w in new[] { "month", "months" }) d[w] = new("mo", UnitKind.Duration);
        foreach (var w in new[] { "week", "weeks" }) d[w] = new("wk", UnitKind.Duration);
        foreach (var w in new[] { "day", "days" }) d[w] = new("d", UnitKind.Duration);
        foreach (var w in new[] { "hour", "hours" }) d[w] = new("h", UnitKind.Duration);
        foreach (var w in new[] { "minute", "minutes" }) d[w] = new("min", UnitKind.Duration);
        foreach (var w in new[] { "second", "seconds" }) d[w] = new("s", UnitKind.Duration);
        foreach (var w in new[] { "times", "fold" }) d[w] = new("x", UnitKind.Multiple);
        foreach (var w in new[] { "nanometer", "nanometers", "nanometre", "nanometres" }) d[w] = new("nm", UnitKind.Physical);
        foreach (var w in new[] { "kilometer", "kilometers", "kilometre", "kilometres" }) d[w] = new("km", UnitKind.Physical);
        foreach (var w in new[] { "gigawatt", "gigawatts" }) d[w] = new("GW", UnitKind.Physical);
        foreach (var w in new[] { "megawatt", "megawatts" }) d[w] = new("MW", UnitKind.Physical);
        foreach (var w in new[] { "qubit", "qubits" }) d[w] = new("qubit", UnitKind.Physical);
        foreach (var w in new[] { "people", "persons", "researchers", "employees", "workers" }) d[w] = new("人", UnitKind.Counter);
        foreach (var w in new[] { "companies", "firms" }) d[w] = new("社", UnitKind.Counter);
        foreach (var w in new[] { "countries" }) d[w] = new("カ国", UnitKind.Counter);
        foreach (var w in new[] { "cycle", "cycles" }) d[w] = new("回", UnitKind.Counter);
        foreach (var w in new[] { "units" }) d[w] = new("台", UnitKind.Counter);
        return d;
    }
}
