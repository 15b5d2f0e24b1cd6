using Fukan.Model;

namespace Fukan.Extraction.Events;

/// <summary>
/// Milestones from sentences that carry a date. A sentence with several dates yields one event per date, each
/// with the technologies named between that date and the next ("2025年にLi–S電池の、2027年に全固体電池の実用化を
/// 目指す" gives two). Actors are the organisations, programmes and countries of the sentence, plus the country
/// of the comparison-table row a bullet sits under. Reference lists, footnotes and citation-like sentences are
/// passed over.
/// </summary>
public sealed class EventExtractor : IFactExtractor
{
    private const int MaxLabel = 140;
    private static readonly string[] CountryLabels = ["日本", "米国", "欧州", "中国", "韓国", "台湾", "インド", "英国", "ドイツ", "フランス", "その他"];
    private static readonly string[] ReferenceHeads = ["参考・引用文献", "参考文献", "引用文献", "References", "出典"];
    private static readonly string[] CitationMarks = ["doi", "http", "et al", "Vol.", "vol.", "pp.", "アクセス", "ISBN", "No."];

    private readonly IDateSpotter _dates;
    private readonly IMentionSpotter _mentions;

    public EventExtractor(IDateSpotter dates, IMentionSpotter mentions)
    {
        _dates = dates;
        _mentions = mentions;
    }

    public string Name => "events";

    public void Extract(ExtractionContext context, ICollection<Fact> facts)
    {
        string? section = null;
        bool inReferences = false;
        string? rowCountry = null;
        bool previousWasTableRow = false;
        foreach (var passage in context.Passages)
        {
            bool tableRowBefore = previousWasTableRow;
            previousWasTableRow = passage.Kind == PassageKind.TableRow;
            if (passage.SectionId != section) { section = passage.SectionId; inReferences = false; rowCountry = null; }
            var text = passage.Text;
            if (passage.Kind == PassageKind.Heading) { inReferences = false; continue; }
            if (Array.Exists(ReferenceHeads, h => text.StartsWith(h, StringComparison.Ordinal) && text.Length <= h.Length + 2)) { inReferences = true; continue; }
            if (inReferences || passage.Kind == PassageKind.Footnote) continue;
            if (Array.IndexOf(CountryLabels, text.Trim()) >= 0) { rowCountry = text.Trim(); continue; }
            // The title ("…（2024年）報告書") and a bare dateline ("2024年6月") date the document, not a milestone.
            if (text.AsSpan().Trim().SequenceEqual(context.Document.Title.AsSpan().Trim())) continue;

            var dates = _dates.Find(context, passage);
            if (dates.Count == 0) continue;
            // A markdown table's header row names its columns (| 項目 | 現状（2024年） | 2030年目標 |); it states nothing.
            if (passage.Kind == PassageKind.TableRow && text.StartsWith('|') && !tableRowBefore) continue;
            var mentions = _mentions.Find(context, passage);
            // Sentences come in order, and so (once sorted) do dates and mentions: each sentence takes the next
            // run of both, so a passage costs its length, not sentences × dates.
            var sortedDates = dates.OrderBy(d => d.Start).ToArray();
            var sortedMentions = mentions.OrderBy(m => m.Start).ToArray();
            int di = 0, mi = 0;
            foreach (var (start, end) in Windows(text, Sentences(text)))
            {
                while (di < sortedDates.Length && sortedDates[di].Start < start) di++;
                while (mi < sortedMentions.Length && sortedMentions[mi].Start < start) mi++;
                int dj = di, mj = mi;
                while (dj < sortedDates.Length && sortedDates[dj].Start < end) dj++;
                while (mj < sortedMentions.Length && sortedMentions[mj].Start < end) mj++;
                if (dj > di)
                    Emit(context, passage, text, start, end, new ArraySegment<SpottedDate>(sortedDates, di, dj - di), new ArraySegment<SpottedMention>(sortedMentions, mi, mj - mi), rowCountry, facts);
                di = dj; mi = mj;
            }
        }
    }

