using System.Globalization;
using Fukan.Analysis.Signals;
using Fukan.Extraction.Landscape;
using Fukan.Extraction.Signals;
using Fukan.Model;

namespace Fukan.Analysis.Ranking;

/// <summary>One piece of evidence behind a criterion value: the text and where it is.</summary>
public sealed record CriterionEvidence(string Text, DocumentId DocumentId, int Line, Provenance Provenance);

/// <summary>
/// A criterion computed for one area: the raw value (null when the data for it is missing), the formula with the
/// area's numbers in it, and the evidence (at most a few items; <see cref="EvidenceCount"/> counts them all).
/// </summary>
public sealed record CriterionValue(string Criterion, double? Value, string Detail, IReadOnlyList<CriterionEvidence> Evidence, int EvidenceCount);

/// <summary>The criteria of one area, in <see cref="Criterion.All"/> order.</summary>
public sealed record AreaCriteria(AreaSource Area, IReadOnlyList<CriterionValue> Values);

/// <summary>
/// Computes every <see cref="Criterion"/> for every area of a <see cref="RankingInput"/>, for one country. The
/// formulas are in <see cref="Criterion.Formula"/> and docs/signals-ranking.md; each value carries its evidence.
/// </summary>
public sealed class CriteriaCalculator
{
    internal static readonly string[] NoveltyWords =
    [
        "新た", "新規", "新しい", "新興", "萌芽", "ブレークスルー", "ブレイクスルー", "急速", "急激", "急伸", "急増", "急拡大", "初めて", "世界初",
        "台頭", "躍進", "飛躍", "注目を集め", "発見", "emerging", "breakthrough", "rapid", "novel", "first time", "for the first",
    ];

    /// <summary>Words too general to say that a text is about one area.</summary>
    private static readonly HashSet<string> GenericTerms = new(StringComparer.Ordinal)
    {
        "デバイス", "材料", "技術", "システム", "応用", "開発", "研究", "制御", "設計", "計測", "通信", "集積", "集積技術", "高性能", "高性能化",
        "安全性", "エネルギー", "プロセス", "シミュレーション", "データ", "モデル", "センサ", "センサー", "計算", "物質", "機能", "評価", "解析",
        "ナノ", "マテリアル", "基盤", "応用研究", "基礎研究", "社会実装", "リサイクル", "コスト", "信頼性", "耐久性", "標準化", "人材育成",
    };

    private readonly string _country;
    private readonly int _maxEvidence;

