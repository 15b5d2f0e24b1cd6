using Fukan.Extraction.Landscape;

namespace Fukan.Analysis.Landscape;

/// <summary>
/// Finds where a country is weak, area by area: strong in basic research (◎ or ○) but weaker in applied research
/// and development; falling (↘) in any phase; or rated below the leader of a phase. Rows with no rating are
/// not compared (they are not guessed). Gaps come in area order, then by kind.
/// </summary>
public static class GapFinder
{
    public static IReadOnlyList<Gap> Find(LandscapeDocument doc, string country)
    {
        var gaps = new List<Gap>();
        foreach (var (areaId, _, _) in doc.AreaList())
        {
            var rows = doc.RowsOf(areaId);
            ComparisonRow? basic = null, applied = null;
            foreach (var r in rows)
            {
                if (r.Country != country) continue;
                if (r.Phase == PhaseLabels.Basic) basic ??= r;
                else if (r.Phase == PhaseLabels.Applied) applied ??= r;
            }
            if (basic is { Score: >= 2 } && applied is { Score: int a } && a < basic.Score)
                gaps.Add(Make(applied, Gap.AppliedLagsBasic, null, [],
                    $"{basic.PhaseLabel} {basic.Rating} but {applied.PhaseLabel} {applied.Rating}"));

            foreach (var r in rows)
                if (r.Country == country && r.Trend == "down")
                    gaps.Add(Make(r, Gap.Falling, null, [], $"{r.PhaseLabel} is falling (↘){(r.Rating is null ? "" : $", rated {r.Rating}")}"));

            foreach (var r in rows)
            {
                if (r.Country != country || r.Score is not int score) continue;
                int best = -1;
                var leaders = new List<string>();
                foreach (var o in rows)
                {
                    if (o.Country == country || !SamePhase(o, r) || o.Score is not int s) continue;
                    if (s > best) { best = s; leaders.Clear(); }
                    if (s == best && !leaders.Contains(o.Country)) leaders.Add(o.Country);
                }
                if (best > score)
                {
                    string leaderRating = best switch { 3 => "◎", 2 => "○", 1 => "△", _ => "×" };
                    gaps.Add(Make(r, Gap.TrailsLeader, best, leaders, $"{r.PhaseLabel} {r.Rating} against {leaderRating} ({string.Join(", ", leaders)})"));
                }
            }
        }
        return gaps;
    }

    /// <summary>Same column: basic with basic, applied with applied, other dimensions by their label.</summary>
    internal static bool SamePhase(ComparisonRow a, ComparisonRow b) =>
        a.Phase == b.Phase && (a.Phase != PhaseLabels.Other || PhaseLabels.Key(a.PhaseLabel) == PhaseLabels.Key(b.PhaseLabel));

    private static Gap Make(ComparisonRow r, string kind, int? leaderScore, IReadOnlyList<string> leaders, string reason) =>
        new(r.AreaId, r.Area, r.Division, r.Country, kind, r.Phase, r.PhaseLabel, r.Rating, r.Score, r.Trend, leaderScore, leaders, reason, r.Source);
}