    /// <summary>
    /// The longest stretch of text read as one sentence. Longer runs without a sentence end (a flattened table,
    /// a line of 50 MB) are cut at the last comma or space before the limit, so the work per date stays bounded.
    /// </summary>
    internal const int MaxSentence = 1000;

    /// <summary>The sentences, each cut into windows of at most <see cref="MaxSentence"/> characters.</summary>
    internal static IEnumerable<(int Start, int End)> Windows(string text, IEnumerable<(int Start, int End)> sentences)
    {
        foreach (var (start, end) in sentences)
        {
            int s = start;
            while (end - s > MaxSentence)
            {
                int limit = s + MaxSentence;
                int cut = limit;
                for (int i = limit - 1; i > s + MaxSentence / 2; i--)
                    if (text[i] is '、' or '，' or ',' or ' ' or '\u3000' or '\n') { cut = i + 1; break; }
                // Never cut a surrogate pair.
                if (char.IsLowSurrogate(text[cut])) cut--;
                yield return (s, cut);
                s = cut;
            }
            if (end > s) yield return (s, end);
        }
    }

    private static bool IsRestatement(string text, SpottedDate previous, SpottedDate date)
    {
        if (date.Start <= previous.End) return false;
        var between = text.AsSpan(previous.End, date.Start - previous.End).Trim();
        return between is "（" or "(";
    }

    private static void Emit(ExtractionContext context, Passage passage, string text, int start, int end,
        ArraySegment<SpottedDate> dates, ArraySegment<SpottedMention> mentions, string? rowCountry, ICollection<Fact> facts)
    {
        var inSentence = new List<SpottedDate>();
        foreach (var d in dates)
        {
            if (d.Start < start || d.End > end || d.From is null && d.To is null || TooVague(d, text)) continue;
            // A date restated in brackets right after another (2025年度（2025年4月1日～2026年3月31日）) is the same milestone.
            if (inSentence.Count > 0 && IsRestatement(text, inSentence[^1], d)) continue;
            inSentence.Add(d);
        }
        if (inSentence.Count == 0) return;
        var sentence = text.AsSpan(start, end - start);
        // A dateline (令和7年8月29日 文部科学省, Published: March 12, 2025, 日時：…) dates the document, not a milestone.
        if (inSentence[0].Precision == "day" && Fukan.Extraction.Dates.Dateline.Is(sentence, inSentence[0].Start - start, inSentence[0].End - start)) return;
        foreach (var mark in CitationMarks) if (sentence.Contains(mark, StringComparison.Ordinal)) return;
        if (WordsBesideDates(text, start, end, inSentence) < 2) return;

        var actors = new List<string>();
        foreach (var m in mentions)
            if (m.Start >= start && m.End <= end && m.Type is "org" or "program" or "country" && !actors.Contains(m.Name)) actors.Add(m.Name);
        if (rowCountry is not null && !actors.Contains(rowCountry)) actors.Insert(0, rowCountry);

        var label = Label(sentence);
        var sentenceText = text[start..end];
        for (int i = 0; i < inSentence.Count; i++)
        {
            var d = inSentence[i];
            // The clause that belongs to this date: from it to the next date (or the end of the sentence).
            int clauseEnd = i + 1 < inSentence.Count ? inSentence[i + 1].Start : end;
            int clauseStart = i == 0 ? start : inSentence[i].Start;
            var technologies = new List<string>();
            foreach (var m in mentions)
                if (m.Type == "tech" && m.Start >= clauseStart && m.End <= clauseEnd && !technologies.Contains(m.Name)) technologies.Add(m.Name);
            if (technologies.Count == 0 && inSentence.Count == 1)
                foreach (var m in mentions)
                    if (m.Type == "tech" && m.Start >= start && m.End <= end && !technologies.Contains(m.Name)) technologies.Add(m.Name);
            var status = EventStatus.Classify(sentenceText, d.Start - start, d.End - start, d.From ?? d.To, context.Document.Date, d.To);
            var domain = DomainClassifier.Classify(sentenceText, technologies);
            var source = passage.ProvenanceOf(d.Start, d.End, context.Source);
            var date = new EventDate(d.From, d.To, d.Precision);
            var orgs = new List<string>();
            var programs = new List<string>();
            var countries = new List<string>();
            foreach (var m in mentions)
                if (m.Start >= start && m.End <= end)
                {
                    var into = m.Type switch { "org" => orgs, "program" => programs, "country" => countries, _ => null };
                    if (into is not null && !into.Contains(m.Name)) into.Add(m.Name);
                }
            if (rowCountry is not null && !countries.Contains(rowCountry)) countries.Add(rowCountry);
            var salience = MilestoneSalience.Score(new MilestoneContext(sentenceText, d.Start - start, d.End - start, date, orgs, programs, countries, technologies,
                status, passage.Kind, passage.SectionPath, context.Document.Date, context.Document.Title));
            var lead = orgs.Count > 0 ? orgs[0] : programs.Count > 0 ? programs[0] : countries.Count > 0 ? countries[0] : null;
            var headline = MilestoneSalience.Headline(sentenceText, d.Start - start, d.End - start, lead);
            facts.Add(new EventFact(source, label, date, actors, technologies, status, domain, text[d.Start..d.End], headline, salience));
        }
    }

