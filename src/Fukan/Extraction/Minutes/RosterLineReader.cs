using System.Text;
using Fukan.Extraction.Entities;

namespace Fukan.Extraction.Minutes;

/// <summary>
/// Reads one line of the roster of an assembly or Diet sitting, the layouts a council's attendee list never has:
/// seat numbers (<c>1番 小川 克也 2番 佐野 英俊</c>), names ending in 君 (<c>理事 大串 正樹君 理事 小泉進次郎君</c>),
/// office-then-name pairs several to a line (<c>村 長 萩原 達雄 副 村 長 齋藤 一郎</c>,
/// <c>健康福祉課長 早坂紀美江 産業振興課長 渡邉 愛</c>), and letter-spaced lines (<c>副 市 長 清 水 幸 雄</c>,
/// <c>木 原 大 輔 重 信 元 子</c>). Letter-spacing is removed from names.
/// </summary>
/// <remarks>
/// A letter-spaced line is read as one entry: the office is the longest head ending in an office word (長, 者, 記 …)
/// that leaves a name of two to five characters. A letter-spaced line of names only holds one or two names; two are
/// cut after four characters (the commonest length of a Japanese name), since the spacing no longer tells.
/// A line that is only an office (<c>会 計 課 長</c>, the second line of a wrapped office) yields no entry.
/// </remarks>
internal static class RosterLineReader
{
    /// <summary>The last character of an office: 村長, 管理者, 書記, 参事, 審議官, 職員, 監, 取締役, 参与, 課長補佐, 顧問, 主任, 主幹, 主査, 事務局.</summary>
    private const string OfficeEnds = "長者記事官員監役与佐問任幹査局";

    /// <summary>One entry: the name (spacing removed), the office as written (spacing removed, may be empty), where it sits.</summary>
    public readonly record struct Entry(string Name, string Office, int Start, int End);

    /// <summary>True when the line has a roster's shape (seat numbers, 君, letter-spacing, office-name pairs).</summary>
    public static bool Looks(ReadOnlySpan<char> line, bool assembly)
    {
        if (SeatAt(line, 0, out _) >= 0 || line.IndexOf('君') > 0) return true;
        var tokens = Tokens(line);
        if (tokens.Count == 0) return false;
        foreach (var (s, e) in tokens)
            if (!IsNameChars(line[s..e])) return false;
        if (LetterSpaced(tokens)) return true;
        if (!assembly || tokens.Count < 2) return false;
        // The line opens with an office, written whole (企画財政課長) or letter-spaced (村 長, 教 育 長).
        var head = new StringBuilder();
        for (int k = 0; k < tokens.Count - 1 && k < 6; k++)
        {
            head.Append(line[tokens[k].Start..tokens[k].End]);
            if (IsOffice(head.ToString())) return true;
            if (tokens[k].End - tokens[k].Start > 1) break;
        }
        return false;
    }

    /// <summary>The entries of a roster line; empty when it holds none (an office alone, なし).</summary>
    public static List<Entry> Read(string line)
    {
        var output = new List<Entry>();
        if (SeatAt(line, 0, out _) >= 0) Seats(line, output);
        else if (line.IndexOf('君') > 0) Kun(line, output);
        else
        {
            var tokens = Tokens(line);
            Pairs(line, tokens, output);
            // A letter-spaced line holds one entry unless it reads as several office-name pairs (町 長 木下 誠 副 町 長 …).
            if (LetterSpaced(tokens) && output.Count < 2)
            {
                output.Clear();
                Spaced(line, tokens, output);
            }
        }
        return output;
    }

    // 1番 小川 克也 2番 佐野 英俊 / １番　山 田 花 子(議長)
    private static void Seats(string line, List<Entry> output)
    {
        int at = SeatAt(line, 0, out int len);
        while (at >= 0)
        {
            int start = at + len;
            int next = SeatAt(line, start, out int nextLen);
            int end = next >= 0 ? next : line.Length;
            var (s, e) = Trim(line, start, end);
            var name = Squeeze(line.AsSpan(s, e - s));
            string office = "";
            int paren = name.IndexOfAny(['（', '(']);
            if (paren > 0)
            {
                office = name[(paren + 1)..].TrimEnd('）', ')');
                name = name[..paren];
            }
            if (name.Length > 0) output.Add(new Entry(name, office, at, e));
            at = next;
            len = nextLen;
        }
    }

