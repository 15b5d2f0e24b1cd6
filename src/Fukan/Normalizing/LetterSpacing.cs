using System.Collections.Frozen;
using System.Text;

namespace Fukan.Normalizing;

/// <summary>
/// Undoes the letter-spacing PDF extraction leaves in short display strings (titles, timeline labels). Removed: the
/// spaces of a chain of CJK letters in which every inner piece is a single letter, even when the chain's ends are glued
/// to words (<c>から国 際 半 導 体 技 術ロードマップ</c> → <c>から国際半導体技術ロードマップ</c>); the spaces of a run of single
/// Latin letters (<c>I n t e r n a t i o n a l</c>), keeping a space where a capital follows a small letter; a space
/// that cuts a capitalised word after two or three letters before a small vowel (<c>Nat ional</c>, <c>Bas ic</c>); and a
/// space between a number and its date or percent unit (<c>2023 年</c> → <c>2023年</c>). A space between words
/// (<c>報告書 概要</c>, <c>AI 半導体</c>, <c>高原 淳</c>, <c>半導体 の 動向</c>, <c>The iPhone</c>) stays. Display only: source text and offsets are
/// never changed.
/// </summary>
public static class LetterSpacing
{
    // Capitalised words of two or three letters that stand alone before a word starting with a vowel.
    private static readonly FrozenSet<string> ShortWords = FrozenSet.ToFrozenSet(
        ["An", "As", "At", "By", "Do", "Go", "He", "If", "In", "Is", "It", "Me", "My", "No", "Of", "On", "Or", "So", "To", "Up", "Us", "We",
         "All", "And", "Any", "Are", "But", "Can", "Did", "For", "Had", "Has", "Her", "His", "How", "Its", "May", "New", "Not", "Now", "Old",
         "One", "Our", "Out", "See", "She", "The", "Two", "Was", "Who", "Why", "Yes", "You", "Big", "Key", "Top", "Per", "Pre", "Non", "Mr", "Dr",
         "Ms", "St", "Co", "Inc", "Ltd", "Corp", "USA", "EU", "UK", "AI", "IT", "IoT"],
        StringComparer.Ordinal);

    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.IndexOf(' ') < 0) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == ' ' && i > 0 && i + 1 < text.Length && text[i - 1] != ' ' && text[i + 1] != ' '
                && (CjkChain(text, i) || LatinRun(text, i) || CutWord(text, i) || NumberUnit(text, i))) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // 2023 年, 5 月, 30 %: the unit belongs to its number.
    private static bool NumberUnit(string t, int space) =>
        char.IsAsciiDigit(t[space - 1]) && t[space + 1] is '年' or '月' or '日' or '%' or '％' && (space + 2 >= t.Length || t[space + 2] != ' ' || t[space + 1] is '%' or '％');

    // The pieces around the space are CJK, one of them a single letter, and the chain of single-spaced pieces whose
    // inner pieces are single letters has three spaces or more: から国 際 半 導体; not 半導体 の 動向 (two), 高原 淳 (one).
    private static bool CjkChain(string t, int space)
    {
        if (!TextFolding.IsCjk(t[space - 1]) || !TextFolding.IsCjk(t[space + 1])) return false;
        bool leftSingle = SingleLeft(t, space, TextFolding.IsCjk);
        bool rightSingle = SingleRight(t, space, TextFolding.IsCjk);
        if (!leftSingle && !rightSingle) return false;
        int spaces = 1;
        for (int k = space; SingleLeft(t, k, TextFolding.IsCjk) && k - 3 >= 0 && t[k - 2] == ' ' && TextFolding.IsCjk(t[k - 3]); k -= 2) spaces++;
        for (int k = space; SingleRight(t, k, TextFolding.IsCjk) && k + 3 < t.Length && t[k + 2] == ' ' && TextFolding.IsCjk(t[k + 3]); k += 2) spaces++;
        return spaces >= 3;
    }

    // I n t e r n a t i o n a l: a run of four or more spaces between single Latin letters (a piece may be longer at
    // the run's ends: Te c h n o l o g y); a capital after a small letter starts the next word.
    private static bool LatinRun(string t, int space)
    {
        if (!char.IsAsciiLetter(t[space - 1]) || !char.IsAsciiLetter(t[space + 1])) return false;
        if (char.IsAsciiLetterLower(t[space - 1]) && char.IsAsciiLetterUpper(t[space + 1])) return false;
        bool leftSingle = SingleLeft(t, space, char.IsAsciiLetter);
        bool rightSingle = SingleRight(t, space, char.IsAsciiLetter);
        if (!leftSingle && !rightSingle) return false;
        int spaces = 1;
        for (int k = space; SingleLeft(t, k, char.IsAsciiLetter) && k - 3 >= 0 && t[k - 2] == ' ' && char.IsAsciiLetter(t[k - 3]); k -= 2) spaces++;
        for (int k = space; SingleRight(t, k, char.IsAsciiLetter) && k + 3 < t.Length && t[k + 2] == ' ' && char.IsAsciiLetter(t[k + 3]); k += 2) spaces++;
        return spaces >= 4;
    }

    // Nat ional, Bas ic, Sc iences: a capitalised piece of two or three letters that is no word, then small letters
    // starting with a vowel.
    private static bool CutWord(string t, int space)
    {
        int ls = space;
        while (ls > 0 && char.IsAsciiLetter(t[ls - 1])) ls--;
        int len = space - ls;
        if (len is < 2 or > 3 || !char.IsAsciiLetterUpper(t[ls]) || ls > 0 && char.IsLetterOrDigit(t[ls - 1])) return false;
        for (int k = ls + 1; k < space; k++) if (!char.IsAsciiLetterLower(t[k])) return false;
        if (ShortWords.Contains(t.Substring(ls, len))) return false;
        int re = space + 1;
        while (re < t.Length && char.IsAsciiLetterLower(t[re])) re++;
        if (re - space - 1 < 2 || re < t.Length && char.IsLetterOrDigit(t[re])) return false;
        return t[space + 1] is 'a' or 'e' or 'i' or 'o' or 'u';
    }

    // The letter before the space stands alone: the character before it is a space or the string's start.
    private static bool SingleLeft(string t, int space, Func<char, bool> letter) =>
        space - 1 >= 0 && letter(t[space - 1]) && (space - 2 < 0 || t[space - 2] == ' ');

    private static bool SingleRight(string t, int space, Func<char, bool> letter) =>
        space + 1 < t.Length && letter(t[space + 1]) && (space + 2 >= t.Length || t[space + 2] == ' ');
}
