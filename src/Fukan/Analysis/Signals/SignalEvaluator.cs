using System.Globalization;
using System.Text.RegularExpressions;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Quantities;
using Fukan.Extraction.Signals;
using Fukan.Model;

namespace Fukan.Analysis.Signals;

/// <summary>
/// Evaluates a <see cref="Watchlist"/> against an <see cref="EvidenceCorpus"/>.
/// <para>Evidence is read sentence by sentence. A sentence speaks to a signal when the signal's aliases occur in it
/// or in its section headings, one of its patterns does too, and at least one alias or pattern is in the sentence
/// itself. For a numeric signal the evidence is the quantity (in a unit convertible to the signal's) nearest to
/// those words, unless it is stated as a supposition (…を超えた時, if …) or a target (目標, 予測, forecast): those are
/// thresholds, not observations. For a qualitative condition the sentence must also name the condition's aliases
/// and match its pattern; its <see cref="StatementMood"/> decides: reported as done → met; planned, upcoming,
/// asked, denied or matching <c>against</c> → not met; a supposition is no evidence.</para>
/// <para>Status: the evidence from the newest date (the document's date) decides; if it disagrees with itself the
/// status is conflicting. A signal is met when all its conditions are, conflicting when any is, not met when any
/// is not met or only some are met, else no evidence. A domain's verdict is <c>act</c> when no signal is not met or
/// conflicting and met signals carry at least <see cref="Watchlist.ActShare"/> of the domain's weight, <c>wait</c>
/// when a signal is not met (and none conflicting), else <c>watch</c>.</para>
/// </summary>
public sealed class SignalEvaluator
{
    private static readonly string[] TargetWords =
        ["目標", "目指", "めざ", "予測", "予想", "見込", "見通", "計画", "予定", "狙", "想定", "target", "goal", "forecast", "expect", "projected", "aim", "plan", "by 20"];

    /// <summary>Words right after an amount that make it a change, not a level: 20%向上, 3割減.</summary>
    private static readonly string[] JapaneseChanges =
        ["増", "減", "向上", "上昇", "低下", "改善", "アップ", "ダウン", "削減", "成長", "伸び", "の増", "の減", "の向上", "の上昇", "の低下", "の改善", "の削減", "の成長", "の伸び", "も向上", "も上昇", "も低下", "も改善"];

    /// <summary>English words right before an amount that make it a change: by 20%, up 20%, rose 20% (but rose to 20%).</summary>
    private static readonly string[] EnglishChanges = ["by", "up", "down", "grew", "rose", "fell", "increased", "decreased", "improved", "jumped", "dropped", "gained", "climbed", "declined"];

    private readonly QuantityParser _quantities;
    private readonly DateParser _dates;

    public SignalEvaluator()
        : this(new QuantityParser(), new DateParser())
    {
    }

