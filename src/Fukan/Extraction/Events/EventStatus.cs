namespace Fukan.Extraction.Events;

/// <summary>
/// Planned versus done, from the words around the date. Explicit markers win; otherwise a date after the
/// document's own date is planned and a past-tense verb (…した, …された) says done.
/// </summary>
public static class EventStatus
{
    public const string Planned = "planned";
    public const string Done = "done";
    public const string Unknown = "unknown";

    private static readonly string[] PlannedMarkers =
    [
        "予定", "目指", "めざ", "目標", "計画", "見込", "見通", "予想", "予測", "めど", "目途", "狙", "想定", "方針", "検討", "見られる", "期待",
        "will ", "plans", "planned", "planning", "plan to", "target", "expected", "aim", "scheduled", "forecast", "by 20",
    ];

    /// <summary>Plan words that are nouns: a sentence ending in the past reports a deed done to the plan ("実証計画に2億ドルが配分された").</summary>
    private static readonly string[] PlanNouns = ["計画", "目標", "方針"];

    private static readonly string[] DoneMarkers =
    [
        "成立", "開始", "発表", "稼働", "設立", "策定", "達成", "締結", "発足", "施行", "開催", "公表", "採択", "完了", "発売", "出荷", "開設",
        "終了", "進行中", "実施中", "稼働中", "導入した", "始まった", "始まっている", "報告された", "報告した", "成功した", "実現した",
        "ており", "ている", "配分された", "投じた",
        "launched", "announced", "began", "started", "completed", "signed", "enacted", "released", "opened", "demonstrated", "shipped",
        "installed", "delivered", "reached", "achieved", "unveiled", "introduced", "deployed", "approved", "passed", "reauthorized",
        "established", "founded", "awarded", "raised", "acquired", "filed", "went public", "reported", "received", "committed",
        "invested", "grew",
    ];

    /// <summary>
    /// The status of the event dated at [<paramref name="dateStart"/>, <paramref name="dateEnd"/>) in
    /// <paramref name="sentence"/>: the markers of the date's own clause (between the commas around it) decide
    /// first ("法が成立し（2021年11月）、…投資予定" is done), then those after the date, then the whole sentence.
    /// </summary>
    public static string Classify(string sentence, int dateStart, int dateEnd, DateOnly? eventStart, DateOnly? documentDate, DateOnly? eventEnd = null)
    {
        int left = dateStart, right = dateEnd;
        while (left > 0 && sentence[left - 1] is not ('、' or '，' or ',')) left--;
        while (right < sentence.Length && sentence[right] is not ('、' or '，' or ',')) right++;
        bool past = PastTense(sentence);
        var own = Markers(sentence.AsSpan(left, right - left), past);
        string status;
        if (own is not null) status = Past(Adjust(own, eventStart, documentDate), sentence.AsSpan(left, right - left), eventEnd ?? eventStart, documentDate);
        else if (Markers(sentence.AsSpan(dateStart), past) is { } after) status = Past(Adjust(after, eventStart, documentDate), sentence.AsSpan(dateStart), eventEnd ?? eventStart, documentDate);
        else status = Past(Classify(sentence, eventStart, documentDate), sentence, eventEnd ?? eventStart, documentDate);
        return LongPast(status, sentence, dateEnd, eventEnd ?? eventStart, documentDate);
    }

    /// <summary>
    /// A date two or more years before the document is planned only when the predicate it governs says so: the words
    /// from the date to the end of its clause (a verb's 、 or the 。) must end in a plan (…を目指していた). A plan word
    /// elsewhere in the sentence (…を目指すセッションが創設され、…2035年ごろまで継続されると見込まれる) belongs to
    /// another clause: 2019年には…創設され in a 2023 report is a deed.
    /// </summary>
    private static string LongPast(string status, string sentence, int dateEnd, DateOnly? eventEnd, DateOnly? documentDate)
    {
        if (status != Planned || eventEnd is not { } e || documentDate is not { } d || e.Year > d.Year - 2) return status;
        var predicate = PredicateAfter(sentence, dateEnd);
        // English puts the verb before its object; the rule reads Japanese clause ends only.
        bool japanese = false;
        foreach (char c in predicate) if (c is >= '\u3040' and <= '\u30ff') { japanese = true; break; }
        if (!japanese) return status;
        var tail = predicate.Length > 12 ? predicate[^12..] : predicate;
        return IsPlanned(tail, sentenceIsPast: false) ? status : Done;
    }

    // Particles ending in て/で that do not close a clause (2019年において、…).
    private static readonly string[] ParticleTe = ["において", "について", "によって", "に向けて", "にかけて", "として", "に対して", "にわたって", "を通じて", "に関して", "にとって", "にあたって", "に際して"];