    /// <summary>Letters and digits of the sentence outside its dates: a line that is only a date says nothing happens.</summary>
    private static int WordsBesideDates(string text, int start, int end, List<SpottedDate> dates)
    {
        int n = 0;
        for (int i = start; i < end; i++)
        {
            if (!char.IsLetterOrDigit(text[i])) continue;
            bool inDate = false;
            foreach (var d in dates) if (i >= d.Start && i < d.End) { inDate = true; break; }
            if (!inDate) n++;
        }
        return n;
    }

    /// <summary>A century ("21世紀以降") or any span over fifteen years is context, not a milestone.</summary>
    private static bool TooVague(SpottedDate d, string text) =>
        (d.From is { } f && d.To is { } t && t.DayNumber - f.DayNumber > 15 * 366)
        || text.AsSpan(d.Start, d.End - d.Start).Contains("世紀", StringComparison.Ordinal)
        || text.AsSpan(d.Start, d.End - d.Start).Contains("century", StringComparison.OrdinalIgnoreCase);

    /// <summary>Sentence spans of a passage: split after 。！？ (and ". " in Latin text), trimmed.</summary>
    internal static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool end = c is '。' or '！' or '？' or '；'
                || (c is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] == ' ') && i > 0
                    && (char.IsAsciiLetterLower(text[i - 1])
                        // "… by 2029. Japan's …": a number ends the sentence when a capital starts the next.
                        || char.IsAsciiDigit(text[i - 1]) && (i + 2 >= text.Length || char.IsAsciiLetterUpper(text[i + 2]))));
            if (!end) continue;
            int e = i + 1;
            while (e < text.Length && text[e] is '」' or '）' or ')') e++;
            if (e > start) yield return Trim(text, start, e);
            start = e;
            i = e - 1;
        }
        if (start < text.Length && !string.IsNullOrWhiteSpace(text[start..])) yield return Trim(text, start, text.Length);
    }

    private static (int, int) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end);
    }

    private static string Label(ReadOnlySpan<char> sentence)
    {
        var trimmed = sentence.Trim();
        while (trimmed.Length > 0 && trimmed[0] is '•' or '・' or '●' or '-' or '*') trimmed = trimmed[1..].TrimStart();
        var s = Fukan.Normalizing.LetterSpacing.Repair(trimmed.ToString());
        return s.Length <= MaxLabel ? s : string.Concat(s.AsSpan(0, MaxLabel - 1), "…");
    }
}
