using System.Text.RegularExpressions;
using Fukan.Model;

namespace Fukan.Extraction.Events;

/// <summary>What the salience of one dated sentence is computed from: the sentence, its date, who and what it names, and where it sits.</summary>
/// <param name="Sentence">The sentence.</param>
/// <param name="DateStart">Where the date starts in <paramref name="Sentence"/>.</param>
/// <param name="DateEnd">Where the date ends in <paramref name="Sentence"/> (exclusive).</param>
/// <param name="Date">The date's first and last day and precision.</param>
/// <param name="Actors">Organisations named (companies, agencies, institutes).</param>
/// <param name="Programs">Programmes, strategies and projects named.</param>
/// <param name="Countries">Countries named (or the comparison-table row's country).</param>
/// <param name="Technologies">Technologies named in the date's clause.</param>
/// <param name="Status">planned, done or unknown.</param>
/// <param name="Kind">The passage's kind.</param>
/// <param name="SectionPath">The passage's section path.</param>
/// <param name="DocumentDate">The document's date, when known.</param>
/// <param name="Title">The document's title (a roadmap article names itself so).</param>
public readonly record struct MilestoneContext(
    string Sentence, int DateStart, int DateEnd, EventDate Date, IReadOnlyList<string> Actors, IReadOnlyList<string> Programs, IReadOnlyList<string> Countries,
    IReadOnlyList<string> Technologies, string Status, PassageKind Kind, string SectionPath, DateOnly? DocumentDate, string Title);

/// <summary>
/// How much a dated sentence is worth a roadmap slide (0–1), and a short headline for it (actor, action, object).
/// A dated deed or plan of a named actor, with a milestone verb (量産, 稼働, 開始, 発売, launch …), at a precise date, in
/// a roadmap, plan or KPI context scores high; a funding period in brackets (a project list: 「…」（研究総括：…、
/// 2019～2026年度）), a long period, background history years before the document, or a sentence that only mentions
/// a year scores low. Computed once at extraction, stored with the event and as its row's value, so a timeline's top
/// milestones are read by an index, not by scoring every event again.
/// </summary>
public static partial class MilestoneSalience
{
    private static readonly string[] MilestoneVerbs =
    [
        "量産", "稼働", "運用開始", "開始", "実用化", "商用化", "事業化", "上市", "発売", "出荷", "導入", "策定", "成立", "施行", "設立", "発足", "発表",
        "完成", "建設", "着工", "開設", "開業", "投入", "提供", "公開", "達成", "実現", "採用", "供給", "生産", "打ち上げ", "竣工", "認可", "承認", "合意", "締結",
        "launch", "production", "produce", "ship", "release", "deploy", "operational", "begin", "start", "complete", "enact", "announce",
        "open", "unveil", "introduce", "deliver", "achieve", "build", "sign", "approve", "commercial",
    ];

    private static readonly string[] RoadmapContext =
        ["ロードマップ", "マイルストーン", "スケジュール", "タイムライン", "計画", "目標", "KPI", "戦略", "見通し", "展望", "注目", "工程", "roadmap", "milestone", "timeline", "schedule", "outlook", "target", "strategy", "signal", "plan"];

    // Who ran a project, when it was funded, how it was selected: the marks of a project list or a funding process
    // rather than a milestone.
    private static readonly string[] ProjectListMarks = ["総括", "PM：", "PM:", "代表：", "研究代表", "領域代表", "代表機関", "プログラムディレクター", "研究期間", "実施期間", "事業期間", "公募", "採択", "候補課題"];

    /// <summary>The salience of the event, 0 to 1, rounded to two decimals.</summary>
    public static double Score(in MilestoneContext c)
    {
        double s = 0.1;
        // An organisation acts; a programme or strategy named alone is more often the frame of a funding list.
        if (c.Actors.Count > 0) s += 0.2;
        else if (c.Programs.Count > 0) s += 0.12;
        else if (c.Countries.Count > 0) s += 0.08;
        if (c.Technologies.Count > 0) s += 0.1;
        var clause = Clause(c.Sentence, c.DateStart, c.DateEnd);
        if (ContainsAny(clause, MilestoneVerbs)) s += 0.2;
        if (c.Status is EventStatus.Planned or EventStatus.Done) s += 0.05;
        s += c.Date.Precision switch
        {
            "day" or "month" or "quarter" or "half" => 0.1,
            "year" or "fiscalYear" or "open" => 0.05,
            _ => -0.1,
        };
        if (c.Date.Start is { } a && c.Date.End is { } b && b.DayNumber - a.DayNumber > 3 * 366) s -= 0.1;
        if (ContainsAny(c.SectionPath, RoadmapContext) || ContainsAny(c.Title, RoadmapContext)) s += 0.1;
        if (c.DocumentDate is { } d && (c.Date.Start ?? c.Date.End) is { } at)
        {
            // A plan ahead of the document is what a roadmap is made of; deeds years before it are background.
            if (c.Status == EventStatus.Planned && at > d) s += 0.1;
            int yearsBefore = d.Year - (c.Date.End ?? at).Year;
            if (yearsBefore >= 3) s -= 0.1;
            if (yearsBefore >= 6) s -= 0.1;
        }
        if (InBrackets(c.Sentence, c.DateStart, c.DateEnd)) s -= 0.25;
        if (ContainsAny(c.Sentence, ProjectListMarks)) s -= 0.2;
        if (c.Sentence.Length > 160) s -= 0.05;
        if (c.Kind == PassageKind.TableRow) s -= 0.05;
        return Math.Round(Math.Clamp(s, 0, 1), 2);
    }

