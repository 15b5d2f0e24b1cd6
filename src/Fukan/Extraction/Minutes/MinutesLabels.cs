using System.Buffers;

namespace Fukan.Extraction.Minutes;

/// <summary>The blocks of a set of minutes, named by their label lines.</summary>
internal enum BlockKind
{
    None,
    Date,
    Place,
    Attendees,
    Agenda,
    Materials,
    Proceedings,
}

/// <summary>A label at the start of a line: what it opens, the attendee role it implies, and where its value starts.</summary>
internal readonly record struct LabelMatch(BlockKind Kind, AttendeeRole Role, int ValueStart, bool HasValue);

/// <summary>How a list item is numbered; items of the same style are siblings.</summary>
internal enum MarkerStyle
{
    None,
    Arabic,
    Paren,
    Circled,
    Kanji,
    Katakana,
    Latin,
    Roman,
    Bullet,
}

/// <summary>
/// Line-level rules for minutes: field and block labels (日時, 場所, 出席者, 議事次第/議題, 資料, 議事概要 …, with the
/// usual variants: numbered "１．日時：", bracketed "【出席者】", spaced "日 時"), list markers, topic lines
/// (【全体について】), side headers (構成員からの主な御発言 / 事務局からの主な発言) and speaker prefixes (○松尾委員).
/// </summary>
internal static class MinutesLabels
{
    private static readonly (string Label, BlockKind Kind, AttendeeRole Role)[] Labels = Sorted(
    [
        ("開催日時", BlockKind.Date, default), ("招集日時", BlockKind.Date, default), ("招集年月日", BlockKind.Date, default),
        ("招集場所", BlockKind.Place, default), ("日時", BlockKind.Date, default), ("開催日", BlockKind.Date, default),
        ("日付", BlockKind.Date, default), ("期日", BlockKind.Date, default), ("開催期日", BlockKind.Date, default),
        ("開催場所", BlockKind.Place, default), ("場所", BlockKind.Place, default), ("会場", BlockKind.Place, default),
        ("出席者名簿", BlockKind.Attendees, AttendeeRole.Member), ("出席構成員", BlockKind.Attendees, AttendeeRole.Member),
        ("出席委員", BlockKind.Attendees, AttendeeRole.Member), ("出席者", BlockKind.Attendees, AttendeeRole.Member),
        ("構成員", BlockKind.Attendees, AttendeeRole.Member), ("委員名簿", BlockKind.Attendees, AttendeeRole.Member),
        ("委員", BlockKind.Attendees, AttendeeRole.Member), ("出席", BlockKind.Attendees, AttendeeRole.Member),
        ("参加者", BlockKind.Attendees, AttendeeRole.Member), ("メンバー", BlockKind.Attendees, AttendeeRole.Member),
        ("有識者", BlockKind.Attendees, AttendeeRole.Member), ("臨時委員", BlockKind.Attendees, AttendeeRole.Member),
        ("専門委員", BlockKind.Attendees, AttendeeRole.Member),
        ("座長", BlockKind.Attendees, AttendeeRole.Chair), ("委員長", BlockKind.Attendees, AttendeeRole.Chair),
        ("主査", BlockKind.Attendees, AttendeeRole.Chair), ("議長", BlockKind.Attendees, AttendeeRole.Chair),
        ("オブザーバー", BlockKind.Attendees, AttendeeRole.Observer),
        ("事務局", BlockKind.Attendees, AttendeeRole.Secretariat), ("政府側出席者", BlockKind.Attendees, AttendeeRole.Secretariat),
        ("政府出席者", BlockKind.Attendees, AttendeeRole.Secretariat), ("説明者", BlockKind.Attendees, AttendeeRole.Secretariat),
        ("陪席者", BlockKind.Attendees, AttendeeRole.Secretariat), ("陪席", BlockKind.Attendees, AttendeeRole.Secretariat),
        // Assembly and Diet rosters.
        ("出席議員", BlockKind.Attendees, AttendeeRole.Member), ("欠席議員", BlockKind.Attendees, AttendeeRole.Absent),
        ("説明のため出席した者の職氏名", BlockKind.Attendees, AttendeeRole.Official), ("説明のため出席した者の氏名・職", BlockKind.Attendees, AttendeeRole.Official),
        ("説明のため出席した者", BlockKind.Attendees, AttendeeRole.Official), ("説明のため出席した者の職・氏名", BlockKind.Attendees, AttendeeRole.Official),
        ("出席説明員", BlockKind.Attendees, AttendeeRole.Official), ("説明員", BlockKind.Attendees, AttendeeRole.Official),
        ("出席理事者", BlockKind.Attendees, AttendeeRole.Official), ("政府参考人", BlockKind.Attendees, AttendeeRole.Official),
        ("事務局出席職員氏名", BlockKind.Attendees, AttendeeRole.Secretariat), ("事務局出席職員", BlockKind.Attendees, AttendeeRole.Secretariat),
        ("事務局職員出席者", BlockKind.Attendees, AttendeeRole.Secretariat), ("出席事務局職員", BlockKind.Attendees, AttendeeRole.Secretariat),
        ("職務のため出席した者", BlockKind.Attendees, AttendeeRole.Secretariat), ("職務のため議場に出席した事務局職員", BlockKind.Attendees, AttendeeRole.Secretariat),
        ("議会事務局職員", BlockKind.Attendees, AttendeeRole.Secretariat), ("事務局職員", BlockKind.Attendees, AttendeeRole.Secretariat),
        ("委員外出席者", BlockKind.Attendees, AttendeeRole.Observer), ("その他の出席者", BlockKind.Attendees, AttendeeRole.Observer),
        ("本日の会議に付した案件", BlockKind.Agenda, default), ("本日の会議に付した事件", BlockKind.Agenda, default),
        ("会議に付した事件", BlockKind.Agenda, default), ("会議に付した案件", BlockKind.Agenda, default),
        ("欠席者", BlockKind.Attendees, AttendeeRole.Absent), ("欠席委員", BlockKind.Attendees, AttendeeRole.Absent),
        ("欠席構成員", BlockKind.Attendees, AttendeeRole.Absent), ("欠席", BlockKind.Attendees, AttendeeRole.Absent),
        ("議事次第", BlockKind.Agenda, default), ("議事日程", BlockKind.Agenda, default), ("議題", BlockKind.Agenda, default),
        ("議事", BlockKind.Agenda, default), ("次第", BlockKind.Agenda, default), ("案件", BlockKind.Agenda, default),
        ("配布資料", BlockKind.Materials, default), ("配付資料", BlockKind.Materials, default), ("資料一覧", BlockKind.Materials, default),
        ("添付資料", BlockKind.Materials, default), ("資料", BlockKind.Materials, default),
        ("議事概要", BlockKind.Proceedings, default), ("議事要旨", BlockKind.Proceedings, default), ("議事録", BlockKind.Proceedings, default),
        ("議事内容", BlockKind.Proceedings, default), ("審議概要", BlockKind.Proceedings, default), ("審議内容", BlockKind.Proceedings, default),
        ("審議経過", BlockKind.Proceedings, default), ("議事経過", BlockKind.Proceedings, default), ("概要", BlockKind.Proceedings, default),
        ("主な意見", BlockKind.Proceedings, default), ("主な発言", BlockKind.Proceedings, default), ("発言要旨", BlockKind.Proceedings, default),
        ("意見交換", BlockKind.Proceedings, default), ("討議内容", BlockKind.Proceedings, default), ("議論の概要", BlockKind.Proceedings, default),
    ]);

