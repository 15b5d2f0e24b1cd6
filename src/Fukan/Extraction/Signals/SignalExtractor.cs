using Fukan.Extraction.Events;
using Fukan.Extraction.Quantities;
using Fukan.Model;
using Fukan.Normalizing;

namespace Fukan.Extraction.Signals;

/// <summary>
/// Finds KPI signal statements. In a section whose heading announces signals or KPIs (Strategic Signal, 注目すべき
/// KPI, 注目ポイント, what to watch …) and in any sentence labelled <c>Signal:</c> / <c>シグナル：</c>, it reads:
/// <list type="bullet">
/// <item>a threshold: a quantity with a comparison and a conditional (これが50%を超えた時、…; 歩留まりが7割を超えれば;
/// when the rate exceeds 50%, …) → comparator, threshold, unit, and the clause after it as the implication;</item>
/// <item>a qualitative signal: a labelled sentence or a question (主要顧客が…採用を確定させるか。) or a KPI bullet
/// (<c>無加圧/低加圧での動作: …</c>) → the condition to watch, threshold null;</item>
/// <item>current values: quantities in the same section that are not conditional, preferring sentences with 現在 /
/// SOTA / currently, linked to a threshold of the same unit.</item>
/// </list>
/// The metric is the subject before the threshold, else the bullet label, else the KPI heading (1. AIエージェント：
/// SWE-benchの解決率 → "SWE-benchの解決率"); an anaphoric subject (これが, this) defers to the heading.
/// </summary>
public sealed class SignalExtractor : IFactExtractor
{
    private const int MaxMetric = 60;
    private static readonly string[] Anaphora = ["これ", "それ", "この値", "この数値", "この数字", "この比率", "この割合", "同値", "this", "it", "that", "these", "the figure", "the number"];
    private static readonly string[] EnglishAuxiliaries = ["is", "are", "was", "were", "will", "can", "could", "should", "does", "has", "have", "finally", "ever"];

    private readonly QuantityParser _quantities;

    public SignalExtractor()
        : this(new QuantityParser())
    {
    }

