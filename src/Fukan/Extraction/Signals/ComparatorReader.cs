using Fukan.Extraction.Quantities;
using Fukan.Normalizing;

namespace Fukan.Extraction.Signals;

/// <summary>
/// Reads the comparison a quantity is stated with: from the parser's bound words (50%以上, 50%を超え, more than 50%)
/// and from the verbs around it (50%に達する, 50%を突破, exceeds 50%, falls below $1). Returns null for a bare value.
/// </summary>
public static class ComparatorReader
{
    private static readonly (string Suffix, SignalComparator Comparator)[] JapaneseBoundSuffixes =
    [
        ("以上", SignalComparator.AtLeast), ("を超える", SignalComparator.GreaterThan), ("を超え", SignalComparator.GreaterThan),
        ("を越える", SignalComparator.GreaterThan), ("を越え", SignalComparator.GreaterThan), ("を上回る", SignalComparator.GreaterThan),
        ("を上回", SignalComparator.GreaterThan), ("超え", SignalComparator.GreaterThan), ("超", SignalComparator.GreaterThan),
        ("余り", SignalComparator.GreaterThan), ("以下", SignalComparator.AtMost), ("以内", SignalComparator.AtMost),
        ("まで", SignalComparator.AtMost), ("未満", SignalComparator.LessThan), ("を下回る", SignalComparator.LessThan),
        ("を下回", SignalComparator.LessThan),
    ];

    /// <summary>Japanese verbs right after the quantity.</summary>
    private static readonly (string Word, SignalComparator Comparator)[] JapaneseAfter =
    [
        ("に達", SignalComparator.AtLeast), ("に到達", SignalComparator.AtLeast), ("以上に", SignalComparator.AtLeast), ("以上と", SignalComparator.AtLeast),
        ("を突破", SignalComparator.GreaterThan), ("を超", SignalComparator.GreaterThan), ("を越", SignalComparator.GreaterThan),
        ("を上回", SignalComparator.GreaterThan), ("を切", SignalComparator.LessThan), ("を割", SignalComparator.LessThan),
        ("を下回", SignalComparator.LessThan), ("未満に", SignalComparator.LessThan), ("以下に", SignalComparator.AtMost),
    ];

    /// <summary>English words right before the quantity (folded, longest first where they share a prefix).</summary>
    private static readonly (string Words, SignalComparator Comparator)[] EnglishBefore =
    [
        ("rise above", SignalComparator.GreaterThan), ("rises above", SignalComparator.GreaterThan), ("rose above", SignalComparator.GreaterThan),
        ("climb above", SignalComparator.GreaterThan), ("climbs above", SignalComparator.GreaterThan), ("climbed above", SignalComparator.GreaterThan),
        ("climbs past", SignalComparator.GreaterThan), ("climbed past", SignalComparator.GreaterThan), ("go above", SignalComparator.GreaterThan),
        ("goes above", SignalComparator.GreaterThan), ("went above", SignalComparator.GreaterThan), ("goes beyond", SignalComparator.GreaterThan),
        ("exceed", SignalComparator.GreaterThan), ("exceeds", SignalComparator.GreaterThan), ("exceeded", SignalComparator.GreaterThan),
        ("surpass", SignalComparator.GreaterThan), ("surpasses", SignalComparator.GreaterThan), ("surpassed", SignalComparator.GreaterThan),
        ("top", SignalComparator.GreaterThan), ("tops", SignalComparator.GreaterThan), ("topped", SignalComparator.GreaterThan),
        ("cross", SignalComparator.GreaterThan), ("crosses", SignalComparator.GreaterThan), ("crossed", SignalComparator.GreaterThan),
        ("pass", SignalComparator.GreaterThan), ("passes", SignalComparator.GreaterThan), ("passed", SignalComparator.GreaterThan),
        ("break", SignalComparator.GreaterThan), ("breaks", SignalComparator.GreaterThan), ("broke", SignalComparator.GreaterThan),
        ("reach", SignalComparator.AtLeast), ("reaches", SignalComparator.AtLeast), ("reached", SignalComparator.AtLeast),
        ("hit", SignalComparator.AtLeast), ("hits", SignalComparator.AtLeast), ("rise to", SignalComparator.AtLeast),
        ("rises to", SignalComparator.AtLeast), ("rose to", SignalComparator.AtLeast),
        ("fall below", SignalComparator.LessThan), ("falls below", SignalComparator.LessThan), ("fell below", SignalComparator.LessThan),
        ("drop below", SignalComparator.LessThan), ("drops below", SignalComparator.LessThan), ("dropped below", SignalComparator.LessThan),
        ("dip below", SignalComparator.LessThan), ("dips below", SignalComparator.LessThan), ("dipped below", SignalComparator.LessThan),
        ("go below", SignalComparator.LessThan), ("goes below", SignalComparator.LessThan), ("sink below", SignalComparator.LessThan),
        ("fall to", SignalComparator.AtMost), ("falls to", SignalComparator.AtMost), ("fell to", SignalComparator.AtMost),
        ("drop to", SignalComparator.AtMost), ("drops to", SignalComparator.AtMost), ("dropped to", SignalComparator.AtMost),
    ];