    private static (string, BlockKind, AttendeeRole)[] Sorted((string Label, BlockKind Kind, AttendeeRole Role)[] labels)
    {
        Array.Sort(labels, (a, b) => b.Label.Length.CompareTo(a.Label.Length));
        return labels;
    }

    private static readonly SearchValues<char> OpenBrackets = SearchValues.Create("【［〔＜<〈《[(（");
    private static readonly SearchValues<char> BulletMarks = SearchValues.Create("・-*+•●○◯〇◦▪▫■□◆◇▶►➢✓-－‐");
    private const string Circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    private const string KanjiNumbers = "一二三四五六七八九十";
    private const string RomanNumbers = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ";

    /// <summary>The label at the start of <paramref name="t"/> (a trimmed line), if any.</summary>
    public static LabelMatch? MatchLabel(ReadOnlySpan<char> t)
    {
        int p = 0;
        // Leading numbering and marks: "１．日時", "(1) 出席者", "■議題", "・場所".
        for (int guard = 0; guard < 2 && p < t.Length; guard++)
        {
            if (TryMarker(t[p..], out var style, out _, out int len) && style != MarkerStyle.None) p += len;
            else break;
        }
        char close = '\0';
        if (p < t.Length && OpenBrackets.Contains(t[p]))
        {
            close = Closing(t[p]);
            p++;
            while (p < t.Length && IsSpace(t[p])) p++;
        }
        foreach (var (label, kind, role) in Labels)
        {
            int q = MatchSpaced(t, p, label);
            if (q < 0) continue;
            // 事 務 局 長 田 伏 智 / 議 事 係 長: a letter-spaced word that goes on past the label is no label.
            if (q - p > label.Length && ContinuesSpaced(t, q)) continue;
            if (close != '\0')
            {
                while (q < t.Length && IsSpace(t[q])) q++;
                if (q >= t.Length || t[q] != close) continue;
                q++;
            }
            while (q < t.Length && IsSpace(t[q]) && close == '\0' && q + 1 < t.Length && IsSpace(t[q + 1])) q++;
            if (q >= t.Length) return new LabelMatch(kind, role, t.Length, false);
            char c = t[q];
            if (c is '：' or ':')
            {
                q++;
                while (q < t.Length && IsSpace(t[q])) q++;
                return new LabelMatch(kind, role, q, q < t.Length);
            }
            if (IsSpace(c) || close != '\0')
            {
                while (q < t.Length && IsSpace(t[q])) q++;
                return new LabelMatch(kind, role, q, q < t.Length);
            }
            // "出席者（五十音順、敬称略）": an annotation, then the value (if any) after it.
            if (c is '（' or '(')
            {
                int end = t[q..].IndexOfAny('）', ')');
                if (end < 0) continue;
                q += end + 1;
                while (q < t.Length && (IsSpace(t[q]) || t[q] is '：' or ':')) q++;
                return new LabelMatch(kind, role, q, q < t.Length);
            }
        }
        return null;
    }

