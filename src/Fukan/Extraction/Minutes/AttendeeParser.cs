using Fukan.Extraction.Entities;

namespace Fukan.Extraction.Minutes;

/// <summary>An attendee read from a line, with the span (offsets into the line) it was read from.</summary>
internal sealed record ParsedAttendee(string Name, IReadOnlyList<Affiliation> Affiliations, AttendeeRole Role, int Start, int End);

/// <summary>Column roles of an attendee table, learnt from its header row (| 氏名 | 所属 | 役職 |).</summary>
internal sealed class AttendeeTable
{
    public int Name { get; set; } = -1;
    public int Organization { get; set; } = -1;
    public int Title { get; set; } = -1;
    public bool Known => Name >= 0;
    /// <summary>The header was laid out with tabs or spaces, not pipes: rows that do not split into cells are plain lines.</summary>
    public bool Spaced { get; set; }
}

/// <summary>
/// Reads attendee lines in their common shapes: a name and "organisation + title" separated by a tab or spaces
/// (伊藤 錬	Sakana AI 株式会社共同創業者 COO), a name with its affiliation in brackets (松尾 豊（東京大学 教授）), lists
/// (松尾委員、伊藤委員), role prefixes (座長 / ◎ / オブザーバー), and tables (| 氏名 | 所属 | 役職 |). Organisation and
/// title run together are split at the first title word (代表取締役, 執行役員, 教授, 所長, CEO …); dual roles
/// separated by "/" or "、" become two affiliations.
/// </summary>
internal sealed class AttendeeParser(EntityRecognizer recognizer)
{
    private static readonly string[] OrgWords =
        ["大学", "株式会社", "会社", "法人", "省", "庁", "機構", "研究所", "センター", "協会", "財団", "銀行", "事務所", "病院", "ホールディングス", "グループ", "(株)", "（株）", "㈱"];

    private static readonly (string Word, AttendeeRole Role)[] RolePrefixes =
    [
        ("座長代理", AttendeeRole.Member), ("副委員長", AttendeeRole.Member), ("委員長", AttendeeRole.Chair), ("座長", AttendeeRole.Chair),
        ("主査", AttendeeRole.Chair), ("議長", AttendeeRole.Chair), ("部会長", AttendeeRole.Chair), ("臨時委員", AttendeeRole.Member),
        ("専門委員", AttendeeRole.Member), ("構成員", AttendeeRole.Member), ("委員", AttendeeRole.Member), ("オブザーバー", AttendeeRole.Observer),
        ("事務局", AttendeeRole.Secretariat),
    ];

    private static readonly string[] NameSuffixes = ["座長代理", "副委員長", "委員長", "構成員", "委員", "座長", "主査", "議長", "先生", "氏", "様"];

    /// <summary>The attendees on one (trimmed) line of an attendee block.</summary>
    public void ParseLine(string line, AttendeeRole role, AttendeeTable table, List<ParsedAttendee> output)
    {
        int length = WithoutAnnotation(line);
        if (length == 0 || IsNone(line.AsSpan(0, length))) return;
        if (length < line.Length) line = line[..length];
        if (line[0] is '|' or '｜')
        {
            ParseTableRow(line, role, table, output);
            return;
        }
        // 氏名	所属	役職 (tabs, or columns lined up with runs of spaces).
        var columns = Columns(line);
        if (columns.Count >= 2 && (Header(line, columns, table) || (table.Known && table.Spaced && Row(line, columns, role, table, output)))) return;
        if (line.Contains('\t'))
        {
            ParseEntry(line, 0, line.Length, role, table, output);
            return;
        }
        var pieces = SplitDepth0(line, 0, line.Length, "、，,");
        if (pieces.Count > 2 && SurnamePostList(line, pieces, role, output)) return;
        if (pieces.Count > 1 && AllPersons(line, pieces))
        {
            foreach (var (s, e) in pieces) ParseEntry(line, s, e, role, table, output);
            return;
        }
        ParseEntry(line, 0, line.Length, role, table, output);
    }

