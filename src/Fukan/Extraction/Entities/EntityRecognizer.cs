using Fukan.Model;

namespace Fukan.Extraction.Entities;

/// <summary>
/// Finds entity mentions in a text: gazetteer names first, then name patterns (…株式会社 / 株式会社…, …大学,
/// …研究所, …機構, …プロジェクト, …戦略, …基金, 「…」 names, English "… University" / "… Initiative"), then
/// ASCII acronyms (GAA, BSPDN). Where candidates overlap the longest wins, and on a tie the gazetteer wins.
/// A pattern name whose core is a gazetteer name (Rapidus 株式会社) is linked to that entity; an acronym written
/// right after or before a name in brackets (日本医療研究開発機構（AMED）) is linked to that name's entity.
/// Pattern entities get an id derived from their normalised name (legal forms removed, folded, no spaces).
/// Immutable and thread-safe once built.
/// </summary>
public sealed partial class EntityRecognizer
{
    private const int MaxStem = 30;
    private const int MaxQuoted = 40;

    private static readonly KeyTrie KeywordTrie = BuildKeywordTrie();

    private readonly Gazetteer _gazetteer;

    public EntityRecognizer(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _gazetteer = gazetteer;
    }

    /// <summary>A recognizer over the embedded default gazetteer.</summary>
    public EntityRecognizer() : this(Gazetteer.Default) { }

    public Gazetteer Gazetteer => _gazetteer;

    private static KeyTrie BuildKeywordTrie()
    {
        var trie = new KeyTrieBuilder();
        for (int i = 0; i < NameRules.Keywords.Length; i++) trie.Add(EntityText.Key(NameRules.Keywords[i].Text), i);
        return trie.Build();
    }

    private struct Candidate
    {
        public int Start, End;
        public string Id, Name;
        public EntityType Type;
        public MentionOrigin Origin;
        public int Priority;
    }

    // One scan per thread, reused call after call: a passage is short, and allocating the scan's lists, sets and
    // folded copy for each one cost more than finding its names. Find never calls itself, so one per thread is enough.
    [ThreadStatic] private static Scan? t_scan;