    /// <summary>After a letter-spaced label, the next character stands alone too (長 in 事 務 局 長): the word goes on.</summary>
    private static bool ContinuesSpaced(ReadOnlySpan<char> t, int q)
    {
        int i = q;
        while (i < t.Length && IsSpace(t[i])) i++;
        if (i == q || i >= t.Length) return false;
        return (i + 1 >= t.Length || IsSpace(t[i + 1])) && char.IsLetter(t[i]);
    }

    // The label's characters in order, allowing spaces between them (日 時, 場　所).
    private static int MatchSpaced(ReadOnlySpan<char> t, int p, string label)
    {
        int q = p;
        for (int i = 0; i < label.Length; i++)
        {
            if (i > 0) while (q < t.Length && IsSpace(t[q]) && label.Length <= 3) q++;
            if (q >= t.Length || t[q] != label[i]) return -1;
            q++;
        }
        return q;
    }

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\u3000' or '\u00A0';

    private static char Closing(char open) => open switch
    {
        '【' => '】', '［' => '］', '〔' => '〕', '＜' => '＞', '<' => '>', '〈' => '〉', '《' => '》', '[' => ']', '（' => '）', '(' => ')', _ => '\0',
    };

    /// <summary>
    /// A list marker at the start of <paramref name="t"/>: "1." "１．" "1)" "(1)" "（１）" "①" "一、" "ア." "(a)" "Ⅰ."
    /// or a bullet (・ - * ● ○ ■ …). <paramref name="length"/> includes the spaces after it.
    /// </summary>
    public static bool TryMarker(ReadOnlySpan<char> t, out MarkerStyle style, out string number, out int length)
    {
        style = MarkerStyle.None; number = ""; length = 0;
        if (t.IsEmpty) return false;
        char c = t[0];
        int p;
        if (c is '(' or '（' or '⑴')
        {
            if (c == '⑴') { style = MarkerStyle.Paren; number = "(1)"; length = Spaces(t, 1); return true; }
            int close = t.IndexOfAny(')', '）');
            if (close is < 2 or > 4) return false;
            var inner = t[1..close];
            style = Classify(inner);
            if (style == MarkerStyle.None || style == MarkerStyle.Bullet) return false;
            style = style == MarkerStyle.Arabic ? MarkerStyle.Paren : style;
            number = "(" + Digits(inner) + ")";
            length = Spaces(t, close + 1);
            return true;
        }
        if (Circled.Contains(c)) { style = MarkerStyle.Circled; number = c.ToString(); length = Spaces(t, 1); return true; }
        if (char.IsAsciiDigit(c) || c is >= '０' and <= '９')
        {
            p = 0;
            while (p < t.Length && p < 3 && (char.IsAsciiDigit(t[p]) || t[p] is >= '０' and <= '９')) p++;
            if (p < t.Length && t[p] is '.' or '．' or ')' or '）' or '、' && (p + 1 == t.Length || !char.IsAsciiDigit(t[p + 1])))
            {
                style = MarkerStyle.Arabic; number = Digits(t[..p]); length = Spaces(t, p + 1);
                return true;
            }
            return false;
        }
        if (KanjiNumbers.Contains(c) && t.Length > 1 && t[1] is '、' or '．' or '.')
        {
            style = MarkerStyle.Kanji; number = c.ToString(); length = Spaces(t, 2); return true;
        }
        if (RomanNumbers.Contains(c) && (t.Length == 1 || t[1] is '.' or '．' or ' ' or '　' or '、'))
        {
            style = MarkerStyle.Roman; number = c.ToString(); length = Spaces(t, t.Length > 1 && t[1] is '.' or '．' or '、' ? 2 : 1); return true;
        }
        if (c is >= 'ア' and <= 'ン' && t.Length > 1 && t[1] is '.' or '．' or '、')
        {
            style = MarkerStyle.Katakana; number = c.ToString(); length = Spaces(t, 2); return true;
        }
        if (BulletMarks.Contains(c))
        {
            // "-1" or "--" are not bullets; a dash bullet needs a space after it.
            if (c is '-' or '*' or '+' or '－' or '‐' && (t.Length < 2 || !IsSpace(t[1]))) return false;
            style = MarkerStyle.Bullet; number = ""; length = Spaces(t, 1);
            return true;
        }
        return false;
    }

