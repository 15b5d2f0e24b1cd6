using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Fukan.Extraction.Entities;
using Fukan.Extraction.Dates;
using Fukan.Model;
using Fukan.Normalizing;
using Fukan.Structure;

namespace Fukan.Extraction.Minutes;

/// <summary>
/// Reads a set of minutes from its original lines into a <see cref="MinutesDigest"/>: the meeting title, date and
/// time (令和8年2月12日（木）16時30分～18時30分), place, attendees, agenda (nested items kept under their parent),
/// materials, and statements with their topic block and speaker side. Minutes are line-structured, so it works on
/// <see cref="SourceText"/> lines, and every statement keeps the original line and character span of its text.
/// Parts a document lacks are left empty; nothing here throws on odd input.
/// </summary>
public sealed partial class MinutesParser
{
    private readonly AttendeeParser _attendees;

    public MinutesParser(EntityRecognizer recognizer)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        _attendees = new AttendeeParser(recognizer);
    }

    /// <summary>A parser over the embedded default gazetteer.</summary>
    public MinutesParser() : this(new EntityRecognizer()) { }

    /// <summary>The digest of <paramref name="source"/>; <paramref name="warn"/> hears about lines that could not be read.</summary>
    public MinutesDigest Parse(SourceText source, DocumentId id, Action<int, string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Run(this, source, id, warn).Parse();
    }

    [GeneratedRegex(@"(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(午前|午後)?\s*(\d{1,2})\s*(?:時\s*(?:(\d{1,2})\s*分|半)?|:\s*(\d{2}))")]
    private static partial Regex Time();

    [GeneratedRegex(@"^(参考)?資料\s*[\d０-９\-－]*$|^[\d０-９]+$")]
    private static partial Regex DocumentNumber();

    private sealed class AgendaNode(string? number, string text, Provenance provenance)
    {
        public string? Number { get; } = number;
        public string Text { get; } = text;
        public Provenance Provenance { get; } = provenance;
        public List<AgendaNode> Children { get; } = [];

        public AgendaItem ToItem()
        {
            var items = new AgendaItem[Children.Count];
            for (int i = 0; i < items.Length; i++) items[i] = Children[i].ToItem();
            return new AgendaItem(Number, Text, items, Provenance);
        }
    }

    /// <summary>The state of one parse.</summary>
    private sealed class Run(MinutesParser owner, SourceText source, DocumentId id, Action<int, string>? warn)
    {
        private string? _title, _header;
        private DateOnly? _date;
        private string? _startTime, _endTime, _place;
        private readonly List<Attendee> _attendees = [];
        private readonly List<AgendaNode> _agenda = [];
        private readonly List<string> _materials = [];
        private readonly List<MinutesStatement> _statements = [];

        private BlockKind _block = BlockKind.None;
        private BlockKind _pending = BlockKind.None;
        private int _pendingLine;
        private bool _anyField;
        private AttendeeRole _role;
        private bool _assembly;
        private readonly HashSet<(string, AttendeeRole)> _seen = [];
        private AttendeeTable _table = new();
        private readonly List<MarkerStyle> _agendaStyles = [];
        private readonly List<AgendaNode> _agendaLast = [];

        private string? _topic, _speaker;
        private int _statementsAtTopic = -1;
        private StatementSide _headerSide = StatementSide.Member;
        private StatementSide? _speakerSide;
        private readonly List<(int Start, int End)> _segments = [];
        private bool _blankSince = true;

        public MinutesDigest Parse()
        {
            int first = SkipFrontMatter();
            for (int l = first; l <= source.LineCount; l++)
            {
                int start = source.LineStart(l), end = source.LineEnd(l);
                var text = source.Text;
                while (start < end && MinutesLabels.IsSpace(text[start])) start++;
                while (end > start && MinutesLabels.IsSpace(text[end - 1])) end--;
                // Markdown headings: "## 議事次第" is the label 議事次第.
                if (start < end && text[start] == '#')
                {
                    int h = start;
                    while (h < end && text[h] == '#') h++;
                    if (h < end && MinutesLabels.IsSpace(text[h])) { start = h; while (start < end && MinutesLabels.IsSpace(text[start])) start++; }
                }
                if (start >= end)
                {
                    _blankSince = true;
                    continue;
                }
                // Rules (――――), stray brackets and mojibake say nothing; reading them would glue them to a statement.
                if (IsNoise(text.AsSpan(start, end - start)))
                {
                    if (HasLetters(text.AsSpan(start, end - start))) Warn(l, "garbled line skipped (mojibake?)");
                    continue;
                }
                if (!Line(l, start, end)) break;
                _blankSince = false;
            }
            Flush();
            if (_pending != BlockKind.None) Warn(_pendingLine, $"{(_pending == BlockKind.Date ? "日時" : "場所")} label without a value");
            var agenda = new AgendaItem[_agenda.Count];
            for (int i = 0; i < agenda.Length; i++) agenda[i] = _agenda[i].ToItem();
            return new MinutesDigest(_title ?? _header ?? "", _date, _startTime, _endTime, _place, _attendees, agenda, _materials, _statements);
        }

        /// <summary>
        /// A line with no letters or digits (rules, stray brackets, control characters), or one that is mostly Latin-1
        /// mojibake (ï»¿ç¬¬…: UTF-8 read as Latin-1) with no Japanese in it.
        /// </summary>
        private static bool IsNoise(ReadOnlySpan<char> t)
        {
            if (t[0] is '|' or '｜') return false; // table separators are the attendee parser's to read
            if (!HasLetters(t)) return true;
            int latin1 = 0, japanese = 0;
            foreach (char c in t)
            {
                if (c is >= '\u0080' and <= '\u00FF') latin1++;
                else if (c >= '\u3040') japanese++;
            }
            return japanese == 0 && latin1 >= 3 && latin1 * 3 >= t.Length;
        }

        private static bool HasLetters(ReadOnlySpan<char> t)
        {
            foreach (char c in t)
                if (char.IsLetterOrDigit(c)) return true;
            return false;
        }

        private int SkipFrontMatter()
        {
            if (source.LineCount < 2 || !source.Line(1).TrimEnd().SequenceEqual("---")) return 1;
            for (int l = 2; l <= Math.Min(source.LineCount, 400); l++)
            {
                var t = source.Line(l).TrimEnd();
                if (t.SequenceEqual("---") || t.SequenceEqual("...")) return l + 1;
            }
            return 1;
        }

        private void Warn(int line, string message) => warn?.Invoke(line, message);

        private Provenance Prov(int start, int end) => Provenance.Of(id, source, new CharSpan(start, end));

        /// <summary>Handles one non-blank line; false to stop reading.</summary>
        private bool Line(int l, int start, int end)
        {
            var t = source.Text.AsSpan(start, end - start);
            if (_block == BlockKind.Proceedings)
            {
                if (MinutesLabels.IsEnd(t)) return false;
                if (MinutesLabels.MatchLabel(t) is { } m && (m.Kind == BlockKind.Materials || (m.Kind == BlockKind.Proceedings && !m.HasValue))
                    // "（２）意見交換": a numbered part of the proceedings is a topic; only the record's own heading restarts them.
                    && !(m.Kind == BlockKind.Proceedings && NumberedTopic(t) is not null && !MinutesLabels.IsRecordHeading(t)))
                {
                    Flush();
                    OpenBlock(m, l, start, t);
                    return true;
                }
                Statement(l, start, end);
                return true;
            }
            if (MinutesLabels.IsEnd(t) && _anyField) return false;
            // "○事務局（佐藤課長補佐）　資料２について御説明いたします。" opens the record even without a 議事録 heading,
            // and must not be read as a 事務局 attendee label or an agenda item.
            if (IsSpeakerStatement(t))
            {
                StartProceedings();
                Statement(l, start, end);
                return true;
            }

            var label = MinutesLabels.MatchLabel(t);
            // "（２）議題" inside a 議事 list is an item, not a new agenda; so is "３．意見交換" (a label word, but numbered
            // like its neighbours). Only the record's own heading (議事概要, 議事録 …) ends the agenda.
            if (label is { Kind: BlockKind.Agenda or BlockKind.Proceedings } && _block == BlockKind.Agenda && !label.Value.HasValue
                && MinutesLabels.TryMarker(t, out var ls, out _, out _) && ls != MarkerStyle.None && !MinutesLabels.IsRecordHeading(t))
                label = null;
            if (label is { } found)
            {
                // A 議事要旨 heading above the title is the document's kind, not the start of the proceedings.
                if (found.Kind == BlockKind.Proceedings && !found.HasValue && !_anyField)
                {
                    _header ??= CleanTitle(t.ToString());
                    return true;
                }
                OpenBlock(found, l, start, t);
                return true;
            }

            if (_pending != BlockKind.None)
            {
                var pending = _pending;
                _pending = BlockKind.None;
                SetField(pending, l, t.ToString());
                return true;
            }

            // 午前十時開議 / 午後3時15分 散 会: when the sitting opened or closed.
            if (SittingTime(t) is { } sitting)
            {
                if (sitting.Opens) _startTime ??= sitting.Time;
                else _endTime = sitting.Time;
                return true;
            }
            if (_title is null && !_anyField && !IsSentence(t) && t[^1] != '。')
            {
                var s = t.ToString();
                if (DocumentNumber().IsMatch(s)) return true;
                if (s.Length <= 30 && ParseDate(s) is { } d && s.Length - s.IndexOf('日') <= 6) { _date ??= d; return true; }
                _title = CleanTitle(s);
                return true;
            }

            // 令和2年11月10日(火曜日) 午前10時00分開議: an assembly's dateline under the title, before any field.
            if (!_anyField && t.Length <= 60 && !EndsSentence(t) && ParseDate(t.ToString()) is { } day && (_date is null || _date == day))
            {
                _date = day;
                var (from, to) = ParseTimes(t.ToString());
                _startTime ??= from;
                _endTime ??= to;
                return true;
            }

            // "2. 事務局説明" in an agenda is an item, not the secretariat's part of the proceedings.
            if (_block == BlockKind.Agenda && MinutesLabels.TryMarker(t, out var style, out _, out _) && style != MarkerStyle.None && t.Length <= 60 && !EndsSentence(t))
            {
                AgendaLine(start, end);
                return true;
            }
            if (_block == BlockKind.Materials && !IsProse(t) && (t.StartsWith("資料") || t.StartsWith("参考資料") || t.StartsWith("別添") || t.StartsWith("別紙")
                || (MinutesLabels.TryMarker(t, out var ms, out _, out _) && ms != MarkerStyle.None)))
            {
                Material(t);
                return true;
            }
            if (MinutesLabels.SideHeader(t, out _) is not null)
            {
                StartProceedings();
                Statement(l, start, end);
                return true;
            }
            if (MinutesLabels.Topic(t) is { } topic && _block != BlockKind.Attendees)
            {
                StartProceedings();
                SetTopic(topic);
                return true;
            }

            switch (_block)
            {
                case BlockKind.Attendees when !IsSentence(t):
                    // （政府）, 【有識者】: a group heading inside the block, never an attendee.
                    if (MinutesLabels.GroupHeading(t) is { } group) _role = group;
                    else if (!MinutesLabels.IsAnnotation(t)) AttendeeLine(start, end, _role);
                    return true;
                case BlockKind.Agenda when !IsProse(t) && !EndsSentence(t):
                    AgendaLine(start, end);
                    return true;
                case BlockKind.Materials when !IsProse(t):
                    Material(t);
                    return true;
            }
            // Prose before any field: minutes without labels still have statements.
            StartProceedings();
            Statement(l, start, end);
            return true;
        }

        private static bool IsProse(ReadOnlySpan<char> t) => t.Length > 60 || IsSentence(t);

        // Agenda items are noun phrases; "本日は、お忙しい中ありがとうございます。" after the agenda is speech.
        private static bool EndsSentence(ReadOnlySpan<char> t) => t.Length > 15 && t[^1] == '。';

        /// <summary>A line that starts with a speaker (○山田委員　…, 【事務局】…, 山田委員：…) and goes on to say something.</summary>
        private bool IsSpeakerStatement(ReadOnlySpan<char> t)
        {
            int p = 0;
            bool marked = false;
            for (int guard = 0; guard < 2 && p < t.Length; guard++)
            {
                if (!MinutesLabels.TryMarker(t[p..], out var s, out _, out int len) || s != MarkerStyle.Bullet) break;
                p += len;
                marked = true;
            }
            if (!SpeakerPrefix(t, p, marked, out _, out _, out int content) || content >= t.Length) return false;
            // Attendee lines (座長　山田太郎（東京大学教授）) name people; speech has sentences.
            var said = t[content..];
            return said.IndexOf('。') >= 0 || said[^1] is '？' or '?';
        }

        // Attendee lines can be long (dual roles) but are never sentences.
        private static bool IsSentence(ReadOnlySpan<char> t) => t.Length > 30 && t[^1] == '。';

        private void StartProceedings()
        {
            if (_block != BlockKind.Proceedings)
            {
                _block = BlockKind.Proceedings;
                _headerSide = StatementSide.Member;
            }
            Flush();
            _topic = null;
            _speaker = null;
            _speakerSide = null;
        }

        private void OpenBlock(LabelMatch label, int l, int start, ReadOnlySpan<char> t)
        {
            _anyField = true;
            int valueStart = start + label.ValueStart;
            var value = label.HasValue ? t[label.ValueStart..].ToString() : "";
            switch (label.Kind)
            {
                case BlockKind.Date:
                case BlockKind.Place:
                    if (label.HasValue) SetField(label.Kind, l, value);
                    else { _pending = label.Kind; _pendingLine = l; }
                    return;
                case BlockKind.Attendees:
                    // A group label (出席者, （オブザーバー）, 欠席) sets the role of the lines under it; a chair label
                    // (座長：松尾 豊) only that of its own line.
                    bool chair = label.Role == AttendeeRole.Chair;
                    if (_block != BlockKind.Attendees) { _role = AttendeeRole.Member; _table = new AttendeeTable(); }
                    _block = BlockKind.Attendees;
                    if (!chair) _role = label.Role;
                    if (label.HasValue) AttendeeLine(valueStart, start + t.Length, label.Role);
                    return;
                case BlockKind.Agenda:
                    _block = BlockKind.Agenda;
                    _agendaStyles.Clear();
                    _agendaLast.Clear();
                    if (label.HasValue) InlineAgenda(valueStart, start + t.Length);
                    return;
                case BlockKind.Materials:
                    _block = BlockKind.Materials;
                    if (label.HasValue) Material(value);
                    return;
                case BlockKind.Proceedings:
                    StartProceedings();
                    if (label.HasValue) Statement(l, valueStart, start + t.Length);
                    return;
            }
        }

        private void SetField(BlockKind kind, int line, string value)
        {
            if (kind == BlockKind.Place)
            {
                _place ??= value.Trim();
                return;
            }
            var date = ParseDate(value);
            if (date is null) Warn(line, $"minutes date not understood: {value}");
            else _date = date;
            var (startTime, endTime) = ParseTimes(value);
            _startTime ??= startTime;
            _endTime ??= endTime;
        }

        // ---- attendees --------------------------------------------------------------------------------------

        private void AttendeeLine(int start, int end, AttendeeRole role)
        {
            var line = source.Text[start..end];
            if (role == AttendeeRole.Official) _assembly = true;
            bool roster = RosterLineReader.Looks(line, _assembly);
            // In an assembly's roster a line of another shape is an office alone (教育委員会 事務局), wrapped onto the next
            // line, or the record going on (十二月八日, a bill's title): no attendee.
            if (!roster && _assembly) return;
            if (roster)
            {
                _assembly = true;
                foreach (var e in RosterLineReader.Read(line))
                {
                    if (!_seen.Add((e.Name, RosterRole(e.Office, role)))) continue;
                    var affiliations = e.Office.Length > 0 ? new List<Affiliation> { new("", e.Office) } : new List<Affiliation>();
                    _attendees.Add(new Attendee(e.Name, "", e.Office, RosterRole(e.Office, role), affiliations, Prov(start + e.Start, start + e.End)));
                }
                return;
            }
            var parsed = new List<ParsedAttendee>();
            owner._attendees.ParseLine(line, role, _table, parsed);
            foreach (var p in parsed)
            {
                // The same person listed twice in one role (a typo in the roster) is one attendee.
                if (!_seen.Add((p.Name, p.Role))) continue;
                string org = Join(p.Affiliations, a => a.Organization), title = Join(p.Affiliations, a => a.Title);
                _attendees.Add(new Attendee(p.Name, org, title, p.Role, p.Affiliations, Prov(start + p.Start, start + p.End)));
            }
        }

        /// <summary>
        /// The role of a roster entry: its office decides where the block does not (a Diet committee lists the chair, other
        /// house members, ministers' aides and its clerks in one block); otherwise the block's.
        /// </summary>
        private static AttendeeRole RosterRole(string office, AttendeeRole block)
        {
            if (office.Length == 0) return block;
            if (office is "委員長" or "議長" or "座長" or "会長") return block is AttendeeRole.Member or AttendeeRole.Chair ? AttendeeRole.Chair : block;
            if (block is not (AttendeeRole.Member or AttendeeRole.Chair)) return block;
            if (office.StartsWith("参議院", StringComparison.Ordinal) || office.StartsWith("衆議院", StringComparison.Ordinal)) return AttendeeRole.Observer;
            foreach (var w in OfficialWords) if (office.Contains(w, StringComparison.Ordinal)) return AttendeeRole.Official;
            foreach (var w in ClerkWords) if (office.Contains(w, StringComparison.Ordinal)) return AttendeeRole.Secretariat;
            return block;
        }

        private static readonly string[] OfficialWords = ["大臣", "政務官", "政府参考人", "長官", "局長", "審議官", "知事", "市長", "町長", "村長", "区長", "教育長", "部長", "課長"];
        private static readonly string[] ClerkWords = ["専門員", "調査室長", "事務局", "書記"];

        private static string Join(IReadOnlyList<Affiliation> affiliations, Func<Affiliation, string> part)
        {
            var sb = new StringBuilder();
            foreach (var a in affiliations)
            {
                var s = part(a);
                if (s.Length == 0) continue;
                if (sb.Length > 0) sb.Append(" / ");
                sb.Append(s);
            }
            return sb.ToString();
        }

        // ---- agenda -----------------------------------------------------------------------------------------

        private void AgendaLine(int start, int end)
        {
            var t = source.Text.AsSpan(start, end - start);
            int p = 0;
            var style = MarkerStyle.None;
            string? number = null;
            for (int guard = 0; guard < 3 && p < t.Length; guard++)
            {
                if (!MinutesLabels.TryMarker(t[p..], out var s, out var n, out int len) || s == MarkerStyle.None) break;
                if (s != MarkerStyle.Bullet || style == MarkerStyle.None) { style = s; number = s == MarkerStyle.Bullet ? null : n; }
                p += len;
            }
            if (p >= t.Length) return;
            AddAgenda(style, number, start + p, end);
        }

        // 議題：（１）AI戦略について（２）その他
        private void InlineAgenda(int start, int end)
        {
            var t = source.Text.AsSpan(start, end - start);
            var cuts = new List<int>();
            for (int i = 0; i < t.Length; i++)
            {
                if (!MinutesLabels.TryMarker(t[i..], out var s, out _, out _) || s is MarkerStyle.None or MarkerStyle.Bullet) continue;
                if (s is MarkerStyle.Paren or MarkerStyle.Circled) cuts.Add(i);
            }
            if (cuts.Count < 2 || cuts[0] != 0)
            {
                AgendaLine(start, end);
                return;
            }
            for (int k = 0; k < cuts.Count; k++)
            {
                int s = start + cuts[k], e = k + 1 < cuts.Count ? start + cuts[k + 1] : end;
                while (e > s && MinutesLabels.IsSpace(source.Text[e - 1])) e--;
                AgendaLine(s, e);
            }
        }

        private void AddAgenda(MarkerStyle style, string? number, int start, int end)
        {
            var node = new AgendaNode(number, source.Text[start..end], Prov(start, end));
            int level;
            if (style == MarkerStyle.None)
            {
                level = 0;
                _agendaStyles.Clear();
                _agendaLast.Clear();
                _agendaStyles.Add(style);
            }
            else
            {
                level = _agendaStyles.IndexOf(style);
                if (level >= 0)
                {
                    _agendaStyles.RemoveRange(level + 1, _agendaStyles.Count - level - 1);
                    if (_agendaLast.Count > level) _agendaLast.RemoveRange(level, _agendaLast.Count - level);
                }
                else
                {
                    _agendaStyles.Add(style);
                    level = _agendaStyles.Count - 1;
                }
            }
            var parent = level > 0 && _agendaLast.Count >= level ? _agendaLast[level - 1].Children : _agenda;
            parent.Add(node);
            if (_agendaLast.Count > level) _agendaLast.RemoveRange(level, _agendaLast.Count - level);
            while (_agendaLast.Count < level) _agendaLast.Add(node);
            _agendaLast.Add(node);
        }

        private void Material(ReadOnlySpan<char> t)
        {
            int p = 0;
            if (MinutesLabels.TryMarker(t, out var s, out _, out int len) && s == MarkerStyle.Bullet) p = len;
            var item = t[p..].Trim().ToString();
            if (item.Length > 0 && !MinutesLabels.IsAnnotation(item)) _materials.Add(item);
        }

        // ---- statements -------------------------------------------------------------------------------------

        /// <summary>
        /// "（１）量子コンピュータ開発の現状について", "２．意見交換": a short numbered line that is no sentence and names no
        /// speaker heads the statements under it.
        /// </summary>
        private static string? NumberedTopic(ReadOnlySpan<char> t)
        {
            if (!MinutesLabels.TryMarker(t, out var style, out _, out int len) || style is not (MarkerStyle.Paren or MarkerStyle.Arabic)) return null;
            var rest = t[len..].Trim();
            if (rest.Length is < 2 or > 30 || rest.IndexOfAny('。', '、', '：') >= 0 || rest.IndexOf(':') >= 0) return null;
            if (MinutesLabels.Speaker(rest, out _)) return null;
            return rest.ToString();
        }

        private void Statement(int l, int start, int end)
        {
            var t = source.Text.AsSpan(start, end - start);
            if (MinutesLabels.IsAnnotation(t)) return;
            if (MinutesLabels.SideHeader(t, out int headerAt) is { } side)
            {
                SideHeader(l, start, headerAt, side);
                return;
            }
            if ((MinutesLabels.Topic(t) ?? NumberedTopic(t)) is { } topic)
            {
                Flush();
                SetTopic(topic);
                _speaker = null;
                _speakerSide = null;
                return;
            }
            int p = 0;
            bool marked = false;
            for (int guard = 0; guard < 3 && p < t.Length; guard++)
            {
                if (!MinutesLabels.TryMarker(t[p..], out var s, out _, out int len) || s == MarkerStyle.None) break;
                p += len;
                marked = true;
            }
            if (SpeakerPrefix(t, p, marked, out var speaker, out var speakerSide, out int content))
            {
                Flush();
                _speaker = speaker;
                _speakerSide = speakerSide;
                if (content < t.Length) _segments.Add((start + content, end));
                return;
            }
            // "・中村委員から、…との意見があった。" / "（1）事務局から資料に基づき説明。": the speaker is named, the sentence stays whole.
            if (SpeakerFrom(t, p, out var from, out var fromSide))
            {
                Flush();
                _segments.Add((start + p, end));
                var (keepSpeaker, keepSide) = (_speaker, _speakerSide);
                (_speaker, _speakerSide) = (from, fromSide);
                Flush();
                (_speaker, _speakerSide) = (keepSpeaker, keepSide);
                return;
            }
            // Assembly records name every speaker; prose before the first (付託された, 日程第1) is the clerk's record.
            if (_assembly && _speaker is null) return;
            if (marked || _segments.Count == 0 || _blankSince)
            {
                Flush();
                if (p < t.Length) _segments.Add((start + p, end));
                return;
            }
            _segments.Add((start, end));
        }

        private void SetTopic(string topic)
        {
            _topic = topic;
            _statementsAtTopic = _statements.Count;
        }

        /// <summary>
        /// "構成員からの主な御発言" sets the side of the bullets under it. Written straight under a topic ("（１）…について" then
        /// "委員からの主な意見は以下のとおり。") it keeps that topic; after statements it starts a new run without one. A
        /// sentence before it on the same line ("事務局から資料２に基づき説明があった。") is a statement of its own.
        /// </summary>
        private void SideHeader(int l, int start, int headerAt, StatementSide side)
        {
            Flush();
            bool keepTopic = _topic is not null && _statements.Count == _statementsAtTopic;
            if (headerAt > 0)
            {
                int end = start + headerAt;
                while (end > start && MinutesLabels.IsSpace(source.Text[end - 1])) end--;
                var (keepSpeaker, keepSide) = (_speaker, _speakerSide);
                Statement(l, start, end);
                Flush();
                (_speaker, _speakerSide) = (keepSpeaker, keepSide);
            }
            var topic = _topic;
            StartProceedings();
            _headerSide = side;
            if (keepTopic && topic is not null) SetTopic(topic);
        }

        private void Flush()
        {
            if (_segments.Count == 0) return;
            var text = source.Text;
            var sb = new StringBuilder();
            foreach (var (s, e) in _segments)
            {
                if (sb.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetterOrDigit(text[s])) sb.Append(' ');
                sb.Append(text, s, e - s);
            }
            var span = new CharSpan(_segments[0].Start, _segments[^1].End);
            _segments.Clear();
            var statement = sb.ToString().Trim();
            if (statement.Length == 0) return;
            var side = _speakerSide ?? _headerSide;
            var (name, role) = SpeakerLabel.Split(_speaker);
            _statements.Add(new MinutesStatement(_topic, side, _speaker, statement, Provenance.Of(id, source, span), name, role));
        }

        private static readonly string[] Particles = ["から", "が", "は", "の", "より", "も", "に", "と", "で", "へ", "を", "について"];

        // ○松尾委員　…, 松尾委員：…, 【事務局】…, （事務局（商務情報政策局））…, or a speaker alone on the line.
        private bool SpeakerPrefix(ReadOnlySpan<char> t, int p, bool marked, out string? speaker, out StatementSide? side, out int content)
        {
            speaker = null; side = null; content = 0;
            if (p >= t.Length) return false;
            char open = t[p];
            if (open is '【' or '［' or '〔' or '＜' or '（' or '(' or '[')
            {
                char close = open switch { '【' => '】', '［' => '］', '〔' => '〕', '＜' => '＞', '（' => '）', '(' => ')', _ => ']' };
                int c = t[(p + 1)..].IndexOf(close);
                if (c < 1) return false;
                var inner = t.Slice(p + 1, c);
                if (!MinutesLabels.Speaker(inner, out side)) return false;
                speaker = inner.Trim().ToString();
                content = SkipSeparators(t, p + 1 + c + 1);
                return true;
            }
            int q = p;
            while (q < t.Length && q - p <= 16 && !MinutesLabels.IsSpace(t[q]) && t[q] is not ('：' or ':' or '（' or '(' or '、' or '。')) q++;
            if (q == p || q - p > 16) return false;
            var token = t[p..q];
            int after = q;
            if (after < t.Length && t[after] is '（' or '(')
            {
                int close = t[after..].IndexOfAny('）', ')');
                if (close < 0) return false;
                after += close + 1;
            }
            bool colon = after < t.Length && t[after] is '：' or ':';
            bool spaced = after < t.Length && MinutesLabels.IsSpace(t[after]);
            if (!(colon || spaced || after == t.Length)) return false;
            if (!marked && !colon && after < t.Length && !spaced) return false;
            if (!MinutesLabels.Speaker(token, out side))
            {
                // 〇関 三郎委員長 これより… / 〇森 田 一郎委員長: a marked speaker whose name is written with spaces inside.
                if (!marked || !spaced || token.Length > 4) return false;
                var joined = token.ToString();
                int q3 = q;
                bool found = false;
                for (int extra = 0; extra < 3 && !found; extra++)
                {
                    int q2 = q3;
                    while (q2 < t.Length && MinutesLabels.IsSpace(t[q2])) q2++;
                    q3 = q2;
                    while (q3 < t.Length && q3 - p <= 16 && !MinutesLabels.IsSpace(t[q3]) && t[q3] is not ('：' or ':' or '（' or '(' or '、' or '。')) q3++;
                    if (q3 == q2 || q3 >= t.Length || !(MinutesLabels.IsSpace(t[q3]) || t[q3] is '：' or ':')) return false;
                    joined += t[q2..q3].ToString();
                    if (joined.Length > 10) return false;
                    found = MinutesLabels.Speaker(joined, out side);
                    if (!found && q3 - q2 > 2) return false;
                }
                if (!found) return false;
                after = q3;
                colon = t[after] is '：' or ':';
            }
            int rest = SkipSeparators(t, after);
            if (!colon && rest < t.Length)
                foreach (var particle in Particles)
                    if (t[rest..].StartsWith(particle, StringComparison.Ordinal)) return false;
            speaker = t[p..after].ToString();
            content = rest;
            return true;
        }

        private static bool SpeakerFrom(ReadOnlySpan<char> t, int p, out string? speaker, out StatementSide? side)
        {
            speaker = null; side = null;
            var rest = t[p..];
            int from = rest.IndexOf("から", StringComparison.Ordinal);
            if (from < 0) from = rest.IndexOf("より", StringComparison.Ordinal);
            if (from <= 0 || from > 16 || from + 2 >= rest.Length || rest[from + 2] is not ('、' or '，' or ',' or ' ' or '　' or '資' or '説' or '報' or '発' or '意' or '質')) return false;
            var token = rest[..from];
            if (token.IndexOfAny('、', '。', ' ') >= 0 || !MinutesLabels.Speaker(token, out side)) return false;
            speaker = token.ToString();
            return true;
        }

        private static int SkipSeparators(ReadOnlySpan<char> t, int p)
        {
            while (p < t.Length && (MinutesLabels.IsSpace(t[p]) || t[p] is '：' or ':')) p++;
            return p;
        }
    }

    // ---- values -----------------------------------------------------------------------------------------------

    private static readonly DateParser Dates = new();

    [GeneratedRegex(@"^(午前|午後)?\s*([0-9〇一二三四五六七八九十]{1,3})\s*時\s*(?:([0-9〇一二三四五六七八九十]{1,3})\s*分)?\s*(開\s*議|開\s*会|散\s*会|閉\s*会|延\s*会)$")]
    private static partial Regex SittingTimeLine();

    /// <summary>A line that is only the time a sitting opened or closed (午前九時開議, 午後3時15分 散 会).</summary>
    internal static (string Time, bool Opens)? SittingTime(ReadOnlySpan<char> line)
    {
        var m = SittingTimeLine().Match(TextFolding.Fold(line.ToString()));
        if (!m.Success) return null;
        int hour = SmallNumber(m.Groups[2].Value), minute = m.Groups[3].Success ? SmallNumber(m.Groups[3].Value) : 0;
        if (m.Groups[1].Value == "午後" && hour < 12) hour += 12;
        if (hour > 24 || minute > 59) return null;
        bool opens = m.Groups[4].Value.Contains('開');
        return (string.Create(CultureInfo.InvariantCulture, $"{hour:D2}:{minute:D2}"), opens);
    }

    private static int SmallNumber(string s)
    {
        if (s.Length > 0 && s[0] is >= '0' and <= '9') return int.Parse(s, CultureInfo.InvariantCulture);
        int value = 0, current = 0;
        foreach (char c in s)
        {
            int d = "〇一二三四五六七八九".IndexOf(c);
            if (c == '十') { value += (current == 0 ? 1 : current) * 10; current = 0; }
            else if (d >= 0) current = d;
        }
        return value + current;
    }

    /// <summary>令和8年2月12日, 2026年2月12日, 平成三十年十二月十日 or 2026/2/12 in <paramref name="value"/>.</summary>
    internal static DateOnly? ParseDate(string value)
    {
        var folded = TextFolding.Fold(value);
        var date = DocumentClassifier.ParseJapaneseDate(folded);
        if (date is not null) return date;
        // 平成三十年十二月十日: kanji numerals, as the Diet writes them.
        foreach (var written in Dates.Parse(folded))
            if (written.Precision == DatePrecision.Day && written.Start is { } day) return day;
        var m = NumericDate().Match(folded);
        if (!m.Success) return null;
        int y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return y is > 1900 and < 2200 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    /// <summary>Start and end times (HH:mm) in a 日時 value: 16時30分～18時30分, 午後4時～6時, 16:30-18:30.</summary>
    internal static (string? Start, string? End) ParseTimes(string value)
    {
        var folded = TextFolding.Fold(value);
        // Dates like 2026/2/12 hold no times; look after the date part.
        int from = Math.Max(folded.IndexOf('日'), 0);
        string? start = null, end = null;
        bool afternoon = false;
        foreach (Match m in Time().Matches(folded, from))
        {
            int hour = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            int minute = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)
                : m.Groups[4].Success ? int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture)
                : m.Value.EndsWith('半') ? 30 : 0;
            if (m.Groups[1].Success) afternoon = m.Groups[1].Value == "午後";
            if (afternoon && hour < 12) hour += 12;
            if (hour > 24 || minute > 59) continue;
            var hhmm = $"{hour:D2}:{minute:D2}";
            if (start is null) start = hhmm;
            else { end = hhmm; break; }
        }
        return (start, end);
    }

    private static readonly string[] TitleSuffixes = ["議事要旨", "議事録", "議事概要", "議事次第", "会議録", "（議事要旨）", "（議事録）", "（議事概要）", "（会議録）", "(議事要旨)", "(議事録)"];

    /// <summary>The meeting's title: the heading without "議事要旨" and the like (unless that is all there is).</summary>
    internal static string CleanTitle(string line)
    {
        var t = line.Trim().TrimStart('#').Trim();
        foreach (var suffix in TitleSuffixes)
        {
            if (!t.EndsWith(suffix, StringComparison.Ordinal) || t.Length == suffix.Length) continue;
            var cut = t[..^suffix.Length].TrimEnd(' ', '\u3000', '・', '－', '-', '　');
            return cut.Length > 0 ? cut : t;
        }
        return t;
    }
}