    /// <summary>The mentions in <paramref name="text"/>, in text order, not overlapping.</summary>
    public IReadOnlyList<EntityMention> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return [];
        var scan = t_scan ??= new Scan();
        scan.Start(_gazetteer, text);
        try
        {
            scan.Gazetteer();
            scan.Keywords();
            scan.Quoted();
            scan.English();
            scan.EnglishCompanies();
            scan.ShaSuffix();
            scan.Acronyms();
            var chosen = scan.Resolve();
            scan.LinkDefinitions(chosen);
            var result = new EntityMention[chosen.Count];
            for (int i = 0; i < chosen.Count; i++)
            {
                var c = chosen[i];
                result[i] = new EntityMention(new CharSpan(c.Start, c.End), text[c.Start..c.End], c.Id, c.Name, c.Type, c.Origin);
            }
            return result;
        }
        finally
        {
            scan.Finish();
        }
    }

    /// <summary>The state of one <see cref="Find"/> call; its buffers are kept for the next call on the same thread.</summary>
    private sealed partial class Scan
    {
        private Gazetteer _gaz = null!;
        private string _text = "";
        private char[] _fold = new char[256];
        private int _n;
        private readonly List<Candidate> _cands = new(32);
        private int _gazCount;                                   // the first _gazCount candidates are the gazetteer's, by start
        private readonly PositionSet _gazEnds = new();
        private readonly PositionSet _taken = new();
        private readonly List<(int End, int Value)> _hits = new(8);
        private readonly List<(int End, int Value)> _keywordHits = new(4);
        private readonly List<Word> _words = new(64);
        private readonly List<Candidate> _chosen = new(16);
        private int[] _order = new int[32];
        private readonly Comparison<int> _byPreference;

        public Scan() => _byPreference = ComparePreference;

        /// <summary>Readies the scan for <paramref name="text"/>: folds it and forgets the previous text.</summary>
        public void Start(Gazetteer gazetteer, string text)
        {
            _gaz = gazetteer;
            _text = text;
            _n = text.Length;
            if (_fold.Length < _n) _fold = new char[Math.Max(_n, _fold.Length * 2)];
            EntityText.FoldInto(text, _fold);
            _cands.Clear();
            _gazCount = 0;
            _gazEnds.Reset(_n + 1);
            _hits.Clear();
            _words.Clear();
            _chosen.Clear();
        }

        /// <summary>Drops the references to the text and its names, so a finished scan keeps nothing alive.</summary>
        public void Finish()
        {
            _text = "";
            _cands.Clear();
            _chosen.Clear();
        }

        /// <summary>The folded text: the same length as the text, one character for one.</summary>
        private ReadOnlySpan<char> F => new(_fold, 0, _n);

        private int N => _n;

        // ---- gazetteer -------------------------------------------------------------------------------------

        public void Gazetteer()
        {
            var trie = _gaz.Trie;
            var f = F;
            for (int s = 0; s < f.Length; s++)
            {
                if (!trie.MayMatchAt(f, s)) continue;
                trie.Walk(f, s, _hits);
                for (int h = _hits.Count - 1; h >= 0; h--)
                {
                    int end = _hits[h].End, alias = _hits[h].Value;
                    if (!Bounded(s, end)) continue;
                    if (!CaseMatches(_gaz.CaseOf(alias), s, end)) continue;
                    if (IsIgnored(s, end)) continue;
                    var entry = _gaz.EntryOfAlias(alias);
                    _gazEnds.Add(end);
                    _cands.Add(new Candidate { Start = s, End = end, Id = entry.Id, Name = entry.Name, Type = entry.Type, Origin = MentionOrigin.Gazetteer, Priority = 0 });
                    break;
                }
            }
            _gazCount = _cands.Count;
        }

        /// <summary>The index of the gazetteer candidate starting at <paramref name="start"/>, or -1 (they are in start order).</summary>
        private int GazetteerAt(int start)
        {
            int lo = 0, hi = _gazCount - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                int at = _cands[mid].Start;
                if (at == start) return mid;
                if (at < start) lo = mid + 1;
                else hi = mid - 1;
            }
            return -1;
        }

        // A name must not start or end inside a word of its own script: US in BUS, タイ in リアルタイム,
        // さきがけ in さきがけて. A trailing plural s after capitals is allowed (GPUs).
        private bool Bounded(int s, int e)
        {
            var f = F;
            char first = f[s], last = f[e - 1];
            if (s > 0)
            {
                char before = f[s - 1];
                if (EntityText.IsAsciiAlnum(first) && EntityText.IsAsciiAlnum(before)) return false;
                if (EntityText.IsKatakana(first) && EntityText.IsKatakana(before)) return false;
                if (EntityText.IsHiragana(first) && EntityText.IsHiragana(before)) return false;
            }
            if (e < f.Length)
            {
                char after = f[e];
                if (EntityText.IsAsciiAlnum(last) && EntityText.IsAsciiAlnum(after))
                {
                    bool plural = after == 's' && char.IsUpper(_text[e - 1]) && (e + 1 == f.Length || !EntityText.IsAsciiAlnum(f[e + 1]));
                    if (!plural) return false;
                }
                if (EntityText.IsKatakana(last) && EntityText.IsKatakana(after)) return false;
                if (EntityText.IsHiragana(last) && EntityText.IsHiragana(after)) return false;
            }
            return true;
        }

        private bool CaseMatches(AliasCase rule, int s, int e)
        {
            if (rule == AliasCase.Any) return true;
            bool anyUpper = false, anyLower = false;
            for (int i = s; i < e; i++)
            {
                char c = _text[i];
                if (!char.IsLetter(c) || c > '\uFF5A') continue; // kana and kanji have no case
                if (char.IsUpper(c)) anyUpper = true;
                else if (char.IsLower(c)) anyLower = true;
            }
            return rule == AliasCase.Upper ? !anyLower : anyUpper || !anyLower;
        }

        private bool IsIgnored(int s, int e) => _gaz.IsIgnored(_text.AsSpan(s, e - s));

        // ---- keyword patterns --------------------------------------------------------------------------------

        public void Keywords()
        {
            var f = F;
            var hits = _keywordHits;
            for (int s = 0; s < f.Length; s++)
            {
                if (!KeywordTrie.MayMatchAt(f, s)) continue;
                KeywordTrie.Walk(f, s, hits);
                foreach (var (end, value) in hits)
                {
                    var kw = NameRules.Keywords[value];
                    // A katakana keyword inside a longer katakana word is no keyword: プロジェクトマネージャー.
                    if (EntityText.IsKatakana(f[end - 1]) && end < f.Length && EntityText.IsKatakana(f[end])) continue;
                    switch (kw.Role)
                    {
                        case KeywordRole.OrgSuffix:
                        case KeywordRole.ProgramSuffix:
                            TrySuffix(kw, s, end);
                            break;
                        case KeywordRole.LegalForm:
                            if (!TrySuffix(kw, s, end)) TryPrefix(kw, s, end);
                            break;
                        case KeywordRole.LegalPrefix:
                            TryPrefix(kw, s, end);
                            break;
                    }
                }
            }
        }

        private bool TrySuffix(NameKeyword kw, int s, int end)
        {
            var f = F;
            if (kw.Role == KeywordRole.ProgramSuffix && EntityText.IsKanji(f[end - 1]) && end < N && EntityText.IsKanji(f[end])) return false; // 戦略的, 戦略投資
            if (kw.Text == "大学" && end < N && f[end] is '院' or '生') return false;                                                   // 大学院, 大学生
            if (kw.Text is "省" or "庁" && end < N && EntityText.IsKanji(f[end])) return false;                                         // 省庁, 省令, 省エネ
            if (kw.Text == "庁" && s > 0 && f[s - 1] is '省' or '府') return false;                                                     // 各府省庁
            int tailEnd = kw.Role == KeywordRole.ProgramSuffix ? YearTail(end) : end;
            int stemStart = BackExtend(s);
            stemStart = SkipLeadingDate(stemStart, s);
            if (stemStart >= s) return false;
            return AddPattern(stemStart, tailEnd, stemStart, s, kw.Type, kw.Role, kw.Text);
        }

        private void TryPrefix(NameKeyword kw, int s, int end)
        {
            var f = F;
            int p = end;
            if (p < N && f[p] == ' ') p++;
            if (p >= N) return;
            int q = p;
            if (EntityText.IsAsciiAlnum(f[p]))
            {
                int words = 0;
                while (true)
                {
                    int w = q;
                    while (w < N && (EntityText.IsAsciiAlnum(f[w]) || (f[w] is '.' or '-' or '&' && w + 1 < N && EntityText.IsAsciiAlnum(f[w + 1])))) w++;
                    if (w == q || TitleLexicon.StartsWithTitle(_text.AsSpan(q, w - q))) break;
                    q = w;
                    words++;
                    if (words >= 4 || q + 1 >= N || f[q] != ' ' || !(char.IsUpper(_text[q + 1]) || char.IsDigit(_text[q + 1]))) break;
                    q++;
                }
                q = TrimEndSpaces(p, q);
            }
            else if (EntityText.IsNameChar(f[p]))
            {
                while (q < N && (EntityText.IsNameChar(f[q]) || (f[q] is '・' or '-' && q + 1 < N && EntityText.IsNameChar(f[q + 1])))) q++;
                int title = TitleLexicon.FindFirst(_text.AsSpan(p, q - p), 0, out _);
                if (title > 0) q = p + title;
                else if (title == 0) return;
            }
            if (q - p < 2 || q - p > MaxStem) return;
            AddPattern(s, q, p, q, EntityType.Org, kw.Role, kw.Text);
        }

        private int TrimEndSpaces(int from, int q)
        {
            while (q > from && F[q - 1] == ' ') q--;
            return q;
        }

        // AI戦略2022, Battery 2030+: a year right after a programme word belongs to the name.
        private int YearTail(int end)
        {
            int j = end;
            if (j < N && F[j] == ' ') j++;
            int k = j;
            while (k < N && char.IsAsciiDigit(F[k])) k++;
            if (k - j != 4 || F[j] is not ('1' or '2')) return end;
            if (k < N && F[k] == '+') k++;
            return k;
        }

        // The start of the name before a suffix: a run of kanji, katakana and ASCII (with ・ - & inside), plus
        // capitalised ASCII words joined by single spaces (Sakana AI 株式会社, SOMPO ホールディングス).
        private int BackExtend(int kwStart)
        {
            var f = F;
            int p = kwStart;
            if (p >= 2 && f[p - 1] == ' ' && EntityText.IsAsciiAlnum(f[p - 2])) p--;
            int start = kwStart, hops = 0;
            while (true)
            {
                int q = p;
                while (q > 0)
                {
                    char c = f[q - 1];
                    if (EntityText.IsNameChar(c)) { q--; continue; }
                    if (c is '・' or '-' or '&' or '.' && q < p && q >= 2 && EntityText.IsNameChar(f[q - 2]) && !(c == '・' && EndsOrg(q - 1))) { q--; continue; }
                    break;
                }
                if (q == p) break;
                start = q;
                p = q;
                if (hops < 3 && p >= 2 && f[p - 1] == ' ' && EntityText.IsAsciiAlnum(f[p - 2]))
                {
                    int w = p - 1;
                    while (w > 0 && EntityText.IsAsciiAlnum(f[w - 1])) w--;
                    if ((char.IsUpper(_text[w]) || char.IsDigit(_text[w])) && HasAsciiLetter(w, p - 1)) { p--; hops++; continue; }
                }
                break;
            }
            return start;
        }

        private bool HasAsciiLetter(int from, int to)
        {
            for (int i = from; i < to; i++)
                if (char.IsAsciiLetter(F[i])) return true;
            return false;
        }

        // True when the text before offset p closes a name: a gazetteer name, or an organisation word (…大学).
        private bool EndsOrg(int p)
        {
            if (_gazEnds.Contains(p)) return true;
            var before = F[..p];
            foreach (var end in NameRules.OrgEnds)
                if (before.EndsWith(end, StringComparison.Ordinal)) return true;
            return false;
        }

        // 2025年プロジェクト, 令和7年8月29日文部科学省 (a dateline joined to the line below), 1兆円基金: the stem
        // starts after the date or amount.
        private int SkipLeadingDate(int start, int stemEnd) => start + LeadingNumber.Length(F[start..stemEnd]);

        private bool AddPattern(int start, int end, int stemStart, int stemEnd, EntityType type, KeywordRole role, string keyword)
        {
            while (stemStart < stemEnd && F[stemStart] == ' ') stemStart++;
            while (start < end && F[start] == ' ') start++;
            var stem = EntityText.StripLegalForms(_text[stemStart..stemEnd]);
            var stemKey = EntityText.Key(stem);
            if (stemKey.Length < 2 || stemKey.Length > MaxStem || !HasLetter(stemKey)) return false;
            if (NameRules.IsGeneric(stemKey)) return false;
            if (type == EntityType.Program)
            {
                foreach (var tail in NameRules.BusinessTails)
                    if (stemKey.EndsWith(tail, StringComparison.Ordinal)) return false;
                if (keyword is "戦略" or "計画" or "構想")
                    foreach (var tail in NameRules.WorkPlanTails)
                        if (stemKey.EndsWith(tail, StringComparison.Ordinal)) return false;
            }

            bool legal = role is KeywordRole.LegalForm or KeywordRole.LegalPrefix;
            var name = EntityText.StripLegalForms(_text[start..end]);
            if (_gaz.TryFindName(name, out var whole))
            {
                if (legal || whole.Type == type) return Add(start, end, whole.Id, whole.Name, whole.Type, MentionOrigin.Gazetteer, 0);
                return false;
            }
            if (_gaz.TryFindName(stem, out var known))
            {
                // Rapidus 株式会社 is Rapidus; NEDOプロジェクト is NEDO's project, not a programme of its own.
                if (legal || (known.Type == type && NamesEndWith(known, keyword))) return Add(start, end, known.Id, known.Name, known.Type, MentionOrigin.Gazetteer, 0);
                if (known.Type is EntityType.Org or EntityType.Country && type == EntityType.Program) return false; // NEDOプロジェクト, EUプロジェクト
            }
            int gi = GazetteerAt(start);
            if (gi >= 0 && _cands[gi].End <= stemEnd - 2)
            {
                var prefix = _cands[gi];
                int rest = prefix.End;
                while (rest < end && F[rest] == ' ') rest++;
                // 米国ハーバード大学: a country, then a known name.
                if (prefix.Type == EntityType.Country && _gaz.TryFindName(EntityText.StripLegalForms(_text[rest..end]), out var named) && named.Type == type)
                    return Add(rest, end, named.Id, named.Name, named.Type, MentionOrigin.Gazetteer, 0);
                // JST未来社会創造事業, ERATO前田…プロジェクト: the programme starts after the body or programme that runs it.
                // ALCA-SPRINGプロジェクト is one name; 未来社会創造事業大規模プロジェクト is JST-Mirai's large project, no name.
                if (type == EntityType.Program && prefix.Type is EntityType.Org or EntityType.Program)
                {
                    if (F[rest] is '-' or '・' or '&' && rest + 1 < stemEnd)
                    {
                        if (char.IsAsciiLetterOrDigit(F[rest + 1]))
                            return !IsIgnored(start, end) && Add(start, end, PatternId(name, type), name, type, MentionOrigin.Pattern, 1);
                        rest++;
                    }
                    return AddPattern(rest, end, rest, stemEnd, type, role, keyword);
                }
            }
            if (IsIgnored(start, end) || _gaz.IsIgnored(name)) return false;
            return Add(start, end, PatternId(name, type), name, type, MentionOrigin.Pattern, 1);
        }

        // Harvard大学 is ハーバード大学: the known entity is itself a 大学.
        private static bool NamesEndWith(GazetteerEntry entry, string keyword)
        {
            if (entry.Name.EndsWith(keyword, StringComparison.Ordinal)) return true;
            foreach (var a in entry.Aliases)
                if (a.EndsWith(keyword, StringComparison.Ordinal)) return true;
            return false;
        }

        private static bool HasLetter(string key)
        {
            foreach (char c in key)
                if (!char.IsAsciiDigit(c) && c is not ('・' or '-' or '&' or '.')) return true;
            return false;
        }

        private string PatternId(string name, EntityType type)
        {
            var id = EntityText.Key(name);
            return _gaz.ContainsId(id) ? type.ToName() + ":" + id : id;
        }

        private bool Add(int start, int end, string id, string name, EntityType type, MentionOrigin origin, int priority)
        {
            if (end <= start) return false;
            _cands.Add(new Candidate { Start = start, End = end, Id = id, Name = name, Type = type, Origin = origin, Priority = priority });
            return true;
        }

        // ---- 「…」 names ---------------------------------------------------------------------------------------

        public void Quoted()
        {
            var t = _text;
            int i = 0;
            while (true)
            {
                int rel = t.AsSpan(i).IndexOfAny('「', '『');
                if (rel < 0) return;
                int open = i + rel;
                char closeChar = t[open] == '「' ? '」' : '』';
                int limit = Math.Min(t.Length, open + MaxQuoted + 12);
                int close = t.IndexOf(closeChar, open + 1, limit - open - 1);
                i = open + 1;
                if (close < 0) continue;
                int a = open + 1, b = close;
                // 「一般社団法人…協議会（NBCI）」: the name ends before its bracketed abbreviation.
                if (b > a && F[b - 1] == ')')
                {
                    int paren = F[a..b].LastIndexOf('(');
                    if (paren > 0) b = a + paren;
                }
                while (b > a && F[b - 1] == ' ') b--;
                while (a < b && F[a] == ' ') a++;
                if (b - a < 3 || b - a > MaxQuoted || EntityText.IsHiragana(F[a])) continue;
                var content = F.Slice(a, b - a);
                if (content.IndexOfAny('。', '「', '」') >= 0) continue;
                int core = b;
                while (core > a && (char.IsAsciiDigit(F[core - 1]) || F[core - 1] is '+' or ' ')) core--;
                foreach (var (head, type) in NameRules.QuotedHeads)
                {
                    if (!F.Slice(a, core - a).EndsWith(head, StringComparison.Ordinal)) continue;
                    if (head[0] is >= 'a' and <= 'z' && core - head.Length > a && F[core - head.Length - 1] != ' ') continue;
                    AddPattern(a, b, a, core - head.Length, type, type == EntityType.Org ? KeywordRole.OrgSuffix : KeywordRole.ProgramSuffix, head);
                    break;
                }
            }
        }

        // ---- English names ------------------------------------------------------------------------------------

        private readonly record struct Word(int Start, int End);

        public void English()
        {
            var words = _words;
            var f = F;
            int i = NextWordStart(0);
            while (i < N)
            {
                int j = i;
                // R&D and AT&T are one word: a name must not start at the D of R&D ("R&D Strategy" is no "D Strategy").
                while (j < N && (EntityText.IsAsciiAlnum(f[j]) || (f[j] is '-' or '\'' && j + 1 < N && char.IsAsciiLetter(f[j + 1]))
                                 || (f[j] == '&' && j > i && j + 1 < N && EntityText.IsAsciiAlnum(f[j + 1])))) j++;
                words.Add(new Word(i, j));
                i = NextWordStart(j);
            }
            for (int w = 0; w < words.Count; w++)
            {
                var head = WordText(words[w]);
                if (!NameRules.EnglishHeads.TryGetValue(head, out var type)) continue;
                int first = w;
                while (first > 0 && Adjacent(words[first - 1], words[first]) && IsCapitalised(words[first - 1])) first--;
                while (first < w && NameRules.EnglishDeterminers.Contains(WordText(words[first]))) first++;
                // Germany's Federal Ministry of…: the owner opens no name; the name after it may be a known one.
                if (first < w && IsPossessive(words[first])) first++;
                int last = w;
                if (w + 2 < words.Count && Adjacent(words[w], words[w + 1]) && WordText(words[w + 1]) is "of" or "for" or "on"
                    && Adjacent(words[w + 1], words[w + 2]) && IsCapitalised(words[w + 2]))
                {
                    last = w + 2;
                    while (last + 1 < words.Count && Adjacent(words[last], words[last + 1]))
                    {
                        var next = WordText(words[last + 1]);
                        if (IsCapitalised(words[last + 1]) && !NameRules.EnglishHeads.ContainsKey(next)) { last++; continue; }
                        if (next is "and" or "&" && last + 2 < words.Count && Adjacent(words[last + 1], words[last + 2]) && IsCapitalised(words[last + 2])) { last += 2; continue; }
                        break;
                    }
                }
                int named = 0;
                string? single = null;
                for (int k = first; k <= last; k++)
                {
                    if (k == w) continue;
                    var wt = WordText(words[k]);
                    if (NameRules.EnglishConnectors.Contains(wt)) continue;
                    named++;
                    single = wt;
                }
                if (named == 0 || (named == 1 && NameRules.EnglishGeneric.Contains(single!))) continue;
                int start = words[first].Start, end = words[last].End;
                var name = EntityText.StripLegalForms(_text[start..end]);
                if (_gaz.TryFindName(name, out var known)) { Add(start, end, known.Id, known.Name, known.Type, MentionOrigin.Gazetteer, 0); continue; }
                if (IsIgnored(start, end)) continue;
                Add(start, end, PatternId(name, type), name, type, MentionOrigin.Pattern, 1);
            }
        }

        // The first offset at or after i where an ASCII word starts (a letter after no letter or digit), or N.
        // Most of a Japanese text has no ASCII letter, so the search jumps over it.
        private int NextWordStart(int i)
        {
            var f = F;
            while (true)
            {
                int next = f[i..].IndexOfAny(EntityText.AsciiLetters);
                if (next < 0) return N;
                i += next;
                if (i == 0 || !EntityText.IsAsciiAlnum(f[i - 1])) return i;
                i++;
            }
        }

        private string WordText(Word w) => _text[w.Start..w.End];

        private bool IsPossessive(Word w) => w.End - w.Start > 2 && F[w.End - 1] == 's' && F[w.End - 2] == '\'';

        private bool Adjacent(Word a, Word b) => b.Start == a.End + 1 && F[a.End] == ' ';

        private bool IsCapitalised(Word w) => char.IsUpper(_text[w.Start]) || (char.IsDigit(_text[w.Start]) && w.End - w.Start <= 4);

        // ---- acronyms -----------------------------------------------------------------------------------------

        public void Acronyms()
        {
            var f = F;
            Span<char> token = stackalloc char[AcronymRules.MaxLength + 1];
            int i = NextWordStart(0);
            while (i < N)
            {
                int j = i;
                while (j < N && EntityText.IsAsciiAlnum(f[j])) j++;
                int start = i;
                i = NextWordStart(j);
                if (j - start > AcronymRules.MaxLength || GazetteerAt(start) >= 0) continue;
                // Part of a hyphenated or dotted identifier (COVID-19, SWE-bench, example.COM): the gazetteer decides.
                if (j + 1 < N && f[j] is '-' or '.' or '/' or '&' && EntityText.IsAsciiAlnum(f[j + 1])) continue;
                if (start >= 2 && f[start - 1] is '-' or '.' or '/' or '&' && EntityText.IsAsciiAlnum(f[start - 2])) continue;
                for (int k = start; k < j; k++)
                {
                    char c = _text[k];
                    token[k - start] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
                }
                var tok = token[..(j - start)];
                if (!AcronymRules.IsAcronym(tok) || IsIgnored(start, j)) continue;
                if (AcronymRules.ReadsAsWord(tok) && InCapitalPhrase(start, j)) continue;
                var name = tok.ToString();
                Add(start, j, PatternId(name, EntityType.Tech), name, EntityType.Tech, MentionOrigin.Acronym, 2);
            }
        }

        // SAN FRANCISCO —, RISK FACTORS AND OUTLOOK: words of a heading or place name in capitals, not acronyms. A run
        // of two or more capital words is a phrase when one of them is a long ordinary word or a common one (AND, NEW);
        // then a token that reads as a word is part of it. HBM DRAM and GAA BSPDN are no phrase.
        private bool InCapitalPhrase(int start, int end)
        {
            bool phrase = AcronymRules.IsPhraseWord(_text.AsSpan(start, end - start));
            int others = 0;
            for (int e = start - 1; e >= 1 && F[e] == ' ';)
            {
                int s = e;
                while (s > 0 && char.IsAsciiLetterUpper(_text[s - 1])) s--;
                if (s == e || (s > 0 && EntityText.IsAsciiAlnum(F[s - 1]))) break;
                others++;
                phrase |= AcronymRules.IsPhraseWord(_text.AsSpan(s, e - s));
                e = s - 1;
            }
            for (int s = end + 1; s < N && F[s - 1] == ' ';)
            {
                int e = s;
                while (e < N && char.IsAsciiLetterUpper(_text[e])) e++;
                if (e == s || (e < N && EntityText.IsAsciiAlnum(F[e]))) break;
                others++;
                phrase |= AcronymRules.IsPhraseWord(_text.AsSpan(s, e - s));
                s = e + 1;
            }
            return phrase && others > 0;
        }

        // ---- resolution ---------------------------------------------------------------------------------------

        public List<Candidate> Resolve()
        {
            int count = _cands.Count;
            if (_order.Length < count) _order = new int[Math.Max(count, _order.Length * 2)];
            var order = _order.AsSpan(0, count);
            for (int k = 0; k < order.Length; k++) order[k] = k;
            order.Sort(_byPreference);
            _taken.Reset(N);
            var chosen = _chosen;
            foreach (int k in order)
            {
                var c = _cands[k];
                if (_taken.AnyIn(c.Start, c.End)) continue;
                _taken.AddRange(c.Start, c.End);
                chosen.Add(c);
            }
            chosen.Sort(ByStart);
            return chosen;
        }

        private static readonly Comparison<Candidate> ByStart = (a, b) => a.Start.CompareTo(b.Start);

        // Longest first; on equal length the gazetteer before patterns before acronyms; then the earlier one.
        private int ComparePreference(int x, int y)
        {
            var a = _cands[x]; var b = _cands[y];
            int c = (b.End - b.Start).CompareTo(a.End - a.Start);
            if (c != 0) return c;
            c = a.Priority.CompareTo(b.Priority);
            return c != 0 ? c : a.Start.CompareTo(b.Start);
        }

        // 日本医療研究開発機構（AMED） and AMED（日本医療研究開発機構）: the acronym names the same entity.
        public void LinkDefinitions(List<Candidate> chosen)
        {
            for (int k = 0; k < chosen.Count; k++)
            {
                var c = chosen[k];
                if (c.Origin != MentionOrigin.Acronym) continue;
                int left = SkipSpacesBack(c.Start);
                int right = SkipSpacesForward(c.End);
                if (k > 0 && left > 0 && F[left - 1] == '(' && right < N && F[right] == ')')
                {
                    var prev = chosen[k - 1];
                    if (CanDefine(prev, c) && SkipSpacesBack(left - 1) == prev.End)
                    {
                        chosen[k] = Relink(c, prev);
                        continue;
                    }
                }
                if (k + 1 < chosen.Count && right < N && F[right] == '(')
                {
                    var next = chosen[k + 1];
                    int close = SkipSpacesForward(next.End);
                    if (CanDefine(next, c) && SkipSpacesForward(right + 1) == next.Start && close < N && F[close] == ')')
                        chosen[k] = Relink(c, next);
                }
            }
        }

        // Only a name found by a pattern defines an acronym: a gazetteer entity's abbreviations are curated (and
        // ドイツ連邦経済・エネルギー省（BMWi） must not make BMWi the US Department of Energy). An English name must
        // contain the acronym's first letter among its word initials (Very Large Computing Center (HPC) does not).
        private bool CanDefine(Candidate name, Candidate acronym)
        {
            if (name.Origin != MentionOrigin.Pattern || name.Type is not (EntityType.Org or EntityType.Program)) return false;
            if (!char.IsAsciiLetter(F[name.Start])) return true;
            char initial = F[acronym.Start];
            for (int p = name.Start; p < name.End; p++)
                if (F[p] == initial && (p == name.Start || F[p - 1] is ' ' or '-')) return true;
            return false;
        }

        private static Candidate Relink(Candidate acronym, Candidate name) => acronym with
        {
            Id = name.Id, Name = name.Name, Type = name.Type, Origin = MentionOrigin.Definition,
        };

        private int SkipSpacesBack(int p)
        {
            while (p > 0 && F[p - 1] == ' ') p--;
            return p;
        }

        private int SkipSpacesForward(int p)
        {
            while (p < N && F[p] == ' ') p++;
            return p;
        }
    }
}