    private static MarkerStyle Classify(ReadOnlySpan<char> inner)
    {
        bool digits = true;
        foreach (char ch in inner) if (!(char.IsAsciiDigit(ch) || ch is >= '０' and <= '９')) digits = false;
        if (digits) return MarkerStyle.Arabic;
        if (inner.Length == 1 && KanjiNumbers.Contains(inner[0])) return MarkerStyle.Kanji;
        if (inner.Length == 1 && inner[0] is >= 'ア' and <= 'ン') return MarkerStyle.Katakana;
        if (inner.Length == 1 && inner[0] is >= 'a' and <= 'z') return MarkerStyle.Latin;
        if (inner.Length == 1 && RomanNumbers.Contains(inner[0])) return MarkerStyle.Roman;
        return MarkerStyle.None;
    }

    private static string Digits(ReadOnlySpan<char> s)
    {
        var chars = new char[s.Length];
        for (int i = 0; i < s.Length; i++) chars[i] = s[i] is >= '０' and <= '９' ? (char)(s[i] - '０' + '0') : s[i];
        return new string(chars);
    }

    private static int Spaces(ReadOnlySpan<char> t, int p)
    {
        while (p < t.Length && IsSpace(t[p])) p++;
        return p;
    }

    /// <summary>
    /// The topic of a topic line: 【全体について】, ＜AI分野＞, ■半導体について, [議題1]. Null when the line is not one
    /// (or when the bracket holds a speaker: 【松尾委員】).
    /// </summary>
    private static readonly string[] RecordHeadings = ["議事概要", "議事要旨", "議事録", "議事内容", "審議概要", "審議内容", "審議経過", "議事経過", "議論の概要"];

