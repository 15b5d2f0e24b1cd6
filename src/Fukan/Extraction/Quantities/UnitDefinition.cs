namespace Fukan.Extraction.Quantities;

/// <summary>What a unit measures, which decides how a bare number next to it is read.</summary>
internal enum UnitKind
{
    /// <summary>Money: the symbol is an ISO 4217 code.</summary>
    Currency,
    /// <summary>Percent (割 is ten percent), percentage points.</summary>
    Percent,
    /// <summary>A physical unit: nm, GW, Wh/kg, ℃ …</summary>
    Physical,
    /// <summary>A Japanese counter: 人, 社, 件, カ国 …</summary>
    Counter,
    /// <summary>A multiple: 倍, times.</summary>
    Multiple,
    /// <summary>A span of time: 年間, カ月, 分, 時間 …</summary>
    Duration,
}

/// <summary>Extra conditions a unit needs before it counts.</summary>
[Flags]
internal enum UnitRules
{
    None = 0,
    /// <summary>Only after Arabic digits (十分 is "enough", not ten minutes).</summary>
    ArabicOnly = 1,
    /// <summary>Only after a scale word (313億元), since a bare 元 is too often part of a word (3元系).</summary>
    NeedsScale = 2,
    /// <summary>Glued to the number, the next character must not be kanji or katakana (4K映像 is not 4 kelvin).</summary>
    NotGluedBeforeKanji = 4,
    /// <summary>年 as a duration: only before a bound word (10年以上), and never for a year-shaped number.</summary>
    YearDuration = 8,
}

/// <summary>
/// A unit as written after a number. <paramref name="Factor"/> scales the value into <paramref name="Symbol"/>
/// (2割 is 20 %, 2セント is 0.02 USD). <paramref name="StopNext"/> lists characters that, following the unit,
/// show it is the start of another word (分子, 社会, 円形).
/// </summary>
internal sealed record UnitDefinition(string Symbol, UnitKind Kind, decimal Factor = 1m, string StopNext = "", UnitRules Rules = UnitRules.None)
{
    public bool Has(UnitRules rule) => (Rules & rule) != 0;
}
