using System.Text;

namespace Fukan.Normalizing;

/// <summary>
/// Undoes the letter-spacing PDF extraction leaves in short display strings (titles, timeline labels): a run of three
/// or more single kana or kanji separated by single spaces (<c>国 際 半 導 体</c> → <c>国際半導体</c>) and a space between a
/// number and its date or percent unit (<c>2023 年</c> → <c>2023年</c>). A space between words (<c>報告書 概要</c>, <c>AI 半導体</c>)
/// stays. Display only: source text and offsets are never changed.
/// </summary>
public static class LetterSpacing
{
    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.IndexOf(' ') < 0) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == ' ' && i > 0 && i + 1 < text.Length && (InSpacedRun(text, i) || NumberUnit(text, i))) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // 2023 年, 5 月, 30 %: the unit belongs to its number.
    private static bool NumberUnit(string t, int space) =>
        char.IsAsciiDigit(t[space - 1]) && t[space + 1] is '年' or '月' or '日' or '%' or '％' && (space + 2 >= t.Length || t[space + 2] != ' ' || t[space + 1] is '%' or '％');

    // The space sits between two single letters of a run of at least three: X Y Z.
    private static bool InSpacedRun(string t, int space)
    {
        if (!Single(t, space - 1) || !Single(t, space + 1)) return false;
        int run = 2;
        for (int k = space - 2; k >= 1 && t[k] == ' ' && Single(t, k - 1); k -= 2) run++;
        for (int k = space + 2; k + 1 < t.Length && t[k] == ' ' && Single(t, k + 1); k += 2) run++;
        return run >= 3;
    }

    // A lone CJK letter: its neighbours are spaces or the string's ends.
    private static bool Single(string t, int i) =>
        i >= 0 && i < t.Length && TextFolding.IsCjk(t[i]) && (i == 0 || t[i - 1] == ' ') && (i + 1 == t.Length || t[i + 1] == ' ');
}
