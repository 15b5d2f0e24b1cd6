namespace Fukan.Analysis.Ranking;

/// <summary>Whether more of a criterion raises an area's priority (benefit) or lowers it (cost).</summary>
public enum CriterionDirection
{
    Benefit,
    Cost,
}

/// <summary>A ranking criterion: its id (as in weights.yaml), what it measures, its formula, and its default direction.</summary>
public sealed record Criterion(string Id, string Description, string Formula, CriterionDirection DefaultDirection)
{
    public const string BasicPosition = "basicPosition";
    public const string AppliedPosition = "appliedPosition";
    public const string GapToLeader = "gapToLeader";
    public const string Trend = "trend";
    public const string GlobalMomentum = "globalMomentum";
    public const string BasicNotApplied = "basicNotApplied";
    public const string Investment = "investment";
    public const string Attention = "attention";
    public const string Emergence = "emergence";

    /// <summary>Every criterion, in the order they are reported.</summary>
    public static IReadOnlyList<Criterion> All { get; } =
    [
        new(BasicPosition, "the country's position in basic research (comparison table)",
            "S(c, basic) / 3, with ◎ 3, ○ 2, △ 1, × 0 (mean when several rows)", CriterionDirection.Benefit),
        new(AppliedPosition, "the country's position in applied research and development",
            "S(c, applied) / 3", CriterionDirection.Benefit),
        new(GapToLeader, "how far the country is behind the leading country",
            "mean over phases p of (max_k S(k, p) − S(c, p)) / 3", CriterionDirection.Cost),
        new(Trend, "the country's trend in the area",
            "(mean over the country's rows of t + 1) / 2, with ↗ t = 1, → 0, ↘ −1", CriterionDirection.Benefit),
        new(GlobalMomentum, "how many countries are rising in the area",
            "countries with at least one ↗ row / countries in the table (その他 excluded)", CriterionDirection.Benefit),
        new(BasicNotApplied, "strength in basic research not carried into applied research",
            "max(0, S(c, basic) − S(c, applied)) / 3", CriterionDirection.Benefit),
        new(Investment, "evidence of investment: money stated in the area's sections",
            "ln(1 + n), n = amounts of money (ISO 4217 units) in the area's lines", CriterionDirection.Benefit),
        new(Attention, "attention in other documents: minutes statements and article passages naming the area",
            "ln(1 + n), n = statements / passages of other (non-report) documents naming the area's title or keywords", CriterionDirection.Benefit),
        new(Emergence, "emergence: recent activity and breakthrough language",
            "mean of (dates in the area from the report's year − 2 on / dates in the area) and (trend sentences with a novelty word / trend sentences)", CriterionDirection.Benefit),
    ];

    /// <summary>The criterion with <paramref name="id"/>, or null.</summary>
    public static Criterion? Find(string id)
    {
        foreach (var c in All)
            if (string.Equals(c.Id, id, StringComparison.Ordinal)) return c;
        return null;
    }
}
