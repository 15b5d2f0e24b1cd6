using System.Buffers;
using System.Text;
using Fukan.Normalizing;

namespace Fukan.Extraction.Landscape;

/// <summary>
/// Collects the evidence of one comparison row from its lines: a bullet (•, ・, ●, - …), a bracketed sub-heading
/// (［EU］) or an arrow item (→CHIPS …) starts an item; other lines continue the current item, joined without a
/// space in Japanese and with one between Latin words. Unbulleted paragraphs are split where a finished sentence
/// is followed by a blank line.
/// </summary>
internal sealed class EvidenceBuilder
{
    private static readonly SearchValues<char> Bullets = SearchValues.Create("•・●◦▪▫■□◆◇※➢►▶✓✔∙⦁");

    private readonly List<string> _items = new();
    private StringBuilder? _current;
    private bool _currentMarked;
    private bool _lastEndedSentence;

    public bool IsEmpty => _items.Count == 0 && (_current is null || _current.Length == 0);

    /// <summary>Adds a (trimmed) line; <paramref name="blankBefore"/> says a blank or skipped line came before it.</summary>
    public void Add(ReadOnlySpan<char> line, bool blankBefore)
    {
        if (line.IsEmpty) return;
        int markLength = MarkerLength(line);
        bool marked = markLength > 0 || StartsEnumeration(line) || IsBracketHeading(line) || IsArrowItem(line);
        bool startNew = _current is null || marked || (!_currentMarked && blankBefore && _lastEndedSentence);
        if (startNew)
        {
            Close();
            _current = new StringBuilder(line.Length + 32);
            _currentMarked = marked;
        }
        var text = markLength > 0 ? line[markLength..].TrimStart().TrimStart('\u3000') : line;
        Append(_current!, text);
        _lastEndedSentence = PassageEnds(line);
    }

    /// <summary>
    /// Removes <paramref name="suffix"/> from the end of the last item when it is there after a space: a country
    /// label that PDF extraction appended to the last evidence line of the previous country.
    /// </summary>
    public bool TryRemoveTrailing(string suffix)
    {
        var sb = _current;
        if (sb is null || sb.Length <= suffix.Length + 1) return false;
        int at = sb.Length - suffix.Length;
        for (int i = 0; i < suffix.Length; i++) if (sb[at + i] != suffix[i]) return false;
        if (sb[at - 1] is not (' ' or '\u3000')) return false;
        sb.Length = at;
        while (sb.Length > 0 && sb[^1] is ' ' or '\u3000') sb.Length--;
        return true;
    }

    public IReadOnlyList<string> Build()
    {
        Close();
        return _items.ToArray();
    }

    private void Close()
    {
        if (_current is { Length: > 0 }) _items.Add(_current.ToString().Trim());
        _current = null;
    }

    /// <summary>Joins a wrapped line: no space in Japanese, one between Latin words.</summary>
    internal static void Append(StringBuilder sb, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        if (sb.Length > 0)
        {
            char last = sb[^1];
            char first = text[0];
            if (last is not (' ' or '\u3000' or '-' or '–' or '/' or '／' or '・') && !IsWide(last) && !IsWide(first)) sb.Append(' ');
        }
        sb.Append(text);
    }

    private static bool IsWide(char c) =>
        TextFolding.IsCjk(c) || TextFolding.IsCjkPunctuation(c) || c is >= '\uFF01' and <= '\uFF60' || c is >= '\u2460' and <= '\u24FF' || c is '、' or '。';

    /// <summary>The length of a leading bullet mark (and "- " / "* " style marks), or 0.</summary>
    internal static int MarkerLength(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty) return 0;
        char c = line[0];
        if (Bullets.Contains(c)) return 1;
        if (c is '-' or '*' or '＊' or '－' or '+' && line.Length > 1 && line[1] is ' ' or '\t' or '\u3000') return 1;
        return 0; // ①…⑳ are not stripped: they number the items (see StartsEnumeration)
    }

    /// <summary>True when the line starts an item of its own without a bullet mark: ①, (1), 1), a) …</summary>
    internal static bool StartsEnumeration(ReadOnlySpan<char> line) => !line.IsEmpty && line[0] is >= '\u2460' and <= '\u2473';

    /// <summary>A line that is only a bracketed label: ［EU］, 【英国】.</summary>
    internal static bool IsBracketHeading(ReadOnlySpan<char> line)
    {
        if (line.Length < 3) return false;
        char open = line[0];
        char close = open switch { '［' => '］', '【' => '】', '[' => ']', '〔' => '〕', _ => '\0' };
        if (close == '\0') return false;
        int end = line.IndexOf(close);
        return end > 1 && line[(end + 1)..].Trim().IsEmpty;
    }

    /// <summary>An item introduced by an arrow glued to its text (→CHIPS for America), not a trend cell.</summary>
    private static bool IsArrowItem(ReadOnlySpan<char> line) =>
        line.Length > 1 && ComparisonSymbols.IsTrend(line[0]) && !char.IsWhiteSpace(line[1]) && !ComparisonSymbols.IsTrend(line[1]) && !ComparisonSymbols.IsRating(line[1]);

    private static bool PassageEnds(ReadOnlySpan<char> line)
    {
        var t = line.TrimEnd();
        while (t.Length > 1 && t[^1] is '）' or ')' or '」' or '』') t = t[..^1];
        return !t.IsEmpty && t[^1] is '。' or '．' or '.' or '！' or '？';
    }
}