    public SignalExtractor(QuantityParser quantities)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        _quantities = quantities;
    }

    public string Name => "signals";

    public void Extract(ExtractionContext context, ICollection<Fact> facts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(facts);
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        foreach (var s in context.Sections) sections[s.Id] = s;
        var signalSections = new Dictionary<string, bool>(StringComparer.Ordinal);

        Topic? topic = null;
        foreach (var passage in context.Passages)
        {
            if (topic is null || topic.SectionId != passage.SectionId)
            {
                topic?.Flush(context, facts, _quantities);
                topic = new Topic(passage.SectionId, sections, IsSignalSection(passage.SectionId, sections, signalSections));
            }
            if (passage.Kind == PassageKind.TableRow)
            {
                if (topic.InSignalSection) topic.TableRow(passage);
                continue;
            }
            topic.EndTable();
            if (passage.Kind is PassageKind.Heading or PassageKind.Footnote) continue;
            Read(passage, topic, context);
        }
        topic?.Flush(context, facts, _quantities);
    }

    private static bool IsSignalSection(string? id, Dictionary<string, Section> sections, Dictionary<string, bool> cache)
    {
        if (id is null) return false;
        if (cache.TryGetValue(id, out bool known)) return known;
        bool result = sections.TryGetValue(id, out var s) && (SignalLexicon.IsSignalHeading(s.Title) || IsSignalSection(s.ParentId, sections, cache));
        cache[id] = result;
        return result;
    }

    private void Read(Passage passage, Topic topic, ExtractionContext context)
    {
        var text = passage.Text;
        // Outside a signal section only a labelled sentence ("Signal: …") counts, and a label needs a colon.
        if (!topic.InSignalSection && text.AsSpan().IndexOfAny(':', '：') < 0) return;
        int bullet = SignalLexicon.BulletMarkerLength(text);
        var sentences = SentenceSplitter.Split(text);
        if (sentences.Count == 0) return;
        if (bullet > 0 && sentences[0].Start < bullet) sentences[0] = (bullet, sentences[0].End);

        // Outside a signal section only labelled sentences count; skip the parse when there is none.
        if (!topic.InSignalSection && !HasSignalLabel(text, sentences)) return;
        var quantities = _quantities.Parse(text);

        string? bulletMetric = null;
        SignalPart? bulletPart = null;
        var drafts = new List<Draft>();
        var context_ = new List<(int Start, int End)>();
        for (int si = 0; si < sentences.Count; si++)
        {
            var (start, end) = sentences[si];
            bool labelled = false;
            int labelEnd = SignalLexicon.LabelEnd(text, start, end);
            if (labelEnd > 0)
            {
                if (SignalLexicon.IsSignalLabel(text.AsSpan(start, labelEnd - start))) labelled = true;
                else if (si == 0 && topic.InSignalSection && (passage.Kind == PassageKind.Bullet || bullet > 0))
                {
                    bulletMetric = Clean(text.AsSpan(start, labelEnd - start));
                    bulletPart = new SignalPart("metric", bulletMetric, passage.ProvenanceOf(start, labelEnd, context.Source));
                }
                if (labelled || bulletMetric is not null)
                {
                    start = labelEnd + 1;
                    while (start < end && text[start] is ' ' or '\u3000') start++;
                    if (start >= end) continue;
                }
            }
            if (!topic.InSignalSection && !labelled) continue;

            // In a KPI bullet ("歩留まり: 7割以上") a compared value is the threshold even without a conditional,
            // unless the sentence says it is the current value or reports what happened (6割を超えた).
            bool kpiBullet = bulletMetric is not null && !SignalLexicon.HasCurrentCue(text.AsSpan(start, end - start))
                && !SignalLexicon.IsReport(text.AsSpan(start, end - start));
            var draft = Threshold(passage, text, start, end, quantities, labelled || kpiBullet, context);
            if (draft is null && (labelled || SignalLexicon.IsQuestion(text.AsSpan(start, end - start))))
                draft = new Draft(passage, start, end, null, null, null, null);
            if (draft is not null)
            {
                draft.BulletMetric = bulletMetric;
                draft.BulletPart = bulletPart;
                foreach (var (cs, ce) in context_) draft.Parts.Add(new SignalPart("context", text[cs..ce], passage.ProvenanceOf(cs, ce, context.Source)));
                context_.Clear();
                drafts.Add(draft);
                continue;
            }
            // Not a signal: a current value, an implication of the signal before it, or context for one after it.
            bool hasQuantity = false;
            foreach (var q in quantities)
            {
                if (q.Span.Start < start || q.Span.End > end) continue;
                hasQuantity = true;
                topic.Candidates.Add(new Candidate(passage, q, start, end, SignalLexicon.HasCurrentCue(text.AsSpan(start, end - start)), topic.Order++));
            }
            if (drafts.Count > 0) drafts[^1].AddImplication(text, start, end, passage, context.Source);
            else if (!hasQuantity && context_.Count < 2) context_.Add((start, end));
        }

        // A KPI bullet with no explicit signal sentence is itself the signal: its label is the metric, its last sentence
        // the condition. A bullet that reports what happened ("Intel reported yields of 65%") is a current value, not a signal.
        if (drafts.Count == 0 && bulletMetric is not null && !SignalLexicon.IsReport(text.AsSpan(sentences[^1].Start, sentences[^1].End - sentences[^1].Start)))
        {
            var (s, e) = sentences[^1];
            if (sentences.Count == 1) s = FirstAfterLabel(text, s, e);
            if (e > s)
            {
                var draft = new Draft(passage, s, e, null, null, null, null) { BulletMetric = bulletMetric, BulletPart = bulletPart };
                for (int i = 0; i < sentences.Count - 1; i++)
                {
                    var (cs, ce) = sentences[i];
                    if (i == 0) cs = FirstAfterLabel(text, cs, ce);
                    if (ce > cs) draft.Parts.Add(new SignalPart("context", text[cs..ce], passage.ProvenanceOf(cs, ce, context.Source)));
                }
                drafts.Add(draft);
            }
        }
        foreach (var d in drafts) topic.Drafts.Add(d);
        foreach (var d in drafts) d.Order = topic.Order++;
    }

    private static int FirstAfterLabel(string text, int start, int end)
    {
        int labelEnd = SignalLexicon.LabelEnd(text, start, end);
        if (labelEnd < 0) return start;
        start = labelEnd + 1;
        while (start < end && text[start] is ' ' or '\u3000') start++;
        return start;
    }

    private static bool HasSignalLabel(string text, List<(int Start, int End)> sentences)
    {
        foreach (var (start, end) in sentences)
        {
            int labelEnd = SignalLexicon.LabelEnd(text, start, end);
            if (labelEnd > 0 && SignalLexicon.IsSignalLabel(text.AsSpan(start, labelEnd - start))) return true;
        }
        return false;
    }

    /// <summary>A threshold in the sentence: a compared quantity in a conditional (or in a labelled sentence).</summary>
    private static Draft? Threshold(Passage passage, string text, int start, int end, IReadOnlyList<QuantityMatch> quantities, bool labelled, ExtractionContext context)
    {
        foreach (var q in quantities)
        {
            if (q.Span.Start < start || q.Span.End > end) continue;
            var comparator = ComparatorReader.Read(text, q, out int phraseEnd);
            if (comparator is null) continue;
            bool japanese = SignalLexicon.IsJapaneseConditionalAfter(text, q.Span.End, end);
            bool english = !japanese && SignalLexicon.IsEnglishConditionalBefore(text, start, q.Span.Start);
            if (!japanese && !english && !labelled) continue;
            var draft = new Draft(passage, start, end, q, comparator, Subject(text, start, q, english), q.Subject);
            // The implication: the rest of the sentence after the conditional clause, or (English, conditional last)
            // the main clause before it.
            int comma = IndexOfClauseBreak(text, phraseEnd, end);
            if (comma >= 0)
            {
                draft.ConditionEnd = comma;
                draft.SetImplication(text, comma + 1, end, passage, context.Source);
            }
            else if (english)
            {
                int cond = ConditionalWordStart(text, start, q.Span.Start);
                if (cond > start + 3) draft.SetImplication(text, start, cond, passage, context.Source);
            }
            return draft;
        }
        return null;
    }

    private static int IndexOfClauseBreak(string text, int from, int end)
    {
        for (int i = from; i < end; i++)
        {
            if (text[i] is not ('、' or '，' or ',')) continue;
            // "1,000 qubits": a thousands separator, not a clause break.
            if (text[i] == ',' && i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < end && char.IsAsciiDigit(text[i + 1])) continue;
            return i;
        }
        return -1;
    }

    private static int ConditionalWordStart(string text, int start, int at)
    {
        var folded = TextFolding.Fold(text.AsSpan(start, at - start));
        int best = -1;
        foreach (var w in new[] { " if ", " when ", " once ", " as soon as ", " whenever ", " unless ", " until " })
        {
            int i = folded.LastIndexOf(w, StringComparison.Ordinal);
            if (i > best) best = i;
        }
        return best < 0 ? -1 : start + best;
    }

    /// <summary>The phrase naming what crosses the threshold: the text before it, from the last comma, particles removed.</summary>
    private static string? Subject(string text, int start, QuantityMatch q, bool english)
    {
        int from = q.Span.Start;
        while (from > start && text[from - 1] is not ('、' or '，' or ',' or '。' or ':' or '：')) from--;
        var s = text.AsSpan(from, q.Span.Start - from).Trim();
        if (english)
        {
            s = TrimEnglish(s);
        }
        else
        {
            // "量産品で10 W/mKを超えれば": a noun marked with で is where the value is measured, not what is measured;
            // leave the metric to the bullet label or the heading.
            if (s.Length > 0 && s[^1] == 'で') return null;
            while (s.Length > 0 && s[^1] is 'が' or 'は' or 'も' or 'を' or 'で' or 'に' or 'の' or 'と') s = s[..^1].TrimEnd();
            // "推論コストが100万トークンあたり" → the subject is what the particle marks, not the qualifier after it.
            int particle = s.LastIndexOfAny('が', 'は');
            if (particle > 0) s = s[..particle].TrimEnd();
        }
        s = s.Trim(" 「」『』\"“”");
        if (s.Length < 2 || s.Length > MaxMetric) return null;
        var folded = TextFolding.Fold(s);
        foreach (var a in Anaphora)
            if (folded == a) return null;
        return s.ToString();
    }

    private static ReadOnlySpan<char> TrimEnglish(ReadOnlySpan<char> s)
    {
        // "When the SWE-bench resolution rate finally exceeds" → "SWE-bench resolution rate".
        var words = s.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string[] lead = ["if", "when", "once", "as", "soon", "whenever", "unless", "until", "the", "a", "an", "should"];
        while (words.Count > 0 && lead.Contains(words[0].ToLowerInvariant())) words.RemoveAt(0);
        while (words.Count > 0 && (IsComparisonWord(words[^1]) || EnglishAuxiliaries.Contains(words[^1].ToLowerInvariant()))) words.RemoveAt(words.Count - 1);
        return string.Join(' ', words).AsSpan();
    }

    private static bool IsComparisonWord(string w) =>
        w.ToLowerInvariant() is "exceed" or "exceeds" or "exceeded" or "surpass" or "surpasses" or "surpassed" or "top" or "tops" or "topped"
            or "cross" or "crosses" or "crossed" or "pass" or "passes" or "passed" or "reach" or "reaches" or "reached" or "hit" or "hits"
            or "rise" or "rises" or "rose" or "climb" or "climbs" or "climbed" or "fall" or "falls" or "fell" or "drop" or "drops" or "dropped"
            or "dip" or "dips" or "dipped" or "go" or "goes" or "went" or "above" or "below" or "past" or "to" or "over" or "under" or "beyond"
            or "break" or "breaks" or "broke" or "sink" or "sinks";

    private static string Clean(ReadOnlySpan<char> s) => s.Trim(" \u3000「」『』\"“”*").ToString();

    /// <summary>A quantity in the section that is not a threshold: a candidate current value.</summary>
    private sealed record Candidate(Passage Passage, QuantityMatch Match, int SentenceStart, int SentenceEnd, bool CurrentCue, int Order);

    /// <summary>A signal being assembled from its sentence and the parts around it.</summary>
    private sealed class Draft(Passage passage, int start, int end, QuantityMatch? threshold, SignalComparator? comparator, string? subject, string? parserSubject)
    {
        /// <summary>Where the condition ends when the sentence goes on with its implication (the clause break).</summary>
        public int ConditionEnd { get; set; } = end;
        public Passage Passage { get; } = passage;
        public int Start { get; } = start;
        public int End { get; } = end;
        public QuantityMatch? ThresholdMatch { get; } = threshold;
        public SignalComparator? Comparator { get; } = comparator;
        public string? Subject { get; } = subject;
        public string? ParserSubject { get; } = parserSubject;
        public string? BulletMetric { get; set; }
        public SignalPart? BulletPart { get; set; }
        public List<SignalPart> Parts { get; } = new();
        public List<string> Implication { get; } = new();
        public int Order { get; set; }

        public void SetImplication(string text, int from, int to, Passage p, SourceText source)
        {
            while (from < to && text[from] is ' ' or '\u3000') from++;
            var span = text.AsSpan(from, to - from).TrimEnd(" 。．.");
            if (span.Length == 0) return;
            Implication.Add(span.ToString());
            Parts.Add(new SignalPart("implication", span.ToString(), p.ProvenanceOf(from, from + span.Length, source)));
        }

        public void AddImplication(string text, int from, int to, Passage p, SourceText source)
        {
            if (Implication.Count >= 3) return;
            SetImplication(text, from, to, p, source);
        }
    }

    /// <summary>The signals and candidate current values of one section.</summary>
    private sealed class Topic
    {
        private readonly Section? _section;
        private readonly Dictionary<string, Section> _sections;

        public Topic(string? sectionId, Dictionary<string, Section> sections, bool inSignalSection)
        {
            SectionId = sectionId;
            _sections = sections;
            _section = sectionId is not null && sections.TryGetValue(sectionId, out var s) ? s : null;
            InSignalSection = inSignalSection;
        }

        public string? SectionId { get; }
        public bool InSignalSection { get; }
        public List<Draft> Drafts { get; } = new();
        public List<List<Passage>> Tables { get; } = new();
        private List<Passage>? _table;

        public void TableRow(Passage row) => (_table ??= NewTable()).Add(row);

        public void EndTable() => _table = null;

        private List<Passage> NewTable()
        {
            var t = new List<Passage>();
            Tables.Add(t);
            return t;
        }
        public List<Candidate> Candidates { get; } = new();
        public int Order { get; set; }

        public void Flush(ExtractionContext context, ICollection<Fact> facts, QuantityParser parser)
        {
            var topic = _section is null ? null : SignalTopic.Parse(_section.Title);
            foreach (var table in Tables)
                foreach (var fact in KpiTableReader.Read(table, parser, context, (metric, condition) => Domain(topic, metric, condition)))
                    facts.Add(fact);
            if (Drafts.Count == 0) return;
            // The heading names the metric unless it is the announcement itself ("今後の注目ポイント (Strategic Signal)").
            bool headingIsMetric = topic is not null && !SignalLexicon.IsSignalHeading(topic.Metric);
            foreach (var d in Drafts) facts.Add(Build(d, topic, headingIsMetric, context));
        }

        private SignalFact Build(Draft d, SignalTopic? topic, bool headingIsMetric, ExtractionContext context)
        {
            var source = context.Source;
            var text = d.Passage.Text;
            var parts = new List<SignalPart>();
            string? metric = d.Subject ?? d.BulletMetric;
            if (metric is null && headingIsMetric) metric = topic!.Metric;
            metric ??= d.ParserSubject;
            if (d.BulletPart is not null && metric == d.BulletMetric) parts.Add(d.BulletPart);
            else if (headingIsMetric && metric == topic!.Metric && _section is not null) parts.Add(HeadingPart(_section, context));

            SignalValue? current = null;
            if (d.ThresholdMatch is { } threshold)
            {
                var c = BestCurrent(d, threshold);
                if (c is not null)
                {
                    var m = c.Match;
                    var prov = c.Passage.ProvenanceOf(m.Span.Start, m.Span.End, source);
                    current = new SignalValue(m.Text, m.Value, m.ValueMax, m.Unit, m.Approximate, prov);
                    parts.Add(new SignalPart("current", c.Passage.Text[c.SentenceStart..c.SentenceEnd], c.Passage.ProvenanceOf(c.SentenceStart, c.SentenceEnd, source)));
                    metric ??= m.Subject;
                }
            }
            var condition = text.AsSpan(d.Start, d.ConditionEnd - d.Start).TrimEnd(" 。．.、，,").ToString();
            var sentence = text.AsSpan(d.Start, d.End - d.Start).TrimEnd(" 。．.").ToString();
            metric ??= topic?.Metric ?? Truncate(condition, MaxMetric);
            parts.AddRange(d.Parts.Where(p => p.Role == "context"));
            parts.Add(new SignalPart("signal", sentence, d.Passage.ProvenanceOf(d.Start, d.Start + sentence.Length, source)));
            parts.AddRange(d.Parts.Where(p => p.Role == "implication"));
            parts.Sort((a, b) => a.Provenance.Span.Start.CompareTo(b.Provenance.Span.Start));

            int min = int.MaxValue, max = 0;
            foreach (var p in parts) { min = Math.Min(min, p.Provenance.Span.Start); max = Math.Max(max, p.Provenance.Span.End); }
            var span = new CharSpan(min, Math.Max(min, max));
            string? implication = d.Implication.Count == 0 ? null : string.Join("。", d.Implication);
            return new SignalFact(metric, d.Comparator?.ToSymbol(), d.ThresholdMatch?.Value, d.ThresholdMatch?.Unit, current, condition, implication,
                Domain(topic, metric, condition), SectionId, parts, Provenance.Of(context.Document.Id, source, span));
        }

        private Candidate? BestCurrent(Draft d, QuantityMatch threshold)
        {
            Candidate? best = null;
            int bestScore = int.MinValue;
            foreach (var c in Candidates)
            {
                if (!string.Equals(c.Match.Unit, threshold.Unit, StringComparison.OrdinalIgnoreCase)) continue;
                // A cue (現在, SOTA) wins; then the nearest before the signal; then the nearest after it.
                int distance = Math.Abs(c.Order - d.Order);
                int score = (c.CurrentCue ? 1000 : 0) + (c.Order < d.Order ? 500 : 0) - distance;
                if (score > bestScore) { best = c; bestScore = score; }
            }
            return best;
        }

        private static SignalPart HeadingPart(Section section, ExtractionContext context)
        {
            var src = context.Source;
            int line = Math.Clamp(section.StartLine, 1, Math.Max(1, src.LineCount));
            var lineText = src.Line(line);
            int at = lineText.IndexOf(section.Title.AsSpan(), StringComparison.Ordinal);
            int start = src.LineStart(line) + Math.Max(0, at);
            int end = at >= 0 ? start + section.Title.Length : src.LineEnd(line);
            return new SignalPart("metric", section.Title, Provenance.Of(context.Document.Id, src, new CharSpan(start, end)));
        }

        private string Domain(SignalTopic? topic, string metric, string condition)
        {
            if (topic?.Prefix is { } prefix && DomainClassifier.Classify(prefix, []) is var p && p != "other") return p;
            var m = DomainClassifier.Classify(metric, []);
            if (m != "other") return m;
            for (var s = _section; s is not null; s = s.ParentId is not null && _sections.TryGetValue(s.ParentId, out var parent) ? parent : null)
            {
                var t = DomainClassifier.Classify(s.Title, []);
                if (t != "other") return t;
            }
            return DomainClassifier.Classify(condition, []);
        }

        private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
    }
}
