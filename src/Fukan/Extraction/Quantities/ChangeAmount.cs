namespace Fukan.Extraction.Quantities;

/// <summary>
/// Reads how a figure states a change: the direction word after it (<c>12.4%増</c>, <c>1.6ポイント低下</c>,
/// <c>4円増配</c>), and whether it sits in brackets right after the amount it changes
/// (<c>営業利益は96億5千万円（同8.1%減）</c>). A change figure measures the amount before it, not the word 減,
/// so the parser gives it that amount's subject and keeps the direction in <see cref="QuantityMatch.Change"/>.
/// </summary>
internal static class ChangeAmount
{
    public const string Increase = "increase";
    public const string Decrease = "decrease";

    // Longer words first: 増加 before 増.
    private static readonly (string Word, string Change)[] Words =
    [
        ("増加", Increase), ("増配", Increase), ("増収", Increase), ("増益", Increase), ("上昇", Increase), ("向上", Increase),
        ("拡大", Increase), ("改善", Increase), ("伸長", Increase),
        ("減少", Decrease), ("減配", Decrease), ("減収", Decrease), ("減益", Decrease), ("低下", Decrease), ("縮小", Decrease),
        ("悪化", Decrease), ("下落", Decrease),
        ("増", Increase), ("減", Decrease),
    ];

    /// <summary>The longest comparison phrase allowed between the bracket and the figure: 同, 前年同期比, 対前年度.</summary>
    private const int MaxLead = 10;

    /// <summary>"increase" or "decrease" when a change word follows <paramref name="end"/>, else null.</summary>
    public static string? After(ReadOnlySpan<char> f, int end)
    {
        int a = ScanText.SkipBlank(f, end);
        foreach (var (w, c) in Words)
        {
            if (!ScanText.At(f, a, w)) continue;
            // 増/減 alone must end the word: 減価償却, 増資 are other words.
            if (w.Length == 1 && a + 1 < f.Length && (ScanText.IsKanji(f[a + 1]) || ScanText.IsKatakana(f[a + 1]))) return null;
            return c;
        }
        return null;
    }

    /// <summary>
    /// Whether <paramref name="figure"/> is a change of <paramref name="amount"/>: it opens the bracket right after the
    /// amount, behind at most a short phrase, is a percentage, points, or the amount's own unit, and either the phrase
    /// is a comparison (前年同期比, 同, 対前年度) or a change word (増, 低下) follows the figure.
    /// </summary>
    public static bool IsChangeOf(ReadOnlySpan<char> f, QuantityMatch amount, QuantityMatch figure)
    {
        int start = figure.Span.Start;
        string? unit = figure.Unit;
        if (amount.Subject is null || unit is null) return false;
        if (unit != "%" && unit != "pt" && unit != amount.Unit) return false;
        int open = ScanText.SkipBlank(f, amount.Span.End);
        if (open >= start || f[open] is not ('(' or '（')) return false;
        if (start - open - 1 > MaxLead) return false;
        for (int k = open + 1; k < start; k++)
            if (!(ScanText.IsKanji(f[k]) || ScanText.IsKatakana(f[k]) || ScanText.IsBlank(f[k]))) return false;
        // 充電時間は10分未満（残量10%から80%まで）: an aside, not a change; it needs a comparison or a change word.
        return figure.Change is not null || IsComparison(f[(open + 1)..start].Trim(' '));
    }

    /// <summary>同, 前年同期比, 対前年度, 前期比: the lead of a change figure.</summary>
    private static bool IsComparison(ReadOnlySpan<char> lead) =>
        lead.Length > 0 && (lead[^1] == '比' || lead[0] == '対' || lead.SequenceEqual("同") || lead.SequenceEqual("同期"));
}