    // 委員長 冨岡  勉君 / 理事 大串 正樹君 理事 小泉進次郎君 / 参議院厚生労働委員長   石田 昌宏君
    private static void Kun(string line, List<Entry> output)
    {
        int start = 0;
        for (int k = line.IndexOf('君'); k >= 0; k = line.IndexOf('君', start))
        {
            var (s, e) = Trim(line, start, k);
            if (e > s)
            {
                var tokens = Tokens(line.AsSpan(s, e - s));
                // The office is the first token when more follow and it ends in an office word or is 理事.
                string office = "";
                int nameFrom = s;
                if (tokens.Count >= 2 && IsOffice(line.AsSpan(s + tokens[0].Start, tokens[0].End - tokens[0].Start)))
                {
                    office = line.Substring(s + tokens[0].Start, tokens[0].End - tokens[0].Start);
                    nameFrom = s + tokens[1].Start;
                }
                var name = Squeeze(line.AsSpan(nameFrom, e - nameFrom));
                if (name.Length > 0) output.Add(new Entry(name, office, s, k + 1));
            }
            start = k + 1;
        }
    }

    // 村 長 萩原 達雄 副 村 長 齋藤 一郎 / 健康福祉課長 早坂紀美江 産業振興課長 渡邉 愛 / 事務局長 堀籠 緋沙子 書記 片浦 則之
    private static void Pairs(string line, List<(int Start, int End)> tokens, List<Entry> output)
    {
        int i = 0;
        while (i < tokens.Count)
        {
            // The office: tokens up to one ending in an office word and followed by a name part.
            int officeStart = tokens[i].Start, j = i;
            var office = new StringBuilder();
            bool found = false;
            for (; j < tokens.Count; j++)
            {
                office.Append(line.AsSpan(tokens[j].Start, tokens[j].End - tokens[j].Start));
                if (OfficeEnds.Contains(office[^1]) && (j + 1 >= tokens.Count || tokens[j + 1].End - tokens[j + 1].Start >= 2 || j + 2 >= tokens.Count))
                {
                    found = true;
                    break;
                }
            }
            if (!found)
            {
                // No office: the rest is a name (a names-only line).
                var rest = Squeeze(line.AsSpan(tokens[i].Start, tokens[^1].End - tokens[i].Start));
                if (rest.Length is >= 2 and <= 6) output.Add(new Entry(rest, "", tokens[i].Start, tokens[^1].End));
                return;
            }
            int n = j + 1;
            if (n >= tokens.Count) return; // an office alone
            // The name: family and given name as two tokens when the next office starts after them (or the line ends),
            // one token when the next office starts right after it (早坂紀美江 産業振興課長; 木下 誠 副 町 長 is two).
            int nameEnd = n;
            if (n + 1 < tokens.Count && Squeeze(line.AsSpan(tokens[n].Start, tokens[n + 1].End - tokens[n].Start)).Length <= 6
                && (OfficeStartsAt(line, tokens, n + 2) || !OfficeStartsAt(line, tokens, n + 1)))
                nameEnd = n + 1;
            var name = Squeeze(line.AsSpan(tokens[n].Start, tokens[nameEnd].End - tokens[n].Start));
            output.Add(new Entry(name, office.ToString(), officeStart, tokens[nameEnd].End));
            i = nameEnd + 1;
        }
    }

    /// <summary>An office starts at token <paramref name="k"/> (written whole or letter-spaced), or the line ends there.</summary>
    private static bool OfficeStartsAt(string line, List<(int Start, int End)> tokens, int k)
    {
        if (k >= tokens.Count) return true;
        var office = new StringBuilder();
        for (int j = k; j < tokens.Count && j < k + 8; j++)
        {
            office.Append(line.AsSpan(tokens[j].Start, tokens[j].End - tokens[j].Start));
            if (OfficeEnds.Contains(office[^1]) && office.Length >= 2 && (j + 1 >= tokens.Count || tokens[j + 1].End - tokens[j + 1].Start >= 2 || j + 2 >= tokens.Count))
                return true;
            if (tokens[j].End - tokens[j].Start > 1 && j > k) return false;
            if (tokens[j].End - tokens[j].Start > 1 && !OfficeEnds.Contains(office[^1])) return false;
        }
        return false;
    }

