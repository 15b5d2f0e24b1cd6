using Fukan.Normalizing;

namespace Fukan.Extraction.Landscape;

/// <summary>
/// The phase column of a comparison table: 基礎研究 (basic), 応用研究・開発 (applied), or another dimension a
/// table rates instead or as well (取り組み水準, 実効性, the 産業化 phase of editions before 2017 …: other). Labels are matched ignoring spaces, width and case, so
/// 「応用研究 ・ 開発」 and "Applied research" are found; a table's own legend (（註1）フェーズ) adds its labels.
/// </summary>
public sealed class PhaseLabels
{
    public const string Basic = "basic";
    public const string Applied = "applied";
    public const string Other = "other";

    // Longest first: 応用研究・開発 must win over 応用研究.
    private static readonly string[] BuiltIn =
    [
        "応用研究・開発", "応用研究･開発", "応用研究/開発", "応用研究／開発", "応用研究及び開発", "応用研究および開発", "応用研究開発",
        "応用・開発", "応用研究", "基礎研究", "基礎・基盤研究", "産業化", "産業化研究",
        "applied research and development", "applied research & development", "applied research/development",
        "applied r&d", "applied research", "basic research", "fundamental research", "industrialization", "industrialisation",
    ];

    private readonly List<string> _labels; // folded, spaces removed, longest first
    private readonly HashSet<char> _firstChars = new();

    public PhaseLabels(IEnumerable<string>? extra = null)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in BuiltIn) set.Add(Key(l));
        if (extra is not null) foreach (var l in extra) { var k = Key(l); if (k.Length > 0) set.Add(k); }
        _labels = [.. set];
        _labels.Sort((a, b) => b.Length != a.Length ? b.Length.CompareTo(a.Length) : string.CompareOrdinal(a, b));
        foreach (var l in _labels) _firstChars.Add(l[0]);
    }

    /// <summary>basic, applied or other for a label as written.</summary>
    public static string KindOf(string label)
    {
        var k = Key(label);
        if (k.Contains("基礎", StringComparison.Ordinal) || k.Contains("basic", StringComparison.Ordinal) || k.Contains("fundamental", StringComparison.Ordinal)) return Basic;
        if (k.Contains("応用", StringComparison.Ordinal) || k.Contains("開発", StringComparison.Ordinal) || k.Contains("applied", StringComparison.Ordinal)) return Applied;
        return Other;
    }

    /// <summary>
    /// The end (exclusive) of a phase label starting at <paramref name="start"/> of <paramref name="text"/>,
    /// spaces inside it allowed; -1 when none starts there.
    /// </summary>
    public int MatchAt(ReadOnlySpan<char> text, int start)
    {
        if (start >= text.Length || !_firstChars.Contains(TextFolding.Fold(text[start]))) return -1;
        foreach (var label in _labels)
        {
            int end = MatchIgnoringSpaces(text, start, label);
            if (end > 0) return end;
        }
        return -1;
    }

    /// <summary>True when <paramref name="text"/> (trimmed) is a proper prefix of a label: 「応用研究・」 wrapped before 「開発」.</summary>
    public bool IsLabelPrefix(ReadOnlySpan<char> text)
    {
        var k = Key(text.ToString());
        if (k.Length < 2) return false;
        foreach (var label in _labels)
            if (label.Length > k.Length && label.StartsWith(k, StringComparison.Ordinal)) return true;
        return false;
    }

    private static int MatchIgnoringSpaces(ReadOnlySpan<char> text, int start, string label)
    {
        int i = start, j = 0;
        while (j < label.Length)
        {
            if (i >= text.Length) return -1;
            char c = TextFolding.Fold(text[i]);
            if (c == ' ' && j > 0) { i++; continue; }
            if (c != label[j]) return -1;
            i++; j++;
        }
        return i;
    }

    /// <summary>The folded label without spaces.</summary>
    internal static string Key(string label)
    {
        var sb = new System.Text.StringBuilder(label.Length);
        foreach (char c in label)
        {
            char f = TextFolding.Fold(c);
            if (f is not ' ') sb.Append(f);
        }
        return sb.ToString();
    }
}