    private void ParseTableRow(string line, AttendeeRole role, AttendeeTable table, List<ParsedAttendee> output)
    {
        var cells = new List<(int Start, int End)>();
        int start = 1;
        for (int i = 1; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] is not ('|' or '｜')) continue;
            var (s, e) = Trim(line, start, i);
            cells.Add((s, e));
            start = i + 1;
        }
        if (cells.Count > 0 && cells[^1].Start >= cells[^1].End) cells.RemoveAt(cells.Count - 1);
        if (cells.Count == 0) return;
        bool separator = true;
        foreach (var (s, e) in cells)
            for (int i = s; i < e; i++)
                if (line[i] is not ('-' or ':' or '－' or ' ')) separator = false;
        if (separator) return;
        if (Header(line, cells, table)) return;
        Row(line, cells, role, table, output);
    }

    /// <summary>A table header row (氏名 | 所属 | 役職): learns the columns; false when the cells are no header.</summary>
    private static bool Header(string line, List<(int Start, int End)> cells, AttendeeTable table)
    {
        int name = -1, org = -1, title = -1;
        for (int c = 0; c < cells.Count; c++)
        {
            var text = line[cells[c].Start..cells[c].End];
            if (text.Length > 12) return false;
            if (text.Contains("氏名") || text.Contains("名前") || text.Contains("委員名") || text.Equals("Name", StringComparison.OrdinalIgnoreCase)) name = c;
            else if (text.Contains("所属") || text.Contains("団体") || text.Contains("機関") || text.Equals("Organization", StringComparison.OrdinalIgnoreCase)) org = c;
            else if (text.Contains("役職") || text.Contains("職名") || text.Equals("Title", StringComparison.OrdinalIgnoreCase)) title = c;
            // 所属・役職 in one column.
            if (org == c && (text.Contains("役職") || text.Contains("職名"))) title = c;
        }
        if (name < 0 && org < 0 && title < 0) return false;
        bool spaced = line[0] is not ('|' or '｜');
        // Without pipes a header must say so plainly: a name column, or organisation and title columns.
        if (spaced && name < 0 && (org < 0 || title < 0)) return false;
        (table.Name, table.Organization, table.Title) = (name, org, title);
        table.Spaced = spaced;
        return true;
    }

    /// <summary>
    /// The cells of a line laid out as columns: split at tabs and at runs of two or more spaces (one space, full-width
    /// or not, is the gap inside a name: 石原　和也). One cell when the line has no such gaps.
    /// </summary>
    private static List<(int Start, int End)> Columns(string line)
    {
        var cells = new List<(int, int)>();
        int start = 0, i = 0;
        while (i < line.Length)
        {
            if (line[i] == '\t' || (MinutesLabels.IsSpace(line[i]) && i + 1 < line.Length && MinutesLabels.IsSpace(line[i + 1])))
            {
                if (i > start) cells.Add((start, i));
                while (i < line.Length && MinutesLabels.IsSpace(line[i])) i++;
                start = i;
                continue;
            }
            i++;
        }
        if (line.Length > start) cells.Add((start, line.Length));
        return cells;
    }

    /// <summary>One table row read by the learnt columns; false when it does not fit them (then it is read as a line).</summary>
    private bool Row(string line, List<(int Start, int End)> cells, AttendeeRole role, AttendeeTable table, List<ParsedAttendee> output)
    {
        var texts = new List<string>(cells.Count);
        foreach (var (s, e) in cells) texts.Add(line[s..e]);
        // 国土交通省港湾局 | 計画課長 | 高木　誠: officials listed post first under a name-first header.
        int nameAt = OfficialNames.NameLast(texts, out var gluedTitle);
        if (nameAt >= 0)
        {
            AddNameLast(line, cells[nameAt].Start, texts, nameAt, gluedTitle, role, cells[0].Start, cells[^1].End, output);
            return true;
        }
        int nameCol = table.Known ? table.Name : 0;
        if (nameCol >= cells.Count || (table.Spaced && cells.Count < 2)) return false;
        var (ns, ne) = cells[nameCol];
        var (name, cleanRole) = CleanName(line[ns..ne], role);
        if (name.Length == 0) return table.Spaced ? false : true;
        List<Affiliation> affiliations;
        if (table.Known && table.Organization >= 0 && table.Title >= 0 && table.Organization != table.Title)
        {
            string org = Cell(line, cells, table.Organization), title = Cell(line, cells, table.Title);
            affiliations = org.Length + title.Length > 0 ? [new Affiliation(org, title)] : [];
        }
        else
        {
            var rest = new List<string>();
            for (int c = 0; c < cells.Count; c++) if (c != nameCol && cells[c].End > cells[c].Start) rest.Add(line[cells[c].Start..cells[c].End]);
            affiliations = Affiliations(string.Join(" ", rest));
        }
        Add(output, name, affiliations, cleanRole, cells[0].Start, cells[^1].End);
        return true;
    }

    private void AddNameLast(string line, int nameStart, List<string> tokens, int nameAt, string? gluedTitle, AttendeeRole role, int start, int end, List<ParsedAttendee> output)
    {
        var name = line[nameStart..end].Trim();
        if (gluedTitle is not null) name = name[..^gluedTitle.Length].TrimEnd();
        var affiliations = Affiliations(string.Join(" ", tokens.Take(nameAt)));
        if (gluedTitle is not null)
        {
            // 農政課　西川課長: the unit is the organisation, the role word glued to the name its title.
            var org = string.Join(" ", affiliations.Select(a => (a.Organization + " " + a.Title).Trim()));
            affiliations = [new Affiliation(org, gluedTitle)];
        }
        Add(output, name, affiliations, role, start, end);
    }

    private static readonly string[] ChairMarks = ["（座長）", "(座長)", "（委員長）", "(委員長)", "（主査）", "(主査)", "（議長）", "(議長)", "（部会長）"];

    /// <summary>Adds an attendee; "教授（座長）" at the end of the title marks the chair and leaves the title.</summary>
    private static void Add(List<ParsedAttendee> output, string name, List<Affiliation> affiliations, AttendeeRole role, int start, int end)
    {
        if (affiliations.Count > 0)
        {
            var last = affiliations[^1];
            foreach (var mark in ChairMarks)
            {
                if (!last.Title.EndsWith(mark, StringComparison.Ordinal) && !(last.Title.Length == 0 && last.Organization.EndsWith(mark, StringComparison.Ordinal))) continue;
                affiliations[^1] = last.Title.Length > 0 ? last with { Title = last.Title[..^mark.Length].TrimEnd() } : last with { Organization = last.Organization[..^mark.Length].TrimEnd() };
                if (role == AttendeeRole.Member) role = AttendeeRole.Chair;
                break;
            }
        }
        output.Add(new ParsedAttendee(name, affiliations, role, start, end));
    }

    /// <summary>The line's length without a closing annotation: 小松健二委員（…）（敬称略） → up to the last ）of 小松.</summary>
    private static int WithoutAnnotation(string line)
    {
        int end = line.Length;
        while (end > 0 && MinutesLabels.IsSpace(line[end - 1])) end--;
        if (end < 2 || line[end - 1] is not ('）' or ')')) return end;
        int open = line.LastIndexOfAny(['（', '('], end - 1);
        if (open < 0 || !MinutesLabels.IsAnnotation(line.AsSpan(open, end - open))) return end;
        while (open > 0 && MinutesLabels.IsSpace(line[open - 1])) open--;
        return open;
    }

    // 欠席者：なし
    private static bool IsNone(ReadOnlySpan<char> t)
    {
        t = t.Trim();
        return t is "なし" or "無し" or "特になし" or " なし" or "－" or "-" or "―" or "ー" or "該当なし";
    }

    private static string Cell(string line, List<(int Start, int End)> cells, int c) =>
        c >= 0 && c < cells.Count ? line[cells[c].Start..cells[c].End] : "";

    private void ParseEntry(string line, int start, int end, AttendeeRole role, AttendeeTable table, List<ParsedAttendee> output)
    {
        (start, end) = Trim(line, start, end);
        // Marks and numbering: ◎ marks the chair; ○ ・ 1. are list marks.
        while (start < end)
        {
            if (line[start] == '◎') { role = AttendeeRole.Chair; start++; }
            else if (MinutesLabels.TryMarker(line.AsSpan(start, end - start), out var style, out _, out int len) && style != MarkerStyle.None) start += len;
            else break;
            (start, end) = Trim(line, start, end);
        }
        foreach (var (word, r) in RolePrefixes)
        {
            if (!line.AsSpan(start, end - start).StartsWith(word, StringComparison.Ordinal)) continue;
            int after = start + word.Length;
            if (after < end && (MinutesLabels.IsSpace(line[after]) || line[after] is '：' or ':'))
            {
                role = r;
                start = after + 1;
                (start, end) = Trim(line, start, end);
            }
            break;
        }
        if (start >= end) return;

        // Officials: 資源エネルギー庁　水素・アンモニア課長　森田　隆 / 農政課　西川課長 (post first, name last).
        var tokens = Tokens(line, start, end);
        var texts = tokens.Select(t => line[t.Start..t.End]).ToList();
        int nameAt = OfficialNames.NameLast(texts, out var gluedTitle);
        if (nameAt >= 0)
        {
            AddNameLast(line, tokens[nameAt].Start, texts, nameAt, gluedTitle, role, start, end, output);
            return;
        }
        // 森本研究振興局参事官（ナノテクノロジー担当）: the family name glued to the unit.
        int glued = OfficialNames.GluedName(line.AsSpan(start, end - start));
        if (glued > 0)
        {
            Add(output, line.Substring(start, glued), Affiliations(line[(start + glued)..end]), role, start, end);
            return;
        }

        int nameEnd, affStart;
        int tab = line.IndexOf('\t', start, end - start);
        if (tab >= 0)
        {
            nameEnd = tab;
            affStart = tab;
            while (affStart < end && MinutesLabels.IsSpace(line[affStart])) affStart++;
            var cells = line[affStart..end].Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // name <tab> organisation <tab> title
            if (cells.Length >= 2 && TitleLexicon.IsOnlyTitles(cells[^1]))
            {
                var (tabName, tabRole) = CleanName(line[start..nameEnd], role);
                if (tabName.Length > 0)
                    Add(output, tabName, [new Affiliation(string.Join(" ", cells[..^1]), cells[^1])], tabRole, start, end);
                return;
            }
        }
        else if (ParenAffiliation(line, start, end, out nameEnd, out int open))
        {
            var (pName, pRole) = CleanName(line[start..nameEnd], role);
            if (pName.Length > 0) Add(output, pName, Affiliations(line[(open + 1)..(end - 1)]), pRole, start, end);
            return;
        }
        else
        {
            (nameEnd, affStart) = SplitBySpaces(line, start, end);
        }
        var (name, cleanRole) = CleanName(line[start..nameEnd], role);
        if (name.Length == 0) return;
        var affiliation = affStart < end ? line[affStart..end] : "";
        Add(output, name, Affiliations(affiliation), cleanRole, start, end);
    }

    // 松尾 豊（東京大学大学院工学系研究科 教授）
    private static bool ParenAffiliation(string line, int start, int end, out int nameEnd, out int open)
    {
        nameEnd = open = -1;
        if (line[end - 1] is not ('）' or ')')) return false;
        int o = line.IndexOfAny(['（', '('], start, end - start);
        if (o <= start || o - start > 16) return false;
        open = o;
        nameEnd = o;
        while (nameEnd > start && MinutesLabels.IsSpace(line[nameEnd - 1])) nameEnd--;
        return open + 1 < end - 1;
    }

    // 伊藤 錬 Sakana AI 株式会社… → name "伊藤 錬"; 松尾豊 東京大学… → name "松尾豊"; 松尾豊東京大学教授 → split at the organisation.
    private (int NameEnd, int AffStart) SplitBySpaces(string line, int start, int end)
    {
        var tokens = Tokens(line, start, end);
        if (tokens.Count == 0) return (start, end);
        if (tokens.Count == 1)
        {
            int glued = GluedName(line[start..end]);
            return glued > 0 ? (start + glued, start + glued) : (end, end);
        }
        var t0 = line.AsSpan(tokens[0].Start, tokens[0].End - tokens[0].Start);
        var t1 = line.AsSpan(tokens[1].Start, tokens[1].End - tokens[1].Start);
        int k = 1;
        if (IsNamePart(t0, 5) && IsNamePart(t1, 4) && t0.Length + t1.Length <= 8 && !OrgLike(t1)) k = 2;
        else if (IsLatinName(t0) && IsLatinName(t1) && tokens.Count > 2) k = 2;
        int nameEnd = tokens[k - 1].End;
        int affStart = k < tokens.Count ? tokens[k].Start : end;
        return (nameEnd, affStart);
    }

    // The length of a name written straight before a known organisation (松尾豊東京大学教授 → 3), or 0.
    private int GluedName(string text)
    {
        foreach (var m in recognizer.Find(text))
        {
            if (m.Type != EntityType.Org || m.Span.Start < 2 || m.Span.Start > 6) continue;
            return IsNamePart(text.AsSpan(0, m.Span.Start), 6) ? m.Span.Start : 0;
        }
        return 0;
    }

    private static bool IsNamePart(ReadOnlySpan<char> t, int max)
    {
        if (t.IsEmpty || t.Length > max) return false;
        foreach (char c in t)
            if (!(EntityText.IsKanji(c) || EntityText.IsHiragana(c) || EntityText.IsKatakana(c) || c == '・')) return false;
        return true;
    }

    private static bool IsLatinName(ReadOnlySpan<char> t) =>
        t.Length is >= 2 and <= 15 && char.IsAsciiLetterUpper(t[0]) && t[1..].ContainsAnyExceptInRange('a', 'z') == false;

    private bool OrgLike(ReadOnlySpan<char> t)
    {
        foreach (var w in OrgWords) if (t.Contains(w, StringComparison.Ordinal)) return true;
        if (TitleLexicon.StartsWithTitle(t)) return true;
        foreach (var m in recognizer.Find(t.ToString()))
            if (m.Span.Start == 0 && m.Type is EntityType.Org or EntityType.Country or EntityType.Program) return true;
        return false;
    }

    private bool AllPersons(string line, List<(int Start, int End)> pieces)
    {
        foreach (var (s, e) in pieces)
        {
            var (ts, te) = Trim(line, s, e);
            var piece = line.AsSpan(ts, te - ts);
            if (piece.IsEmpty) return false;
            if (OfficialNames.GluedName(piece) > 0) continue;
            if (OfficialNames.NameLast(Tokens(line, ts, te).Select(t => line[t.Start..t.End]).ToList(), out _) >= 0) continue;
            if (piece[^1] is '）' or ')' && ParenAffiliation(line, ts, te, out _, out _)) continue;
            int space = piece.IndexOfAny(' ', '\u3000');
            var head = space > 0 ? piece[..space] : piece;
            if (piece.Length <= 12 && IsNamePart(head, 8) && !OrgLike(piece)) continue;
            // 佐藤内閣府特命担当大臣: a short name glued to a known organisation.
            if (space < 0 && GluedName(piece.ToString()) > 0) continue;
            return false;
        }
        return true;
    }

    /// <summary>
    /// A list of family names each glued to a post, as national councils print their attendance
    /// (北山会長,小川副会長,明石委員 / 戸谷事務次官,小松文部科学審議官,藤原官房長): every piece must end in a post; the name is
    /// the family name before it (two characters when a unit sits between, as 森本研究振興局参事官). False, adding nothing,
    /// unless every piece has that shape.
    /// </summary>
    private static bool SurnamePostList(string line, List<(int Start, int End)> pieces, AttendeeRole role, List<ParsedAttendee> output)
    {
        var found = new List<ParsedAttendee>(pieces.Count);
        foreach (var (s, e0) in pieces)
        {
            int e = e0;
            // …政策課長 他 / ほか: the list says it is not complete.
            foreach (var more in (string[])[" 他", "　他", " ほか", "　ほか", " 等", "　等"])
                if (line.AsSpan(s, e - s).TrimEnd().EndsWith(more, StringComparison.Ordinal)) { e = s + line.AsSpan(s, e - s).TrimEnd().Length - more.Length; break; }
            var (ts, te) = Trim(line, s, e);
            var piece = line.AsSpan(ts, te - ts);
            if (piece.Length is < 3 or > 30 || piece.IndexOfAny(' ', '\u3000') >= 0) return false;
            int post = PostAtEnd(piece);
            if (post < 1) return false;
            int nameLength = post <= 3 ? post
                : OfficialNames.GluedName(piece) is int g and > 0 ? g
                : OfficialNames.NameBeforeUnit(piece) is int u and > 0 ? u : 2;
            var name = piece[..nameLength];
            if (!IsNamePart(name, 3)) return false;
            var title = piece[nameLength..].ToString();
            var r = role;
            if (r == AttendeeRole.Member && nameLength == post && title is "会長" or "座長" or "委員長" or "部会長" or "主査" or "議長") r = AttendeeRole.Chair;
            // A member's word (委員, 座長) is their place in the body, not a title; an official's post splits into unit and title.
            bool memberWord = nameLength == post && (title is "会長" or "座長" or "委員長" or "部会長" or "主査" or "議長" || Array.IndexOf(MemberPosts, title) >= 0);
            found.Add(new ParsedAttendee(name.ToString(), memberWord ? [] : Affiliations(title), r, ts, te));
        }
        output.AddRange(found);
        return true;
    }

    private static readonly string[] MemberPosts = ["副会長", "会長代理", "部会長代理", "臨時委員", "専門委員", "委員", "構成員"];

    /// <summary>Where a post that ends <paramref name="piece"/> starts (小松文部科学審議官 → 6; 明石委員 → 2), or -1.</summary>
    /// <remarks>The loop below only ever moves forward, so a piece is scanned once per title found in it.</remarks>
    private static int PostAtEnd(ReadOnlySpan<char> piece)
    {
        foreach (var w in MemberPosts)
            if (piece.Length > w.Length && piece.EndsWith(w, StringComparison.Ordinal)) return piece.Length - w.Length;
        for (int from = 1; from < piece.Length;)
        {
            int at = TitleLexicon.FindFirst(piece, from, out int len);
            if (at < 0) break;
            if (at + len == piece.Length) return at;
            from = at + 1;
        }
        // A post the lexicon lacks (生涯学習総括官) still ends like one; where it starts is not known, only that it follows a name.
        return piece.Length >= 5 && RosterLineReader.IsOffice(piece[^2..]) ? piece.Length : -1;
    }

    private static (string Name, AttendeeRole Role) CleanName(string raw, AttendeeRole role)
    {
        var name = raw.Trim().Trim('：', ':', '、', '，', ',').Trim();
        foreach (var suffix in NameSuffixes)
        {
            if (name.Length <= suffix.Length + 1 || !name.EndsWith(suffix, StringComparison.Ordinal)) continue;
            // 岡本主査 among the secretariat is an official's post, not the chair.
            if (suffix is "委員長" or "座長" or "主査" or "議長" && role == AttendeeRole.Member) role = AttendeeRole.Chair;
            name = name[..^suffix.Length].TrimEnd();
            break;
        }
        return (name, role);
    }

    /// <summary>"Org + title" text, one affiliation per "/" or "、" part (dual roles).</summary>
    public static List<Affiliation> Affiliations(string text)
    {
        var result = new List<Affiliation>();
        foreach (var (s, e) in SplitRoles(text))
        {
            var (ts, te) = Trim(text, s, e);
            if (te <= ts) continue;
            result.Add(SplitOrgTitle(text[ts..te]));
        }
        return result;
    }

    // Split at "/" and "／" (Officer/独立行政法人…) but not inside a short ASCII token (I/O, A/B), and at "、" once the
    // part before it holds a title (A社取締役、B大学客員教授).
    private static List<(int Start, int End)> SplitRoles(string text)
    {
        var parts = new List<(int, int)>();
        int depth = 0, start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '（' or '(' or '「' or '【') { depth++; continue; }
            if (c is '）' or ')' or '」' or '】') { depth = Math.Max(0, depth - 1); continue; }
            if (depth > 0) continue;
            bool split = c switch
            {
                '／' => true,
                '/' => !(i > 0 && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i - 1]) && char.IsAsciiLetterOrDigit(text[i + 1]) && !IsLongSide(text, i)),
                '、' => TitleLexicon.FindFirst(text.AsSpan(start, i - start), 0, out _) >= 0,
                _ => false,
            };
            if (!split) continue;
            parts.Add((start, i));
            start = i + 1;
        }
        parts.Add((start, text.Length));
        return parts;
    }

    // "Chief Data Officer/Chief Executive": long words on both sides are two roles, not one token like I/O or A/B.
    private static bool IsLongSide(string text, int slash)
    {
        int l = slash, r = slash + 1;
        while (l > 0 && char.IsAsciiLetter(text[l - 1])) l--;
        while (r < text.Length && char.IsAsciiLetter(text[r])) r++;
        return slash - l >= 3 && r - slash - 1 >= 3;
    }

    /// <summary>
    /// Splits "organisation + title" at the first title word: 株式会社安川電機 | 執行役員…, 東京大学大学院工学系研究科 | 教授.
    /// In "…研究所長" the 所 closes the organisation and also opens the title 所長.
    /// </summary>
    public static Affiliation SplitOrgTitle(string part)
    {
        var t = part.Trim();
        if (t.Length == 0) return new Affiliation("", "");
        int at = TitleLexicon.FindFirst(t, 0, out int len);
        if (at < 0) return new Affiliation(t, "");
        if (at == 0) return new Affiliation("", t);
        // 株式会社みなと水素　技術開発部長: a unit head written as its own word is the title, unit and all.
        if (t[at + len - 1] == '長' && len >= 2 && "部課室局".Contains(t[at + len - 2]))
        {
            int word = at;
            while (word > 0 && !MinutesLabels.IsSpace(t[word - 1])) word--;
            if (word > 0 && word < at) return new Affiliation(t[..word].TrimEnd(), t[word..]);
        }
        var org = t[..at].TrimEnd().TrimEnd('・', '、', '，', ',').TrimEnd();
        var title = t[at..].Trim();
        if (len == 2 && t[at + 1] == '長' && "所局部室課院会".Contains(t[at]) && t[at - 1] != t[at] && EntityText.IsKanji(t[at - 1]))
            org = t[..(at + 1)];
        return new Affiliation(org, title);
    }

    private static List<(int Start, int End)> SplitDepth0(string text, int start, int end, string separators)
    {
        var parts = new List<(int, int)>();
        int depth = 0, s = start;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c is '（' or '(' or '「' or '【' or '［') depth++;
            else if (c is '）' or ')' or '」' or '】' or '］') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && separators.Contains(c)) { parts.Add((s, i)); s = i + 1; }
        }
        parts.Add((s, end));
        return parts;
    }

    private static List<(int Start, int End)> Tokens(string line, int start, int end)
    {
        var tokens = new List<(int, int)>();
        int i = start;
        while (i < end)
        {
            while (i < end && MinutesLabels.IsSpace(line[i])) i++;
            int s = i;
            while (i < end && !MinutesLabels.IsSpace(line[i])) i++;
            if (i > s) tokens.Add((s, i));
        }
        return tokens;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && MinutesLabels.IsSpace(text[start])) start++;
        while (end > start && MinutesLabels.IsSpace(text[end - 1])) end--;
        return (start, end);
    }
}