    public SignalEvaluator(QuantityParser quantities, DateParser dates)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        ArgumentNullException.ThrowIfNull(dates);
        _quantities = quantities;
        _dates = dates;
    }

    /// <summary>
    /// Evaluates against a corpus whose documents carry their source text (line numbers are read from it). Each
    /// signal lists at most <paramref name="evidenceLimit"/> pieces of evidence, newest first; its status and each
    /// condition's count use all of them.
    /// </summary>
    public WatchlistReport Evaluate(Watchlist watchlist, EvidenceCorpus corpus, int evidenceLimit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfNegative(evidenceLimit);
        var found = Collect(watchlist, corpus);
        foreach (var f in Unplaced(found, evidenceLimit))
        {
            var source = f.Document.Source ?? throw new InvalidOperationException($"{f.Document.Info.Id.Short}: no source text to place evidence in (use EvaluateAsync)");
            f.Place(source.Text[f.Needs.Start..f.Needs.End]);
        }
        return Report(watchlist, corpus, found, evidenceLimit);
    }

    /// <summary>
    /// Evaluates against any corpus. Line numbers inside passages of several lines are read only for the evidence
    /// reported (from the document's source when it is at hand, else from the store the corpus came from): each
    /// signal lists at most <paramref name="evidenceLimit"/> pieces, newest first; its status and each condition's
    /// count use all of them.
    /// </summary>
    public async Task<WatchlistReport> EvaluateAsync(Watchlist watchlist, EvidenceCorpus corpus, int evidenceLimit = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfNegative(evidenceLimit);
        var found = Collect(watchlist, corpus);
        var byDocument = new Dictionary<EvidenceDocument, List<Finding>>();
        foreach (var f in Unplaced(found, evidenceLimit))
        {
            if (!byDocument.TryGetValue(f.Document, out var list)) byDocument[f.Document] = list = new List<Finding>();
            list.Add(f);
        }
        foreach (var (doc, findings) in byDocument)
        {
            var spans = new CharSpan[findings.Count];
            for (int i = 0; i < spans.Length; i++) spans[i] = findings[i].Needs;
            var texts = await corpus.SourceTextAsync(doc, spans, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < spans.Length; i++) findings[i].Place(texts[i]);
        }
        return Report(watchlist, corpus, found, evidenceLimit);
    }

    /// <summary>Evidence per signal and condition, not yet placed on its lines when its passage spans several.</summary>
    private List<Finding>[][] Collect(Watchlist watchlist, EvidenceCorpus corpus)
    {
        var found = new List<Finding>[watchlist.Signals.Count][];
        for (int i = 0; i < found.Length; i++)
        {
            found[i] = new List<Finding>[watchlist.Signals[i].Conditions.Count];
            for (int j = 0; j < found[i].Length; j++) found[i][j] = new List<Finding>();
        }

        // Passages of one section share their path: fold it once.
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in corpus.Documents)
        {
            // A table row is read with its table's header row, which names what the columns measure: the first of
            // a run of adjacent table rows.
            string? header = null;
            bool inTable = false;
            int previous = -2;
            foreach (var passage in doc.Passages)
            {
                bool adjacent = passage.Ordinal == previous + 1;
                previous = passage.Ordinal;
                if (passage.Kind == PassageKind.TableRow)
                {
                    if (!inTable || !adjacent) header = FoldedText.Fold(passage.Text);
                    inTable = true;
                }
                else inTable = false;
                if (passage.Kind == PassageKind.Heading) continue;
                if (!paths.TryGetValue(passage.SectionPath, out var path)) paths[passage.SectionPath] = path = FoldedText.Fold(passage.SectionPath);
                var scan = new PassageScan(doc, passage, path, inTable ? header : null);
                for (int i = 0; i < watchlist.Signals.Count; i++)
                {
                    var signal = watchlist.Signals[i];
                    bool inText = signal.AliasSet.Any(scan.Folded), inPath = signal.AliasSet.Any(scan.Path) || (scan.Header is { } h && signal.AliasSet.Any(h));
                    if (!inText && !inPath) continue;
                    if (signal.IsQualitative)
                        for (int c = 0; c < signal.Conditions.Count; c++) Qualitative(signal, signal.Conditions[c], scan, found[i][c]);
                    else Numeric(signal, signal.Conditions[0], scan, found[i][0]);
                }
            }
        }
        return found;
    }

    /// <summary>
    /// The findings a report shows that are not yet placed on their lines: each condition's latest and the newest
    /// <paramref name="limit"/> of each signal. Sorts each condition's findings newest first.
    /// </summary>
    private static List<Finding> Unplaced(List<Finding>[][] found, int limit)
    {
        var unplaced = new List<Finding>();
        foreach (var bySignal in found)
        {
            var all = new List<Finding>();
            foreach (var items in bySignal)
            {
                items.Sort(NewestFinding);
                all.AddRange(items);
                if (items.Count > 0 && !items[0].IsPlaced) unplaced.Add(items[0]);
            }
            all.Sort(NewestFinding);
            for (int i = 0; i < Math.Min(limit, all.Count); i++)
                if (!all[i].IsPlaced && !unplaced.Contains(all[i])) unplaced.Add(all[i]);
        }
        return unplaced;
    }

    private static int NewestFinding(Finding a, Finding b) => Newest(a.Evidence, b.Evidence);

    private static WatchlistReport Report(Watchlist watchlist, EvidenceCorpus corpus, List<Finding>[][] found, int limit)
    {
        var reports = new List<SignalReport>(watchlist.Signals.Count);
        for (int i = 0; i < watchlist.Signals.Count; i++) reports.Add(Report(watchlist.Signals[i], found[i], limit));
        var domains = new List<DomainReport>();
        foreach (var domain in watchlist.Domains) domains.Add(Verdict(domain, reports, watchlist.ActShare));
        return new WatchlistReport(watchlist.Source, corpus.DocumentCount, reports, domains);
    }

    /// <summary>
    /// A piece of evidence and where its match is. Its lines are known at once when its passage is on one line;
    /// else <see cref="Place"/> counts them in the passage's original text.
    /// </summary>
    private sealed class Finding(SignalEvidence evidence, EvidenceDocument document, Passage passage, CharSpan span)
    {
        public SignalEvidence Evidence { get; private set; } = evidence;
        public EvidenceDocument Document { get; } = document;
        public Passage Passage { get; } = passage;
        public bool IsPlaced { get; private set; } =
            passage.Source.Line == passage.Source.EndLine && span.Start >= passage.Source.Span.Start && span.End <= passage.Source.Span.End;

        /// <summary>The original text <see cref="Place"/> needs: the passage's, and the match's should it reach outside.</summary>
        public CharSpan Needs => new(Math.Min(Passage.Source.Span.Start, Evidence.Provenance.Span.Start), Math.Max(Passage.Source.Span.End, Evidence.Provenance.Span.End));

        /// <summary>Places the evidence given the original text of <see cref="Needs"/>.</summary>
        public void Place(string text)
        {
            var needs = Needs;
            if (text.Length != needs.Length) throw new InvalidOperationException($"passage {Passage.Id}: expected {needs.Length} characters of source, got {text.Length}");
            var span = Evidence.Provenance.Span;
            int line = LineOf(text, needs.Start, span.Start), endLine = LineOf(text, needs.Start, Math.Max(span.Start, span.End - 1));
            Evidence = Evidence with { Line = line, Provenance = new Provenance(Passage.Document, line, endLine, span) };
            IsPlaced = true;
        }

        /// <summary>
        /// The line of <paramref name="offset"/>, counted from the passage's first line in <paramref name="text"/>
        /// (which starts at <paramref name="from"/>): a line starts after "\n", after "\r\n" and after a lone "\r",
        /// as in <see cref="SourceText"/>.
        /// </summary>
        private int LineOf(string text, int from, int offset)
        {
            int line = Passage.Source.Line, anchor = Passage.Source.Span.Start;
            for (int p = Math.Min(anchor, offset) + 1; p <= Math.Max(anchor, offset); p++)
            {
                char before = text[p - 1 - from];
                if (before == '\n' || (before == '\r' && (p - from >= text.Length || text[p - from] != '\n'))) line += offset > anchor ? 1 : -1;
            }
            return line;
        }
    }

    /// <summary>A passage prepared once for every signal: folded text and path, sentences and quantities on demand.</summary>
    private sealed class PassageScan(EvidenceDocument doc, Passage passage, string path, string? header)
    {
        private List<(int Start, int End)>? _sentences;
        private IReadOnlyList<QuantityMatch>? _quantities;

        public EvidenceDocument Document { get; } = doc;
        public Passage Passage { get; } = passage;
        public string Folded { get; } = FoldedText.Fold(passage.Text);
        public string Path { get; } = path;

        /// <summary>For a table row, its table's header row (folded): it says what the cells are.</summary>
        public string? Header { get; } = header;
        public List<(int Start, int End)> Sentences => _sentences ??= SentenceSplitter.Split(Passage.Text);
        public IReadOnlyList<QuantityMatch> Quantities(QuantityParser parser) => _quantities ??= parser.Parse(Passage.Text);
    }

    private void Numeric(WatchSignal signal, WatchCondition condition, PassageScan scan, List<Finding> into)
    {
        var text = scan.Passage.Text;
        var anchors = new List<int>();
        bool aliasInPath = signal.AliasSet.Any(scan.Path);
        bool patternInPath = false;
        foreach (var r in condition.PatternRegexes)
            if (r.IsMatch(scan.Path)) { patternInPath = true; break; }
        // A table row's header speaks for its cells as if it were part of the sentence.
        bool headerSpeaks = false;
        if (scan.Header is { } header)
        {
            bool alias = signal.AliasSet.Any(header), pattern = condition.PatternRegexes.Count == 0;
            foreach (var r in condition.PatternRegexes)
                if (r.IsMatch(header)) { pattern = true; break; }
            aliasInPath |= alias;
            patternInPath |= pattern;
            headerSpeaks = alias || pattern;
        }
        foreach (var (start, end) in scan.Sentences)
        {
            if (!Speaks(signal, condition, scan, start, end, aliasInPath, patternInPath, headerSpeaks, anchors)) continue;
            QuantityMatch? best = null;
            int bestDistance = int.MaxValue;
            SignalComparator? bestComparator = null;
            foreach (var q in scan.Quantities(_quantities))
            {
                if (q.Span.Start < start || q.Span.End > end || !UnitConversion.Compatible(q.Unit, signal.Unit)) continue;
                var comparator = ComparatorReader.Read(text, q, out _);
                if (SignalLexicon.IsJapaneseConditionalAfter(text, q.Span.End, end) || SignalLexicon.IsEnglishConditionalBefore(text, start, q.Span.Start)) continue;
                if (IsTarget(scan.Folded, start, end, q) || IsChange(text, scan.Folded, q) || IsStartingPoint(text, scan.Folded, q) || IsAimedAt(text, q)) continue;
                int distance = int.MaxValue - 1;
                foreach (var a in anchors) distance = Math.Min(distance, a <= q.Span.Start ? q.Span.Start - a : 2 * (a - q.Span.Start));
                if (distance < bestDistance) { best = q; bestDistance = distance; bestComparator = comparator; }
            }
            if (best is null) continue;
            into.Add(NumericEvidence(signal, condition, scan, best, bestComparator, start, end, MeasuredOn(scan, best, start, end)));
        }
    }

    /// <summary>
    /// True when the sentence speaks to the condition: aliases in it or its path, patterns (if any) in it or its path,
    /// and at least one of them in the sentence. <paramref name="anchors"/> gets where they are in the sentence.
    /// </summary>
    private static bool Speaks(WatchSignal signal, WatchCondition condition, PassageScan scan, int start, int end, bool aliasInPath, bool patternInPath, bool headerSpeaks, List<int> anchors)
    {
        anchors.Clear();
        signal.AliasSet.Occurrences(scan.Folded, start, end, anchors);
        bool aliasInSentence = anchors.Count > 0;
        if (!aliasInSentence && !aliasInPath) return false;
        bool patternInSentence = false;
        foreach (var r in condition.PatternRegexes)
        {
            var m = r.Match(scan.Folded, start, end - start);
            if (m.Success) { patternInSentence = true; anchors.Add(m.Index); }
        }
        if (condition.PatternRegexes.Count > 0 && !patternInSentence && !patternInPath) return false;
        return aliasInSentence || patternInSentence || headerSpeaks;
    }

    /// <summary>True for an amount of change rather than a level: 20%向上, 3割減, by 20%, rose 20%.</summary>
    private static bool IsChange(string text, string folded, QuantityMatch q)
    {
        var after = text.AsSpan(q.Span.End, Math.Min(4, text.Length - q.Span.End));
        foreach (var w in JapaneseChanges)
            if (after.StartsWith(w, StringComparison.Ordinal)) return true;
        int from = Math.Max(0, q.Span.Start - 12);
        var before = folded.AsSpan(from, q.Span.Start - from).TrimEnd();
        foreach (var w in EnglishChanges)
            if (before.EndsWith(w, StringComparison.Ordinal) && (before.Length == w.Length || !char.IsAsciiLetter(before[before.Length - w.Length - 1])))
                return true;
        return false;
    }

    /// <summary>Where a change started or what is compared with, not a level: 250 ℃から180 ℃まで, 100 ℃より低い, from 250 °C to 180 °C.</summary>
    private static bool IsStartingPoint(string text, string folded, QuantityMatch q)
    {
        var after = text.AsSpan(q.Span.End).TrimStart(' ');
        if (after.StartsWith("から", StringComparison.Ordinal) || after.StartsWith("より", StringComparison.Ordinal)) return true;
        int from = Math.Max(0, q.Span.Start - 6);
        var before = folded.AsSpan(from, q.Span.Start - from).TrimEnd();
        return before.EndsWith("from", StringComparison.Ordinal);
    }

    private static readonly string[] ChangeVerbs =
        ["上が", "下が", "低下", "向上", "上昇", "下落", "増", "減", "改善", "伸び", "縮", "拡大", "達し", "高ま", "落ち", "引き上げ", "引き下げ", "下げ", "高め", "改め"];

    /// <summary>A from–to amount followed by a verb of change: "30%から45%まで上がった", "250から180 ℃に低下".</summary>
    private static bool IsTrajectory(string text, QuantityMatch q)
    {
        if (q.ValueMax is null || !q.Text.Contains("から", StringComparison.Ordinal)) return false;
        var after = text.AsSpan(q.Span.End).TrimStart(' ');
        if (!q.Text.EndsWith("まで", StringComparison.Ordinal))
        {
            if (after.StartsWith("まで", StringComparison.Ordinal)) after = after[2..];
            else if (after.Length > 0 && after[0] is 'に' or 'へ') after = after[1..];
            else return false;
        }
        foreach (var v in ChangeVerbs)
            if (after.StartsWith(v, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Matches a level something is being raised or lowered to, with the verb not yet past: 10 W/mK以上に高める開発.</summary>
    private static readonly Regex AimedAt = new(
        @"^\s*(?:以上|以下|超|未満|程度|前後)?\s*(?:に|まで|へと?)(?:高める|高めよう|下げる|下げよう|引き上げる|引き下げる|向上させる|低減する|抑える|改善する|伸ばす|近づける|する|向け)",
        RegexOptions.CultureInvariant);

    private static bool IsAimedAt(string text, QuantityMatch q) => AimedAt.IsMatch(text.AsSpan(q.Span.End, Math.Min(16, text.Length - q.Span.End)));

    /// <summary>
    /// When the value was measured: a date stated in the quantity's clause ("2024年時点で45%", "as of March 2025, 48%")
    /// that is not after the document's date; else null (the document's date applies).
    /// </summary>
    private (string Text, DateOnly Day)? MeasuredOn(PassageScan scan, QuantityMatch q, int start, int end)
    {
        var text = scan.Passage.Text;
        int from = q.Span.Start, to = q.Span.End;
        while (from > start && text[from - 1] is not ('、' or ',' or '，' or ';' or '。')) from--;
        while (to < end && text[to] is not ('、' or ',' or '，' or ';' or '。')) to++;
        (string, DateOnly)? best = null;
        foreach (var d in _dates.Parse(text[from..to]))
        {
            if (d.Start is not { } day || d.Precision == DatePrecision.Open || d.Precision == DatePrecision.Period) continue;
            var documentDate = scan.Document.Info.Date;
            if (documentDate is { } doc && day > doc) continue;
            var iso = d.Precision switch
            {
                DatePrecision.Year => day.ToString("yyyy", CultureInfo.InvariantCulture),
                DatePrecision.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                _ => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            if (best is null || day > best.Value.Item2) best = (iso, day);
        }
        return best;
    }

    private static bool IsTarget(string folded, int start, int end, QuantityMatch q)
    {
        int from = q.Span.Start, to = q.Span.End;
        while (from > start && folded[from - 1] is not ('、' or ',' or '，' or ';')) from--;
        while (to < end && folded[to] is not ('、' or ',' or '，' or ';' or '。')) to++;
        var clause = folded.AsSpan(from, to - from);
        foreach (var w in TargetWords)
            if (clause.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    private static Finding NumericEvidence(WatchSignal signal, WatchCondition condition, PassageScan scan, QuantityMatch q, SignalComparator? stated, int start, int end,
        (string Text, DateOnly Day)? measured)
    {
        decimal lo = UnitConversion.Convert(q.Value, q.Unit, signal.Unit)!.Value;
        decimal hi = q.ValueMax is { } max ? UnitConversion.Convert(max, q.Unit, signal.Unit)!.Value : lo;
        // "30%から45%まで上がった" is a path, not a range: the level now is where it ended.
        if (IsTrajectory(scan.Passage.Text, q)) lo = hi;
        if (hi < lo) (lo, hi) = (hi, lo);
        // The interval the statement allows: "50%超" is (50, ∞), "1ドル未満" (−∞, 1); "0.5ドルまで低下" is the value reached.
        decimal? low = lo, high = hi;
        bool lowOpen = false, highOpen = false;
        bool reachedTo = q.Text.EndsWith("まで", StringComparison.Ordinal);
        switch (stated)
        {
            case SignalComparator.GreaterThan: high = null; lowOpen = true; break;
            case SignalComparator.AtLeast: high = null; break;
            case SignalComparator.LessThan when !reachedTo: low = null; highOpen = true; break;
            case SignalComparator.AtMost when !reachedTo: low = null; break;
        }
        var outcome = Judge(signal.Comparator!.Value, signal.Threshold!.Value, low, high, lowOpen, highOpen, out bool straddles);
        var value = Format(lo) + (hi != lo ? "–" + Format(hi) : "") + " " + signal.Unit;
        var threshold = $"{signal.Comparator.Value.ToSymbol()} {Format(signal.Threshold.Value)} {signal.Unit}";
        var reason = outcome == EvidenceOutcome.Met ? $"{q.Text} meets {threshold}"
            : straddles ? $"{q.Text} straddles {threshold}" : $"{q.Text} does not meet {threshold}";
        if (!string.Equals(q.Unit, signal.Unit, StringComparison.OrdinalIgnoreCase)) reason += $" ({value})";
        return Evidence(condition.Name, outcome, reason, lo, hi != lo ? hi : null, signal.Unit, q.Text, scan, q.Span.Start, q.Span.End, start, end, measured);
    }

    /// <summary>Met when every value the statement allows satisfies the comparison; a range across the threshold is not met.</summary>
    internal static EvidenceOutcome Judge(SignalComparator comparator, decimal t, decimal? low, decimal? high, bool lowOpen, bool highOpen, out bool straddles)
    {
        bool all, none;
        switch (comparator)
        {
            case SignalComparator.GreaterThan:
                all = low is { } l1 && (l1 > t || (l1 == t && lowOpen));
                none = high is { } h1 && h1 <= t;
                break;
            case SignalComparator.AtLeast:
                all = low is { } l2 && l2 >= t;
                none = high is { } h2 && (h2 < t || (h2 == t && highOpen));
                break;
            case SignalComparator.LessThan:
                all = high is { } h3 && (h3 < t || (h3 == t && highOpen));
                none = low is { } l3 && l3 >= t;
                break;
            case SignalComparator.AtMost:
                all = high is { } h4 && h4 <= t;
                none = low is { } l4 && (l4 > t || (l4 == t && lowOpen));
                break;
            default:
                all = low == t && high == t;
                none = (low is { } l5 && l5 > t) || (high is { } h5 && h5 < t);
                break;
        }
        straddles = !all && !none;
        return all ? EvidenceOutcome.Met : EvidenceOutcome.NotMet;
    }

    private static void Qualitative(WatchSignal signal, WatchCondition condition, PassageScan scan, List<Finding> into)
    {
        var text = scan.Passage.Text;
        foreach (var (start, end) in scan.Sentences)
        {
            // The thing watched may be named earlier in the same paragraph ("全固体電池のAサンプルを出荷した。
            // 1000サイクル後の容量維持率は85%だった。"); the condition itself must be in the sentence.
            if (!signal.AliasSet.Any(scan.Folded, 0, end) && !signal.AliasSet.Any(scan.Path)) continue;
            if (!condition.AliasSet.IsEmpty && !condition.AliasSet.Any(scan.Folded, start, end)) continue;
            Match? hit = null;
            foreach (var r in condition.PatternRegexes)
            {
                var m = r.Match(scan.Folded, start, end - start);
                if (m.Success && (hit is null || m.Index < hit.Index)) hit = m;
            }
            if (hit is null) continue;
            var sentence = text.AsSpan(start, end - start);
            EvidenceOutcome outcome;
            string reason;
            Match? against = null;
            foreach (var r in condition.AgainstRegexes)
            {
                var m = r.Match(scan.Folded, start, end - start);
                if (m.Success) { against = m; break; }
            }
            if (against is not null) { outcome = EvidenceOutcome.NotMet; reason = $"reported against: {text.Substring(against.Index, against.Length)}"; }
            else
            {
                switch (StatementMood.Of(sentence))
                {
                    case Mood.Hypothetical: continue;
                    case Mood.Question: outcome = EvidenceOutcome.NotMet; reason = "still an open question"; break;
                    case Mood.Negated: outcome = EvidenceOutcome.NotMet; reason = "reported as not (yet) happened"; break;
                    case Mood.Planned: outcome = EvidenceOutcome.NotMet; reason = "planned or upcoming, not yet reported as done"; break;
                    default: outcome = EvidenceOutcome.Met; reason = "reported as happened"; break;
                }
            }
            into.Add(Evidence(condition.Name, outcome, reason, null, null, null, text.Substring(hit.Index, hit.Length), scan, hit.Index, hit.Index + hit.Length, start, end));
        }
    }

    private static Finding Evidence(string condition, EvidenceOutcome outcome, string reason, decimal? value, decimal? valueMax, string? unit,
        string matched, PassageScan scan, int matchStart, int matchEnd, int sentenceStart, int sentenceEnd, (string Text, DateOnly Day)? measured = null)
    {
        var info = scan.Document.Info;
        var passage = scan.Passage;
        var span = passage.Map.ToSource(matchStart, matchEnd);
        // On the passage's first line until placed (see Finding).
        var provenance = new Provenance(passage.Document, passage.Source.Line, passage.Source.Line, span);
        var evidence = new SignalEvidence(condition, outcome, reason, value, valueMax, unit, matched, passage.Text[sentenceStart..sentenceEnd],
            measured?.Text ?? info.DateText, measured?.Day ?? info.Date, measured is null ? "document" : "text", info.Id, info.Title, provenance.Line, provenance);
        return new Finding(evidence, scan.Document, passage, span);
    }

    /// <summary>A signal's report from its findings (each condition's sorted newest first by <see cref="Unplaced"/>).</summary>
    private static SignalReport Report(WatchSignal signal, List<Finding>[] byCondition, int limit)
    {
        var conditions = new List<ConditionReport>(byCondition.Length);
        var all = new List<Finding>();
        for (int c = 0; c < byCondition.Length; c++)
        {
            all.AddRange(byCondition[c]);
            conditions.Add(Status(signal.Conditions[c].Name, byCondition[c]));
        }
        all.Sort(NewestFinding);
        var shown = new List<SignalEvidence>(Math.Min(limit, all.Count));
        for (int i = 0; i < Math.Min(limit, all.Count); i++) shown.Add(all[i].Evidence);
        SignalStatus status;
        string reason;
        int met = conditions.Count(c => c.Status == SignalStatus.Met);
        string Why(ConditionReport c) => conditions.Count == 1 ? c.Reason : $"{c.Name}: {c.Reason}";
        if (conditions.Any(c => c.Status == SignalStatus.Conflicting))
        {
            status = SignalStatus.Conflicting;
            reason = string.Join("; ", conditions.Where(c => c.Status == SignalStatus.Conflicting).Select(Why));
        }
        else if (met == conditions.Count) { status = SignalStatus.Met; reason = string.Join("; ", conditions.Select(Why)); }
        else if (conditions.Any(c => c.Status == SignalStatus.NotMet))
        {
            status = SignalStatus.NotMet;
            reason = string.Join("; ", conditions.Where(c => c.Status == SignalStatus.NotMet).Select(Why));
        }
        else if (met == 0) { status = SignalStatus.NoEvidence; reason = "nothing in the knowledge base speaks to it"; }
        else
        {
            status = SignalStatus.NotMet;
            reason = $"{met} of {conditions.Count} conditions met; no evidence yet for: {string.Join(", ", conditions.Where(c => c.Status == SignalStatus.NoEvidence).Select(c => c.Name))}";
        }
        return new SignalReport(signal.Id, signal.Domain, signal.Description, signal.Metric, signal.ComparatorText, signal.Threshold, signal.Unit,
            signal.Fires, signal.Weight, status, reason, all.Count > 0 ? all[0].Evidence : null, conditions, shown);
    }

    /// <summary>A condition's status: the evidence of the newest date decides; if it disagrees, it is conflicting.</summary>
    private static ConditionReport Status(string name, List<Finding> items)
    {
        if (items.Count == 0) return new ConditionReport(name, SignalStatus.NoEvidence, "no evidence", null, 0);
        var latest = items[0].Evidence;
        int met = 0, notMet = 0;
        foreach (var f in items)
        {
            var e = f.Evidence;
            if (e.DateValue != latest.DateValue) break;
            if (e.Outcome == EvidenceOutcome.Met) met++; else notMet++;
        }
        var title = latest.DocumentTitle.Length <= 32 ? latest.DocumentTitle : latest.DocumentTitle[..31] + "…";
        string where = $"{title} ({latest.Date ?? "undated"}), line {latest.Line}";
        if (met > 0 && notMet > 0)
            return new ConditionReport(name, SignalStatus.Conflicting, $"{met} report(s) say met and {notMet} say not met as of {latest.Date ?? "undated documents"}", latest, items.Count);
        var status = met > 0 ? SignalStatus.Met : SignalStatus.NotMet;
        return new ConditionReport(name, status, $"{latest.Reason} — {where}", latest, items.Count);
    }

    private static int Newest(SignalEvidence a, SignalEvidence b)
    {
        int byDate = Nullable.Compare(b.DateValue, a.DateValue);
        if (byDate != 0) return byDate;
        int byDoc = string.CompareOrdinal(a.DocumentId.Value, b.DocumentId.Value);
        return byDoc != 0 ? byDoc : a.Provenance.Span.Start.CompareTo(b.Provenance.Span.Start);
    }

    private static DomainReport Verdict(string domain, IReadOnlyList<SignalReport> reports, double actShare)
    {
        var signals = reports.Where(r => r.Domain == domain).ToList();
        double total = signals.Sum(s => s.Weight), met = signals.Where(s => s.Status == SignalStatus.Met).Sum(s => s.Weight);
        var conflicting = signals.Where(s => s.Status == SignalStatus.Conflicting).ToList();
        var notMet = signals.Where(s => s.Status == SignalStatus.NotMet).ToList();
        var none = signals.Where(s => s.Status == SignalStatus.NoEvidence).ToList();
        var reasons = new List<string>();
        DomainVerdict verdict;
        if (conflicting.Count > 0)
        {
            verdict = DomainVerdict.Watch;
            reasons.Add($"conflicting evidence on {Ids(conflicting)}: reconcile before deciding");
        }
        else if (notMet.Count > 0)
        {
            verdict = DomainVerdict.Wait;
            reasons.Add($"not met yet: {Ids(notMet)}");
        }
        else if (met > 0 && total > 0 && met >= actShare * total)
        {
            verdict = DomainVerdict.Act;
            reasons.Add($"{signals.Count(s => s.Status == SignalStatus.Met)} of {signals.Count} signals met (weight {met:0.##} of {total:0.##}), none contradicted");
        }
        else
        {
            verdict = DomainVerdict.Watch;
            reasons.Add(met > 0
                ? $"only {signals.Count(s => s.Status == SignalStatus.Met)} of {signals.Count} signals met; no evidence for {Ids(none)}"
                : $"no evidence yet for {Ids(none)}");
        }
        foreach (var s in signals) reasons.Add($"{s.Id}: {s.Status.ToText()} — {s.Reason}");
        return new DomainReport(domain, verdict, reasons, signals.Select(s => s.Id).ToList());
    }

    private static string Ids(IEnumerable<SignalReport> signals) => string.Join(", ", signals.Select(s => s.Id));

    private static string Format(decimal d) => d.ToString("0.######", CultureInfo.InvariantCulture);
}