    private static readonly (string Prefix, SignalComparator Comparator)[] EnglishBoundPrefixes =
    [
        ("more than", SignalComparator.GreaterThan), ("over", SignalComparator.GreaterThan), ("above", SignalComparator.GreaterThan),
        ("exceeding", SignalComparator.GreaterThan), ("in excess of", SignalComparator.GreaterThan), ("upwards of", SignalComparator.GreaterThan),
        ("at least", SignalComparator.AtLeast), ("up to", SignalComparator.AtMost), ("at most", SignalComparator.AtMost),
        ("no more than", SignalComparator.AtMost), ("within", SignalComparator.AtMost), ("less than", SignalComparator.LessThan),
        ("fewer than", SignalComparator.LessThan), ("under", SignalComparator.LessThan), ("below", SignalComparator.LessThan),
    ];

    /// <summary>
    /// The comparator <paramref name="match"/> is stated with in <paramref name="text"/>, and where the comparison
    /// phrase ends (for reading what follows it). <paramref name="phraseEnd"/> is the match end when no verb follows.
    /// </summary>
    public static SignalComparator? Read(string text, QuantityMatch match, out int phraseEnd)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(match);
        phraseEnd = match.Span.End;
        var surface = match.Text;
        foreach (var (suffix, comparator) in JapaneseBoundSuffixes)
            if (surface.EndsWith(suffix, StringComparison.Ordinal))
            {
                phraseEnd = SkipVerbEnding(text, phraseEnd);
                return comparator;
            }
        var foldedSurface = TextFolding.Fold(surface);
        if (foldedSurface.EndsWith("or more", StringComparison.Ordinal) || foldedSurface.EndsWith("or above", StringComparison.Ordinal) || foldedSurface.EndsWith("or higher", StringComparison.Ordinal))
            return SignalComparator.AtLeast;
        if (foldedSurface.EndsWith("or less", StringComparison.Ordinal) || foldedSurface.EndsWith("or fewer", StringComparison.Ordinal) || foldedSurface.EndsWith("or lower", StringComparison.Ordinal))
            return SignalComparator.AtMost;
        foreach (var (prefix, comparator) in EnglishBoundPrefixes)
            if (foldedSurface.StartsWith(prefix, StringComparison.Ordinal) && foldedSurface.Length > prefix.Length && foldedSurface[prefix.Length] == ' ')
                return comparator;

        var after = text.AsSpan(match.Span.End, Math.Min(8, text.Length - match.Span.End));
        foreach (var (word, comparator) in JapaneseAfter)
            if (after.StartsWith(word, StringComparison.Ordinal))
            {
                phraseEnd = SkipVerbEnding(text, match.Span.End + word.Length);
                return comparator;
            }

        int from = Math.Max(0, match.Span.Start - 24);
        var before = TextFolding.Fold(text.AsSpan(from, match.Span.Start - from)).TrimEnd();
        (string Words, SignalComparator Comparator)? best = null;
        foreach (var entry in EnglishBefore)
            if (before.EndsWith(entry.Words, StringComparison.Ordinal)
                && (before.Length == entry.Words.Length || !char.IsAsciiLetter(before[before.Length - entry.Words.Length - 1]))
                && (best is null || entry.Words.Length > best.Value.Words.Length))
                best = entry;
        return best?.Comparator;
    }

    // "を超えた時" → past "た", "を突破すれば" → "すれ": the okurigana of the verb belongs to the phrase.
    private static int SkipVerbEnding(string text, int at)
    {
        int limit = Math.Min(text.Length, at + 3);
        while (at < limit && text[at] is 'た' or 'る' or 'す' or 'し' or 'れ' or 'っ' or 'え' or 'ら' or 'り' or 'ろ' or 'う') at++;
        return at;
    }
}
