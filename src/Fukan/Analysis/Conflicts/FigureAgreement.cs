namespace Fukan.Analysis.Conflicts;

/// <summary>
/// A figure as an interval: a point, a range (10–12), a bound (以上: [v, ∞), 以下: (−∞, v]), widened by the
/// tolerance for a rounded figure (約1,200億円 covers ±50億円: half its last significant digit, counting at least
/// two significant digits so 約100 does not swallow 130).
/// </summary>
public readonly record struct Figure(decimal Low, decimal High, bool Approximate)
{
    public static Figure Point(decimal value, bool approximate = false) => new(value, value, approximate);

    public static Figure Of(decimal value, decimal? valueMax, string? bound, bool approximate) => bound switch
    {
        "min" => new Figure(value, decimal.MaxValue, approximate),
        "max" => new Figure(decimal.MinValue, valueMax ?? value, approximate),
        _ => new Figure(Math.Min(value, valueMax ?? value), Math.Max(value, valueMax ?? value), approximate),
    };

    public Figure Scaled(decimal factor) => new(
        Low == decimal.MinValue ? Low : Low * factor, High == decimal.MaxValue ? High : High * factor, Approximate);
}

/// <summary>Whether two figures disagree: one rule for quantities and signal values.</summary>
public static class FigureAgreement
{
    /// <summary>
    /// True when the figures cannot both be right: their intervals, each widened by the relative tolerance and a
    /// rounded figure's half step, do not touch.
    /// </summary>
    public static bool Disagree(Figure a, Figure b)
    {
        var (lo1, hi1) = Widen(a);
        var (lo2, hi2) = Widen(b);
        return hi1 < lo2 || hi2 < lo1;
    }

    private static (decimal Low, decimal High) Widen(Figure f)
    {
        decimal lo = f.Low, hi = f.High;
        if (lo != decimal.MinValue)
        {
            decimal slack = Math.Max(Math.Abs(lo) * ConflictRules.RelativeTolerance, f.Approximate ? HalfStep(lo) : 0m);
            lo -= slack;
        }
        if (hi != decimal.MaxValue)
        {
            decimal slack = Math.Max(Math.Abs(hi) * ConflictRules.RelativeTolerance, f.Approximate ? HalfStep(hi) : 0m);
            hi += slack;
        }
        return (lo, hi);
    }

    /// <summary>Half the place value of the last significant digit of a rounded figure (at least the second digit).</summary>
    public static decimal HalfStep(decimal value)
    {
        value = Math.Abs(value);
        if (value == 0) return 0;
        // The place of the leading digit, then the place of the last non-zero digit.
        decimal lead = 1;
        while (lead * 10 <= value) lead *= 10;
        while (lead > value) lead /= 10;
        decimal step = lead;
        while (step > 0.000001m && decimal.Remainder(value, step) != 0) step /= 10;
        decimal second = lead / 10;
        return Math.Min(step, second) / 2;
    }
}