    /// <summary>
    /// A headline of at most 60 characters: the date's clause without the date, brackets and the planning mood,
    /// led by the actor when the clause does not name it ("TSMC: N2の量産を開始", "Google demonstrated a logical qubit").
    /// </summary>
    public static string Headline(string sentence, int dateStart, int dateEnd, string? actor)
    {
        var clause = Clause(sentence, dateStart, dateEnd).ToString();
        var date = sentence[dateStart..dateEnd];
        // The date goes with the particle that ties it to the clause (2021年に, 2030年における, in 2025).
        var text = WithoutDate(clause, date);
        text = Brackets().Replace(text, "");
        text = LeadingParticles().Replace(text.Trim().TrimStart('•', '・', '●', '-', '*', '、', ' '), "");
        text = Continuative().Replace(text.Trim(), "");
        text = MoodTail().Replace(text.Trim(), "");
        text = Continuative().Replace(text.Trim(), "");
        text = Fukan.Normalizing.LetterSpacing.Repair(JapaneseSpaces(Spaces().Replace(text, " ")).Trim(' ', '、', ',', '，', '・'));
        if (text.Length == 0) text = Fukan.Normalizing.LetterSpacing.Repair(sentence.Trim());
        if (actor is not null && !text.Contains(actor, StringComparison.OrdinalIgnoreCase)) text = actor + ": " + text;
        return text.Length <= MaxHeadline ? text : string.Concat(text.AsSpan(0, MaxHeadline - 1), "…");
    }

    private const int MaxHeadline = 60;

    /// <summary>Spaces left where the date was cut out: none next to Japanese text (は N2 → はN2), one between Latin words.</summary>
    private static string JapaneseSpaces(string text)
    {
        if (text.IndexOf(' ') < 0) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && i > 0 && i + 1 < text.Length && (Fukan.Normalizing.TextFolding.IsCjk(text[i - 1]) || Fukan.Normalizing.TextFolding.IsCjkPunctuation(text[i - 1])
                || Fukan.Normalizing.TextFolding.IsCjk(text[i + 1]) || Fukan.Normalizing.TextFolding.IsCjkPunctuation(text[i + 1]))) continue;
            sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The date's clause: from the comma (or sentence start) before the date to the comma or stop after it, widened
    /// to the next clause while it says too little ("2019年には、" alone names nothing).
    /// </summary>
    internal static ReadOnlySpan<char> Clause(string sentence, int dateStart, int dateEnd)
    {
        int left = dateStart;
        while (left > 0 && sentence[left - 1] is not ('、' or '，' or ',' or '。' or ';' or '；')) left--;
        int right = dateEnd;
        while (true)
        {
            while (right < sentence.Length && sentence[right] is not ('、' or '，' or ',' or '。' or ';' or '；')) right++;
            int words = 0;
            for (int i = left; i < right; i++) if ((i < dateStart || i >= dateEnd) && char.IsLetterOrDigit(sentence[i])) words++;
            if (words >= 8 || right >= sentence.Length - 1) break;
            right++;
        }
        return sentence.AsSpan(left, Math.Min(right, sentence.Length) - left);
    }

    /// <summary>The date sits inside brackets it does not open itself: a period attached to a name (「…」（…、2019～2026年度）).</summary>
    private static bool InBrackets(string sentence, int dateStart, int dateEnd)
    {
        int depth = 0;
        for (int i = 0; i < dateStart; i++)
        {
            if (sentence[i] is '（' or '(') depth++;
            else if (sentence[i] is '）' or ')' && depth > 0) depth--;
        }
        return depth > 0;
    }

    private static bool ContainsAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var w in words)
            if (text.Contains(w, w[0] < 0x80 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)) return true;
        return false;
    }

    [GeneratedRegex(@"（[^（）]*）|\([^()]*\)")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"^(?:における|において|に向けて|にかけて|に入ると|までには|までに|までの|には|にも|に|から|より|まで|頃|ごろ|以降|中|内|度|は|も|の|で|、|,|\s|in\b|by\b|on\b|at\b|since\b|from\b|until\b|during\b|of\b)+(?=\S)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingParticles();

    private static readonly string[] DateParticles = ["における", "において", "に向けて", "にかけて", "までには", "までに", "には", "にも", "に", "から", "より", "まで", "頃", "ごろ", "の"];

    /// <summary>The clause with its date, and the particle that ties the date to it, cut out.</summary>
    private static string WithoutDate(string clause, string date)
    {
        int at = clause.IndexOf(date, StringComparison.Ordinal);
        if (at < 0) return clause;
        int end = at + date.Length;
        foreach (var p in DateParticles)
            if (clause.AsSpan(end).StartsWith(p, StringComparison.Ordinal)) { end += p.Length; break; }
        return string.Concat(clause.AsSpan(0, at), " ", clause.AsSpan(end));
    }

    /// <summary>The closing mood of a planned or reported milestone (予定である, 計画だ, 見込み, is expected to …): what, not how it is said.</summary>
    [GeneratedRegex(@"(する|します|される|された|した|を目指す|を目指している|を目指し|を目指|を目標に)?(予定|計画|見込み|見通し|方針|目標|考え|見込)?(である|です|だ|としている|とされる|という|となっている)?[。．.！!]?$|\s+(is|are)\s+(expected|planned|scheduled|set)\s+to\b.*$|\s+(plans?|aims?)\s+to\b", RegexOptions.CultureInvariant)]
    public static partial Regex MoodTail();

    [GeneratedRegex(@"(?:され|し|して|しており|しており|ており|ている|であり|となり|となった|した)$")]
    private static partial Regex Continuative();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