    /// <summary>True when the line (after its list marker) is the heading of the record itself: 議事概要, 議事録 …</summary>
    public static bool IsRecordHeading(ReadOnlySpan<char> t)
    {
        if (TryMarker(t, out _, out _, out int len)) t = t[len..];
        t = t.Trim();
        foreach (var h in RecordHeadings)
            if (t.StartsWith(h, StringComparison.Ordinal) && t.Length <= h.Length + 2) return true;
        return false;
    }

    public static string? Topic(ReadOnlySpan<char> t)
    {
        if (t.Length < 2) return null;
        char open = t[0];
        char close = Closing(open);
        if (close != '\0' && open is not ('(' or '（') && t[^1] == close && t[1..^1].IndexOf(close) < 0)
        {
            var inner = t[1..^1].Trim();
            if (inner.IsEmpty || Speaker(inner, out _) || inner.Length > 40) return null;
            return inner.ToString();
        }
        if (open is '■' or '□' or '◆' or '◇' or '▼' or '▽' or '≪' && t.Length <= 41 && t.IndexOf('。') < 0)
        {
            var inner = t[1..].Trim().TrimEnd('≫').Trim();
            return inner.IsEmpty ? null : inner.ToString();
        }
        return null;
    }

    private static readonly string[] MemberWords = ["構成員", "委員", "有識者", "メンバー", "出席者", "オブザーバー", "参加者", "専門家"];
    private static readonly string[] SecretariatWords = ["事務局", "政府", "省", "庁", "大臣", "内閣"];
    private static readonly string[] TalkWords = ["発言", "意見", "質疑", "質問", "コメント", "説明", "応答", "回答", "議論"];

    /// <summary>
    /// The side a header line announces: "構成員からの主な御発言" → member, "事務局からの主な発言" → secretariat.
    /// Null when the line is no such header (a statement, or too long to be one).
    /// </summary>
    public static StatementSide? SideHeader(ReadOnlySpan<char> t) => SideHeader(t, out _);

    /// <summary>
    /// As <see cref="SideHeader(ReadOnlySpan{char})"/>; the header may follow a sentence on its line ("事務局から説明が
    /// あった。委員からの主な意見は以下のとおり。"), and <paramref name="at"/> is where the header itself starts.
    /// </summary>
    public static StatementSide? SideHeader(ReadOnlySpan<char> t, out int at)
    {
        at = 0;
        // "委員からの主な意見は以下の通り。" announces a side too; only the sentence holding 以下 is the header.
        int below = t.IndexOf("以下", StringComparison.Ordinal);
        if (below > 0)
        {
            int stop = t[..below].LastIndexOf('。');
            if (stop >= 0 && stop + 1 < t.Length) at = stop + 1;
            while (at < t.Length && IsSpace(t[at])) at++;
            if (at > 60 || t[at..].TrimEnd('。').IndexOf('。') >= 0) { at = 0; return null; }
            t = t[at..];
        }
        if (t.Length > 40 || (t.IndexOf('。') >= 0 && below < 0)) { at = 0; return null; }
        bool talk = false;
        foreach (var w in TalkWords) if (t.Contains(w, StringComparison.Ordinal)) { talk = true; break; }
        if (!talk) return null;
        int member = int.MaxValue, secretariat = int.MaxValue;
        foreach (var w in MemberWords) { int i = t.IndexOf(w, StringComparison.Ordinal); if (i >= 0) member = Math.Min(member, i); }
        foreach (var w in SecretariatWords) { int i = t.IndexOf(w, StringComparison.Ordinal); if (i >= 0) secretariat = Math.Min(secretariat, i); }
        if (member == int.MaxValue && secretariat == int.MaxValue) return null;
        return member <= secretariat ? StatementSide.Member : StatementSide.Secretariat;
    }

