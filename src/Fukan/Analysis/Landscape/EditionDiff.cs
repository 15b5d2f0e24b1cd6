using Fukan.Extraction.Landscape;

namespace Fukan.Analysis.Landscape;

/// <summary>A document of a diff: id, title and date as stated.</summary>
public sealed record DiffDocument(string DocumentId, string Title, string? Date);

/// <summary>A rating cell: the rating (◎ ○ △ ×, or null) and the trend (up, flat, down, or null).</summary>
public sealed record RatingCell(string? Rating, string? Trend);

/// <summary>
/// A cell whose rating or trend changed between editions. <see cref="Before"/> is null for a row the older edition
/// does not have (a country added to the table), <see cref="After"/> for a row the newer one dropped.
/// <see cref="AreaId"/> is the area's id in the newer edition; <see cref="FromAreaId"/> in the older one.
/// </summary>
public sealed record CellChange(string AreaId, string FromAreaId, string Area, string Country, string Phase, string PhaseLabel, RatingCell? Before, RatingCell? After);

/// <summary>An area by id and title.</summary>
public sealed record AreaTitle(string AreaId, string Title);

/// <summary>A matched area whose title changed; <see cref="FromAreaId"/> is its id in the older edition.</summary>
public sealed record AreaRename(string AreaId, string From, string To, string FromAreaId);

/// <summary>A matched area whose number changed (2.1.3 → 2.1.2).</summary>
public sealed record AreaRenumber(string From, string To, string Title);