    // 副 市 長 清 水 幸 雄 / 議 事 係 長 大久保 英 輝 / 会 計 管 理 者 兼 高 橋 弥 一 / 木 原 大 輔 重 信 元 子
    private static void Spaced(string line, List<(int Start, int End)> tokens, List<Entry> output)
    {
        int from = tokens[0].Start, to = tokens[^1].End;
        var all = Squeeze(line.AsSpan(from, to - from));
        for (int p = all.Length - 3; p >= 1; p--)
        {
            if (!OfficeEnds.Contains(all[p])) continue;
            var name = all[(p + 1)..];
            var office = all[..(p + 1)];
            // 会計管理者兼 / 会計課長 on the next line: 兼 joins two offices, the name follows it.
            if (name.StartsWith('兼'))
            {
                office += "兼";
                name = name[1..];
            }
            if (name.Length is < 2 or > 5) continue;
            output.Add(new Entry(name, office, from, to));
            return;
        }
        if (IsOffice(all)) return;
        if (all.Length is >= 2 and <= 5) output.Add(new Entry(all, "", from, to));
        else if (all.Length is >= 6 and <= 10)
        {
            int cut = all.Length >= 8 ? 4 : all.Length - 3 >= 4 ? 4 : all.Length - 3;
            output.Add(new Entry(all[..cut], "", from, to));
            output.Add(new Entry(all[cut..], "", from, to));
        }
    }

    /// <summary>An office: ends in an office word (課長, 書記, 理事, 事務局) or is a known post.</summary>
    public static bool IsOffice(ReadOnlySpan<char> t)
    {
        t = t.Trim();
        if (t.Length < 2) return false;
        if (OfficeEnds.Contains(t[^1])) return true;
        return TitleLexicon.FindFirst(t, 0, out int len) is int at && at >= 0 && at + len == t.Length;
    }

    private static bool LetterSpaced(List<(int Start, int End)> tokens)
    {
        if (tokens.Count < 3) return false;
        int single = 0;
        foreach (var (s, e) in tokens) if (e - s == 1) single++;
        return single * 10 >= tokens.Count * 6;
    }

    /// <summary>The next seat number (１番, 12番) at or after <paramref name="from"/>: its start and length, or -1.</summary>
    private static int SeatAt(ReadOnlySpan<char> line, int from, out int length)
    {
        length = 0;
        for (int i = from; i < line.Length; i++)
        {
            if (!IsDigit(line[i]) || (i > 0 && IsDigit(line[i - 1]))) continue;
            int j = i;
            while (j < line.Length && IsDigit(line[j])) j++;
            if (j - i > 3 || j >= line.Length || line[j] != '番') continue;
            // 1番 is a seat only when a name follows, not 1番目 or 番号.
            int k = j + 1;
            if (k < line.Length && line[k] is '目' or '号' or '地') continue;
            length = k - i;
            return i;
        }
        return -1;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    private static bool IsNameChars(ReadOnlySpan<char> t)
    {
        foreach (char c in t)
            if (!(EntityText.IsKanji(c) || EntityText.IsHiragana(c) || EntityText.IsKatakana(c) || c is '々' or 'ヶ' or 'ケ' or 'ノ' or '・'))
                return false;
        return true;
    }

    private static List<(int Start, int End)> Tokens(ReadOnlySpan<char> line)
    {
        var tokens = new List<(int, int)>();
        int i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && MinutesLabels.IsSpace(line[i])) i++;
            int s = i;
            while (i < line.Length && !MinutesLabels.IsSpace(line[i])) i++;
            if (i > s) tokens.Add((s, i));
        }
        return tokens;
    }

    private static (int, int) Trim(string line, int s, int e)
    {
        while (s < e && MinutesLabels.IsSpace(line[s])) s++;
        while (e > s && MinutesLabels.IsSpace(line[e - 1])) e--;
        return (s, e);
    }

    private static string Squeeze(ReadOnlySpan<char> t)
    {
        var sb = new StringBuilder(t.Length);
        foreach (char c in t) if (!MinutesLabels.IsSpace(c)) sb.Append(c);
        return sb.ToString();
    }
}