    /// <param name="country">The country whose position is assessed (JP, US, EU, CN, KR, …).</param>
    /// <param name="maxEvidence">How many evidence items each criterion lists.</param>
    public CriteriaCalculator(string country = "JP", int maxEvidence = 8)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(country);
        _country = country.Trim().ToUpperInvariant();
        _maxEvidence = maxEvidence;
    }

    public string Country => _country;

    public IReadOnlyList<AreaCriteria> Compute(RankingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var terms = AttentionTerms(input.Areas);
        var foldedAttention = new string[input.Attention.Count];
        for (int i = 0; i < foldedAttention.Length; i++) foldedAttention[i] = FoldedText.Fold(input.Attention[i].Text);
        // Money and dates by document in line order: an area reads its own lines' slice, not every amount of the corpus.
        var money = ByDocument(input.Money, static m => m.Document, static m => m.Provenance.Line);
        var dates = ByDocument(input.Dates, static d => d.Document, static d => d.Provenance.Line);
        // Areas with the same terms (editions and copies of one report) share one scan of the attention texts.
        var scans = new Dictionary<string, List<(int Index, int At, int Length)>>(StringComparer.Ordinal);
        var result = new List<AreaCriteria>(input.Areas.Count);
        foreach (var area in input.Areas)
        {
            var values = new List<CriterionValue>(Criterion.All.Count);
            var basic = Score(area.Rows, _country, "basic");
            var applied = Score(area.Rows, _country, "applied");
            string basicPhase = "basic", appliedPhase = "applied";
            // Areas such as common support measures rate one "other" phase (取り組み水準): it stands for both.
            if (basic.Score is null && applied.Score is null && Score(area.Rows, _country, "other") is { Score: not null } other)
            {
                basic = applied = other;
                basicPhase = appliedPhase = "other";
            }
            values.Add(Position(Criterion.BasicPosition, basic, basicPhase));
            values.Add(Position(Criterion.AppliedPosition, applied, appliedPhase));
            values.Add(Gap(area, basicPhase == "other" ? ["other"] : ["basic", "applied"]));
            values.Add(TrendOf(area));
            values.Add(Momentum(area));
            values.Add(BasicNotApplied(basic, applied, basicPhase == "other"));
            values.Add(InvestmentIn(area, InLines(money, area, static m => m.Provenance.Line)));
            values.Add(AttentionTo(area, terms[area], input.Attention, foldedAttention, scans));
            values.Add(EmergenceOf(area, InLines(dates, area, static d => d.Provenance.Line)));
            result.Add(new AreaCriteria(area, values));
        }
        return result;
    }

    private readonly record struct PhaseScore(double? Score, List<ComparisonRow> Rows);

    private static PhaseScore Score(IReadOnlyList<ComparisonRow> rows, string country, string phase)
    {
        double sum = 0;
        int n = 0;
        var used = new List<ComparisonRow>();
        foreach (var r in rows)
        {
            if (!string.Equals(r.Country, country, StringComparison.OrdinalIgnoreCase) || r.Phase != phase || r.Score is null) continue;
            sum += r.Score.Value;
            n++;
            used.Add(r);
        }
        return new PhaseScore(n == 0 ? null : sum / n, used);
    }

    private CriterionValue Position(string id, PhaseScore s, string phase) => s.Score is { } v
        ? new CriterionValue(id, v / 3, $"S({_country}, {phase}) = {F(v)} → {F(v)}/3 = {F(v / 3)}", RowEvidence(s.Rows), s.Rows.Count)
        : new CriterionValue(id, null, $"no rated {phase} row for {_country}", [], 0);

    private CriterionValue Gap(AreaSource area, string[] phases)
    {
        double sum = 0;
        int n = 0;
        var parts = new List<string>();
        var evidence = new List<ComparisonRow>();
        foreach (var phase in phases)
        {
            var own = Score(area.Rows, _country, phase);
            if (own.Score is not { } mine) continue;
            double best = mine;
            ComparisonRow? leader = null;
            foreach (var r in area.Rows)
                if (r.Phase == phase && r.Score is { } s && s > best) { best = s; leader = r; }
            sum += best - mine;
            n++;
            parts.Add($"{phase}: {F(best)} − {F(mine)}{(leader is null ? " (leads)" : $" ({leader.Country} leads)")}");
            evidence.AddRange(own.Rows);
            if (leader is not null) evidence.Add(leader);
        }
        if (n == 0) return new CriterionValue(Criterion.GapToLeader, null, $"no rated row for {_country}", [], 0);
        double value = sum / n / 3;
        return new CriterionValue(Criterion.GapToLeader, value, $"mean({string.Join("; ", parts)}) / 3 = {F(value)}", RowEvidence(evidence), evidence.Count);
    }

    private CriterionValue TrendOf(AreaSource area)
    {
        double sum = 0;
        int n = 0;
        var used = new List<ComparisonRow>();
        foreach (var r in area.Rows)
        {
            if (!string.Equals(r.Country, _country, StringComparison.OrdinalIgnoreCase) || TrendValue(r.Trend) is not { } t) continue;
            sum += t;
            n++;
            used.Add(r);
        }
        if (n == 0) return new CriterionValue(Criterion.Trend, null, $"no trend for {_country}", [], 0);
        double value = (sum / n + 1) / 2;
        return new CriterionValue(Criterion.Trend, value, $"(mean t = {F(sum / n)} + 1) / 2 = {F(value)}", RowEvidence(used), used.Count);
    }

    private CriterionValue Momentum(AreaSource area)
    {
        var countries = new List<string>();
        var rising = new List<string>();
        var evidence = new List<ComparisonRow>();
        foreach (var r in area.Rows)
        {
            if (r.Country == "OTHER") continue;
            if (!countries.Contains(r.Country)) countries.Add(r.Country);
            if (r.Trend == "up")
            {
                evidence.Add(r);
                if (!rising.Contains(r.Country)) rising.Add(r.Country);
            }
        }
        if (countries.Count == 0) return new CriterionValue(Criterion.GlobalMomentum, null, "no countries in the table", [], 0);
        double value = (double)rising.Count / countries.Count;
        return new CriterionValue(Criterion.GlobalMomentum, value,
            $"{rising.Count} rising ({string.Join(", ", rising)}) / {countries.Count} countries = {F(value)}", RowEvidence(evidence), evidence.Count);
    }

    private CriterionValue BasicNotApplied(PhaseScore basic, PhaseScore applied, bool samePhase)
    {
        if (samePhase || basic.Score is not { } b || applied.Score is not { } a)
            return new CriterionValue(Criterion.BasicNotApplied, null, $"needs rated basic and applied rows for {_country}", [], 0);
        double value = Math.Max(0, b - a) / 3;
        var rows = new List<ComparisonRow>(basic.Rows);
        rows.AddRange(applied.Rows);
        return new CriterionValue(Criterion.BasicNotApplied, value, $"max(0, {F(b)} − {F(a)}) / 3 = {F(value)}", RowEvidence(rows), rows.Count);
    }

    private static Dictionary<DocumentId, T[]> ByDocument<T>(IReadOnlyList<T> items, Func<T, DocumentId> document, Func<T, int> line)
    {
        var result = new Dictionary<DocumentId, T[]>();
        foreach (var g in items.GroupBy(document)) result[g.Key] = g.OrderBy(line).ToArray();
        return result;
    }

    /// <summary>The items of the area's document whose line lies in the area, in line order (found by binary search).</summary>
    private static IReadOnlyList<T> InLines<T>(Dictionary<DocumentId, T[]> byDocument, AreaSource area, Func<T, int> line)
    {
        if (!byDocument.TryGetValue(area.Document, out var items)) return [];
        int lo = 0, hi = items.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (line(items[mid]) < area.StartLine) lo = mid + 1; else hi = mid; }
        var list = new List<T>();
        for (int i = lo; i < items.Length && line(items[i]) <= area.EndLine; i++) list.Add(items[i]);
        return list;
    }

    private CriterionValue InvestmentIn(AreaSource area, IReadOnlyList<MoneyMention> money)
    {
        // An amount restated in the same document counts once (money's rule).
        var seen = new HashSet<(string, string, decimal, decimal?)>();
        var found = new List<MoneyMention>(money.Count);
        foreach (var m in money)
            if (seen.Add(Fukan.Analysis.Money.MoneyReport.RestatementKey(m.Document, m.Currency, m.Value, m.ValueMax))) found.Add(m);
        int restated = money.Count - found.Count;
        double value = Math.Log(1 + found.Count);
        var evidence = new List<CriterionEvidence>();
        foreach (var m in found)
        {
            if (evidence.Count >= _maxEvidence) break;
            evidence.Add(new CriterionEvidence(m.Text, m.Document, m.Provenance.Line, m.Provenance));
        }
        var restatedNote = restated > 0 ? $", {restated} restated amount(s) counted once" : "";
        return new CriterionValue(Criterion.Investment, value, $"ln(1 + {found.Count}) = {F(value)} (amounts in lines {area.StartLine}–{area.EndLine}{restatedNote})", evidence, found.Count);
    }

    private CriterionValue AttentionTo(AreaSource area, TermSet terms, IReadOnlyList<AttentionText> texts, string[] folded,
        Dictionary<string, List<(int Index, int At, int Length)>> scans)
    {
        int n = 0;
        var evidence = new List<CriterionEvidence>();
        var docs = new HashSet<DocumentId>();
        if (!terms.IsEmpty)
        {
            var key = string.Join('\u0001', terms.Terms);
            if (!scans.TryGetValue(key, out var matches))
            {
                matches = [];
                for (int i = 0; i < texts.Count; i++)
                {
                    var (at, length) = terms.Find(folded[i], 0, folded[i].Length);
                    if (at >= 0) matches.Add((i, at, length));
                }
                scans[key] = matches;
            }
            foreach (var (i, at, length) in matches)
            {
                var t = texts[i];
                if (t.Document == area.Document) continue;
                n++;
                docs.Add(t.Document);
                if (evidence.Count < _maxEvidence)
                    evidence.Add(new CriterionEvidence($"{t.Kind}: …{Around(t.Text, at, length)}…", t.Document, t.Provenance.Line, t.Provenance));
            }
        }
        double value = Math.Log(1 + n);
        return new CriterionValue(Criterion.Attention, value,
            $"ln(1 + {n}) = {F(value)} ({n} statements/passages in {docs.Count} other document(s); terms: {string.Join(", ", terms.Terms.Take(6))})", evidence, n);
    }

    private CriterionValue EmergenceOf(AreaSource area, IReadOnlyList<DateMention> dates)
    {
        var inArea = new List<DateMention>();
        int maxYear = 0;
        foreach (var d in dates)
        {
            inArea.Add(d);
            maxYear = Math.Max(maxYear, d.Year);
        }
        int refYear = area.DocumentDate?.Year ?? maxYear;
        double? recent = null;
        var evidence = new List<CriterionEvidence>();
        int recentCount = 0;
        if (inArea.Count > 0)
        {
            foreach (var d in inArea)
            {
                if (d.Year < refYear - 2) continue;
                recentCount++;
                if (evidence.Count < _maxEvidence / 2) evidence.Add(new CriterionEvidence(d.Text, d.Document, d.Provenance.Line, d.Provenance));
            }
            recent = (double)recentCount / inArea.Count;
        }
        double? novelty = null;
        int novel = 0, sentences = 0;
        if ((area.Novelty ?? TrendsNovelty.Of(area.Profile)) is { Sentences: > 0 } digest)
        {
            sentences = digest.Sentences;
            novel = digest.Novel;
            novelty = (double)novel / sentences;
            int recentEvidence = evidence.Count;
            foreach (var text in digest.Evidence)
            {
                if (evidence.Count >= _maxEvidence) break;
                // Each sentence's own lines when the profile kept them (stores written before fall back to the area's).
                var at = digest.EvidenceSource(evidence.Count - recentEvidence);
                evidence.Add(new CriterionEvidence(text, area.Document, at.Line, at));
            }
        }
        if (recent is null && novelty is null)
            return new CriterionValue(Criterion.Emergence, null, "no dates and no trends text in the area", [], 0);
        double value = recent is { } r && novelty is { } v ? (r + v) / 2 : recent ?? novelty!.Value;
        var parts = new List<string>();
        if (recent is not null) parts.Add($"recent dates (≥ {refYear - 2}) {recentCount}/{inArea.Count} = {F(recent.Value)}");
        if (novelty is not null) parts.Add($"novelty sentences {novel}/{sentences} = {F(novelty.Value)}");
        return new CriterionValue(Criterion.Emergence, value, $"mean({string.Join("; ", parts)}) = {F(value)}", evidence, recentCount + novel);
    }

    /// <summary>Terms that say a text is about an area: its title and title parts, and its distinctive keywords.</summary>
    internal static Dictionary<AreaSource, TermSet> AttentionTerms(IReadOnlyList<AreaSource> areas)
    {
        var keywordAreas = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in areas)
            if (a.Profile is not null)
                foreach (var k in a.Profile.Keywords.Select(k => FoldedText.Fold(k.Trim())).Distinct())
                    keywordAreas[k] = keywordAreas.GetValueOrDefault(k) + 1;
        var result = new Dictionary<AreaSource, TermSet>(ReferenceEqualityComparer.Instance);
        foreach (var a in areas)
        {
            var terms = new List<string>();
            var title = a.Title.Trim();
            if (Distinctive(title)) terms.Add(title);
            foreach (var part in title.Split(['・', '／', '/', '、', ' ', '　'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (part != title && Distinctive(part)) terms.Add(part);
            if (a.Profile is not null)
                foreach (var k in a.Profile.Keywords)
                {
                    var kt = k.Trim();
                    // A keyword listed by more than two areas does not tell them apart.
                    if (Distinctive(kt) && keywordAreas.GetValueOrDefault(FoldedText.Fold(kt)) <= 2) terms.Add(kt);
                }
            result[a] = new TermSet(terms);
        }
        return result;
    }

    private static bool Distinctive(string term)
    {
        if (GenericTerms.Contains(term)) return false;
        bool ascii = true;
        foreach (char c in term) if (c >= 0x80) { ascii = false; break; }
        return ascii ? term.Length >= 3 : term.Length >= 4;
    }

    private List<CriterionEvidence> RowEvidence(IEnumerable<ComparisonRow> rows)
    {
        var list = new List<CriterionEvidence>();
        foreach (var r in rows)
        {
            if (list.Count >= _maxEvidence) break;
            list.Add(new CriterionEvidence($"{r.CountryLabel} {r.PhaseLabel} {r.Rating ?? "–"} {TrendSymbol(r.Trend)}".TrimEnd(), r.Source.Document, r.Source.Line, r.Source));
        }
        return list;
    }

    private static int? TrendValue(string? trend) => trend switch { "up" => 1, "flat" => 0, "down" => -1, _ => null };

    private static string TrendSymbol(string? trend) => trend switch { "up" => "↗", "flat" => "→", "down" => "↘", _ => "" };

    private static string Around(string text, int at, int length)
    {
        int from = Math.Max(0, at - 20), to = Math.Min(text.Length, at + length + 20);
        return text[from..to].ReplaceLineEndings(" ");
    }

    internal static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string F(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);
}
