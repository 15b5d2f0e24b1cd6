using System.Buffers;

namespace Fukan.Extraction.Landscape;

/// <summary>
/// The rating (現状) and trend (トレンド) symbols of a comparison table. Ratings: ◎ particularly remarkable (3),
/// ○ remarkable (2), △ not remarkable (1), × nothing notable (0); 〇 and ◯ are written for ○, ✕ ✖ for ×.
/// Trends over the last one to two years: ↗ up, → flat, ↘ down (↑ ⇗ ➚ …, ⇒ ➡ …, ↓ ⇘ ➘ … are read alike).
/// </summary>
public static class ComparisonSymbols
{
    private static readonly SearchValues<char> RatingChars = SearchValues.Create("◎○〇◯△×✕✖╳⨯");
    private static readonly SearchValues<char> TrendChars = SearchValues.Create("↗↑⇗➚➶⤴⬈→⇒➡➙⟶↘↓⇘➘⤵⬊");

    /// <summary>Every rating and trend symbol: a line without one near its start is not a rated row.</summary>
    public static SearchValues<char> Cells { get; } = SearchValues.Create("◎○〇◯△×✕✖╳⨯↗↑⇗➚➶⤴⬈→⇒➡➙⟶↘↓⇘➘⤵⬊");

    /// <summary>Characters that write an empty cell on purpose: －, -, ―, —, ‐.</summary>
    private static readonly SearchValues<char> DashChars = SearchValues.Create("－-―—‐ー");

    public static bool IsRating(char c) => RatingChars.Contains(c);

    public static bool IsTrend(char c) => TrendChars.Contains(c);

    public static bool IsDash(char c) => DashChars.Contains(c);

    /// <summary>The normalised rating for <paramref name="c"/>: ◎ ○ △ ×.</summary>
    public static string NormalizeRating(char c) => c switch
    {
        '◎' => "◎",
        '○' or '〇' or '◯' => "○",
        '△' => "△",
        _ => "×",
    };

    /// <summary>3 / 2 / 1 / 0 for ◎ ○ △ ×, null otherwise.</summary>
    public static int? Score(string? rating) => rating switch
    {
        "◎" => 3,
        "○" => 2,
        "△" => 1,
        "×" => 0,
        _ => null,
    };

    /// <summary>up | flat | down for a trend symbol.</summary>
    public static string NormalizeTrend(char c) => c switch
    {
        '↗' or '↑' or '⇗' or '➚' or '➶' or '⤴' or '⬈' => "up",
        '↘' or '↓' or '⇘' or '➘' or '⤵' or '⬊' => "down",
        _ => "flat",
    };

    /// <summary>The arrow shown to people for a trend name.</summary>
    public static string Arrow(string? trend) => trend switch
    {
        "up" => "↗",
        "down" => "↘",
        "flat" => "→",
        _ => "",
    };
}