    /// <summary>The text from the date to the end of its clause: the first 。 or a 、 after a verb's continuative form (され、 し、 り、 て、).</summary>
    private static ReadOnlySpan<char> PredicateAfter(string sentence, int from)
    {
        for (int i = from; i < sentence.Length; i++)
        {
            char c = sentence[i];
            if (c is '。' or '．' or '!' or '！' or '?' or '？' || c == '.' && (i + 1 == sentence.Length || sentence[i + 1] == ' ')) return sentence.AsSpan(from, i - from);
            if (c is not ('、' or '，' or ',') || i == from) continue;
            char v = sentence[i - 1];
            if (v is not ('し' or 'れ' or 'り' or 'き' or 'ち' or 'び' or 'み' or 'い' or 'え' or 'け' or 'せ' or 'て' or 'で' or 'ね' or 'べ' or 'め')) continue;
            var head = sentence.AsSpan(from, i - from);
            bool particle = false;
            foreach (var p in ParticleTe) if (head.EndsWith(p, StringComparison.Ordinal)) { particle = true; break; }
            if (!particle) return head;
        }
        return sentence.AsSpan(from);
    }

    /// <summary>planned, done, or null when the text has no marker either way; a plan wins over a deed.</summary>
    private static string? Markers(ReadOnlySpan<char> text, bool sentenceIsPast)
    {
        bool planned = IsPlanned(text, sentenceIsPast);
        bool done = ContainsAny(text, DoneMarkers) || planned is false && sentenceIsPast && ContainsAny(text, PlanNouns);
        return planned ? Planned : done ? Done : null;
    }

    /// <summary>A plan marker, unless the only ones are plan nouns in a sentence that ends in the past.</summary>
    private static bool IsPlanned(ReadOnlySpan<char> text, bool sentenceIsPast)
    {
        foreach (var m in PlannedMarkers)
        {
            if (!Contains(text, m)) continue;
            if (sentenceIsPast && Array.IndexOf(PlanNouns, m) >= 0) continue;
            return true;
        }
        return false;
    }

    /// <summary>
    /// A deed that ended two or more years before the document is done, whatever plan it names
    /// (2019年には商務省が…計画を発表し in a 2023 report). A year's distance is left alone (a roadmap dated January may
    /// still call last year's target planned), and so is a period still running at the document's date.
    /// </summary>
    private static string Past(string status, ReadOnlySpan<char> clause, DateOnly? eventEnd, DateOnly? documentDate)
    {
        if (status != Planned || eventEnd is not { } s || documentDate is not { } d || s.Year > d.Year - 2) return status;
        return ContainsAny(clause, DoneMarkers) || PastTense(clause) ? Done : status;
    }

    private static string Adjust(string status, DateOnly? eventStart, DateOnly? documentDate) =>
        status == Done && eventStart is { } s && documentDate is { } d && s > d.AddMonths(1) ? Planned : status;

    public static string Classify(ReadOnlySpan<char> clause, DateOnly? eventStart, DateOnly? documentDate)
    {
        bool planned = IsPlanned(clause, PastTense(clause));
        bool done = ContainsAny(clause, DoneMarkers);
        if (planned && !done) return Planned;
        if (done && !planned) return eventStart is { } s && documentDate is { } d && s > d.AddMonths(1) ? Planned : Done;
        if (planned && done)
            // "開始する予定" / "稼働を目指す": the plan governs the deed.
            return Planned;
        if (eventStart is { } start && documentDate is { } doc) return start > doc ? Planned : PastTense(clause) ? Done : Unknown;
        if (PastTense(clause)) return Done;
        // "2030年度までに…75%以上に高める": a deadline on a sentence not in the past is a target.
        return clause.Contains("までに", StringComparison.Ordinal) ? Planned : Unknown;
    }

    private static bool PastTense(ReadOnlySpan<char> clause)
    {
        var t = clause.TrimEnd("。．.」）) ");
        return t.EndsWith("した") || t.EndsWith("された") || t.EndsWith("った") || t.EndsWith("れた") || t.EndsWith("んだ") || t.EndsWith("ed");
    }


    private static bool ContainsAny(ReadOnlySpan<char> text, string[] markers)
    {
        foreach (var m in markers)
            if (Contains(text, m)) return true;
        return false;
    }

    /// <summary>
    /// Japanese markers anywhere; English ones only at the start of a word ("aim" is not in "claim", "target" not in
    /// "retarget").
    /// </summary>
    private static bool Contains(ReadOnlySpan<char> text, string marker)
    {
        if (marker.Length == 0 || marker[0] >= 0x80) return text.Contains(marker, StringComparison.Ordinal);
        int from = 0;
        while (from < text.Length)
        {
            int at = text[from..].IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            at += from;
            if (at == 0 || !char.IsAsciiLetter(text[at - 1])) return true;
            from = at + 1;
        }
        return false;
    }
}