    /// <summary>True when <paramref name="token"/> names a speaker (松尾委員, 事務局, 小野田大臣); <paramref name="side"/> is theirs.</summary>
    public static bool Speaker(ReadOnlySpan<char> token, out StatementSide? side) => SpeakerLabel.IsSpeaker(token, out side);

    /// <summary>
    /// The role a bracketed group heading inside an attendee block announces: （政府） → secretariat, 【有識者】 →
    /// member, ＜欠席＞ → absent. Null when the line is not a bracketed heading.
    /// </summary>
    public static AttendeeRole? GroupHeading(ReadOnlySpan<char> t)
    {
        // 文部科学省 alone on its line: the officials listed under it.
        if (t.Length is >= 2 and <= 12 && t.IndexOfAny(' ', '\u3000', '\t') < 0 && t[^1] is '省' or '庁' or '府' && Closing(t[0]) == '\0')
            return AttendeeRole.Secretariat;
        if (t.Length < 3 || t.Length > 24) return null;
        char close = Closing(t[0]);
        if (close == '\0' || t[^1] != close || t[1..^1].IndexOfAny('（', '(') >= 0) return null;
        var inner = t[1..^1];
        if (inner.Contains("欠席", StringComparison.Ordinal)) return AttendeeRole.Absent;
        if (inner.Contains("オブザーバー", StringComparison.Ordinal)) return AttendeeRole.Observer;
        foreach (var w in SecretariatWords) if (inner.Contains(w, StringComparison.Ordinal)) return AttendeeRole.Secretariat;
        if (inner.Contains("説明者", StringComparison.Ordinal) || inner.Contains("陪席", StringComparison.Ordinal)) return AttendeeRole.Secretariat;
        if (inner.Contains("座長", StringComparison.Ordinal) || inner.Contains("委員長", StringComparison.Ordinal)) return AttendeeRole.Chair;
        return AttendeeRole.Member;
    }

    /// <summary>Lines that close the minutes: 以上, （以上）, お問合せ先, 文責.</summary>
    public static bool IsEnd(ReadOnlySpan<char> t)
    {
        var s = t.Trim().Trim("（）()－―-ー 　");
        if (s.SequenceEqual("以上") || s.SequenceEqual("了")) return true;
        return t.StartsWith("お問合せ先") || t.StartsWith("お問い合わせ先") || t.StartsWith("問合せ先") || t.StartsWith("【お問合せ先】")
            || t.StartsWith("【お問い合わせ先】") || t.StartsWith("（文責") || t.StartsWith("文責") || t.StartsWith("(文責");
    }

    /// <summary>Annotations that list nothing: （敬称略）, (五十音順、敬称略), ※順不同.</summary>
    public static bool IsAnnotation(ReadOnlySpan<char> t) =>
        t.Length <= 30 && (t.Contains("敬称略", StringComparison.Ordinal) || t.Contains("五十音順", StringComparison.Ordinal) || t.Contains("順不同", StringComparison.Ordinal))
        && (t[0] is '（' or '(' or '※' or '〔' or '［' or '[');
}
