namespace Fukan.Extraction.Quantities;

/// <summary>What a scanned number looked like.</summary>
[Flags]
internal enum NumberFlags
{
    None = 0,
    /// <summary>Written (at least partly) in kanji numerals: 三千, 二〇二三.</summary>
    Kanji = 1,
    /// <summary>Has a decimal point: 18.5.</summary>
    Decimal = 2,
    /// <summary>Has thousands separators: 1,000.</summary>
    Grouped = 4,
    /// <summary>Carries a scale word: 万, 億, 兆, 百万, 8千.</summary>
    Scaled = 8,
    /// <summary>A dotted section or version number (2.1.1): not a quantity at all.</summary>
    Dotted = 16,
    /// <summary>Too large for a decimal, or cut off at the end of the text (2兆7,655): no trustworthy value.</summary>
    Overflow = 32,
}

/// <summary>A number found at [Start, End) of the folded text, with its value when it has one.</summary>
/// <remarks><see cref="Scale"/> is the multiplier of the leading group (1 for 50, 1e8 for 70億, 1e6 for 209百万), used to
/// carry a scale across a range: 50～70億 is 50億 to 70億.</remarks>
internal readonly record struct NumberToken(int Start, int End, decimal Value, NumberFlags Flags, int IntegerDigits, decimal Scale = 1m)
{
    public bool Is(NumberFlags flag) => (Flags & flag) != 0;

    /// <summary>A plain integer of four digits, the shape of a year (2023).</summary>
    public bool LooksLikeYear => Flags == NumberFlags.None && IntegerDigits == 4;
}