/// <summary>Keywords an area gained and lost.</summary>
public sealed record KeywordChange(string AreaId, string Area, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

/// <summary>How two areas were matched: <c>title</c> (same title), <c>id</c> (same number, similar title or keywords), <c>similar</c> (title or keywords alike).</summary>
public sealed record AreaMatch(string FromAreaId, string ToAreaId, string FromTitle, string ToTitle, string How, double Similarity);

/// <summary>What changed between two editions of a report.</summary>
public sealed record EditionDiffResult(
    DiffDocument From,
    DiffDocument To,
    IReadOnlyList<CellChange> Cells,
    IReadOnlyList<AreaTitle> AreasAdded,
    IReadOnlyList<AreaTitle> AreasRemoved,
    IReadOnlyList<AreaRename> AreasRenamed,
    IReadOnlyList<AreaRenumber> AreasRenumbered,
    IReadOnlyList<KeywordChange> KeywordsChanged,
    IReadOnlyList<AreaMatch> Matches);

/// <summary>
/// Compares two editions. Areas are matched first by identical title (areas get renumbered), then by the same
/// number with a similar title or shared keywords (areas get renamed), then by the most similar title or
/// keywords left (renamed and renumbered); what stays unmatched was added or removed. For matched areas the
/// rating and trend of every country and phase are compared, and their keywords.
/// </summary>
public static class EditionDiff
{
    /// <summary>Below this, two titles are different areas (bigram Dice; 蓄電デバイス / 蓄電池デバイス is 0.73).</summary>
    public const double SimilarTitle = 0.5;

    /// <summary>Below this share of common keywords (Jaccard), two keyword lists are different areas.</summary>
    public const double SimilarKeywords = 0.4;

    public static EditionDiffResult Compare(LandscapeDocument from, LandscapeDocument to)
    {
        var a = from.AreaList();
        var b = to.AreaList();
        var matchedA = new bool[a.Count];
        var matchedB = new bool[b.Count];
        var matches = new List<AreaMatch>();

        void Match(int i, int j, string how, double similarity)
        {
            matchedA[i] = matchedB[j] = true;
            matches.Add(new AreaMatch(a[i].AreaId, b[j].AreaId, a[i].Title, b[j].Title, how, Math.Round(similarity, 3)));
        }

        // 1. Identical titles, when the title is unique on both sides.
        for (int i = 0; i < a.Count; i++)
        {
            var ta = TitleSimilarity.Normalize(a[i].Title);
            int found = -1, count = 0;
            for (int j = 0; j < b.Count; j++)
                if (!matchedB[j] && TitleSimilarity.Normalize(b[j].Title) == ta) { found = j; count++; }
            if (count == 1) Match(i, found, "title", 1);
        }
        // 2. The same number, with a similar title or shared keywords.
        for (int i = 0; i < a.Count; i++)
        {
            if (matchedA[i]) continue;
            for (int j = 0; j < b.Count; j++)
            {
                if (matchedB[j] || a[i].AreaId != b[j].AreaId) continue;
                double s = Similarity(from, a[i], to, b[j]);
                if (s >= SimilarTitle * 0.6) Match(i, j, "id", s);
                break;
            }
        }
        // 3. The most similar pairs left.
        var pairs = new List<(int I, int J, double S)>();
        for (int i = 0; i < a.Count; i++)
            if (!matchedA[i])
                for (int j = 0; j < b.Count; j++)
                    if (!matchedB[j])
                    {
                        double s = Similarity(from, a[i], to, b[j]);
                        if (s >= SimilarTitle) pairs.Add((i, j, s));
                    }
        pairs.Sort((x, y) => y.S.CompareTo(x.S));
        foreach (var (i, j, s) in pairs)
            if (!matchedA[i] && !matchedB[j]) Match(i, j, "similar", s);

        var cells = new List<CellChange>();
        var renamed = new List<AreaRename>();
        var renumbered = new List<AreaRenumber>();
        var keywords = new List<KeywordChange>();
        matches.Sort((x, y) => IndexOf(b, x.ToAreaId).CompareTo(IndexOf(b, y.ToAreaId)));
        foreach (var m in matches)
        {
            if (TitleSimilarity.Normalize(m.FromTitle) != TitleSimilarity.Normalize(m.ToTitle)) renamed.Add(new AreaRename(m.ToAreaId, m.FromTitle, m.ToTitle, m.FromAreaId));
            if (m.FromAreaId != m.ToAreaId) renumbered.Add(new AreaRenumber(m.FromAreaId, m.ToAreaId, m.ToTitle));
            CompareCells(from.RowsOf(m.FromAreaId), to.RowsOf(m.ToAreaId), m, cells);
            if (from.Profile(m.FromAreaId) is { } pa && to.Profile(m.ToAreaId) is { } pb)
            {
                var added = Except(pb.Keywords, pa.Keywords);
                var removed = Except(pa.Keywords, pb.Keywords);
                if (added.Count > 0 || removed.Count > 0) keywords.Add(new KeywordChange(m.ToAreaId, m.ToTitle, added, removed));
            }
        }
        var addedAreas = new List<AreaTitle>();
        for (int j = 0; j < b.Count; j++) if (!matchedB[j]) addedAreas.Add(new AreaTitle(b[j].AreaId, b[j].Title));
        var removedAreas = new List<AreaTitle>();
        for (int i = 0; i < a.Count; i++) if (!matchedA[i]) removedAreas.Add(new AreaTitle(a[i].AreaId, a[i].Title));

        return new EditionDiffResult(Describe(from), Describe(to), cells, addedAreas, removedAreas, renamed, renumbered, keywords, matches);
    }

    private static DiffDocument Describe(LandscapeDocument d) => new(d.Document.Id.Value, d.Document.Title, d.Document.DateText);

    private static int IndexOf(IReadOnlyList<(string AreaId, string Title, string? Division)> list, string id)
    {
        for (int i = 0; i < list.Count; i++) if (list[i].AreaId == id) return i;
        return int.MaxValue;
    }

    /// <summary>The better of title similarity and keyword overlap.</summary>
    private static double Similarity(LandscapeDocument da, (string AreaId, string Title, string? Division) a, LandscapeDocument db, (string AreaId, string Title, string? Division) b)
    {
        double title = TitleSimilarity.Of(a.Title, b.Title);
        double kw = 0;
        if (da.Profile(a.AreaId) is { Keywords.Count: > 0 } pa && db.Profile(b.AreaId) is { Keywords.Count: > 0 } pb)
        {
            var sa = KeywordSet(pa.Keywords);
            var sb = KeywordSet(pb.Keywords);
            int common = 0;
            foreach (var k in sa) if (sb.Contains(k)) common++;
            int union = sa.Count + sb.Count - common;
            kw = union == 0 ? 0 : (double)common / union;
            // Keyword overlap counts as much as a title only when it is substantial.
            kw = kw >= SimilarKeywords ? Math.Max(kw, SimilarTitle) : kw * SimilarTitle / SimilarKeywords * 0.9;
        }
        return Math.Max(title, kw);
    }

    private static HashSet<string> KeywordSet(IReadOnlyList<string> keywords)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in keywords) set.Add(TitleSimilarity.Normalize(k));
        return set;
    }

    private static List<string> Except(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        var other = KeywordSet(y);
        var result = new List<string>();
        foreach (var k in x) if (!other.Contains(TitleSimilarity.Normalize(k))) result.Add(k);
        return result;
    }

    private static void CompareCells(IReadOnlyList<ComparisonRow> before, IReadOnlyList<ComparisonRow> after, AreaMatch m, List<CellChange> cells)
    {
        var used = new bool[after.Count];
        foreach (var r in before)
        {
            int j = Find(after, used, r);
            if (j < 0)
            {
                cells.Add(new CellChange(m.ToAreaId, m.FromAreaId, m.ToTitle, r.Country, r.Phase, r.PhaseLabel, new RatingCell(r.Rating, r.Trend), null));
                continue;
            }
            used[j] = true;
            var n = after[j];
            if (r.Rating != n.Rating || r.Trend != n.Trend)
                cells.Add(new CellChange(m.ToAreaId, m.FromAreaId, m.ToTitle, n.Country, n.Phase, n.PhaseLabel, new RatingCell(r.Rating, r.Trend), new RatingCell(n.Rating, n.Trend)));
        }
        for (int j = 0; j < after.Count; j++)
            if (!used[j])
                cells.Add(new CellChange(m.ToAreaId, m.FromAreaId, m.ToTitle, after[j].Country, after[j].Phase, after[j].PhaseLabel, null, new RatingCell(after[j].Rating, after[j].Trend)));
    }

    /// <summary>The row of the same country (and label, for OTHER and UNKNOWN rows) and phase.</summary>
    private static int Find(IReadOnlyList<ComparisonRow> rows, bool[] used, ComparisonRow r)
    {
        bool byLabel = r.Country is CountryNames.Other or CountryNames.Unknown;
        for (int j = 0; j < rows.Count; j++)
        {
            if (used[j] || rows[j].Country != r.Country || !GapFinder.SamePhase(rows[j], r)) continue;
            if (byLabel && CountryNames.Key(rows[j].CountryLabel) != CountryNames.Key(r.CountryLabel)) continue;
            return j;
        }
        if (byLabel)
            for (int j = 0; j < rows.Count; j++)
                if (!used[j] && rows[j].Country == r.Country && GapFinder.SamePhase(rows[j], r)) return j;
        return -1;
    }
}
