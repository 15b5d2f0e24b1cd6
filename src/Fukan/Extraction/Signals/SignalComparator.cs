namespace Fukan.Extraction.Signals;

/// <summary>How a value is compared with a threshold.</summary>
public enum SignalComparator
{
    /// <summary><c>&gt;</c>: exceeds (超, を超える, を上回る, exceeds, tops, more than).</summary>
    GreaterThan,
    /// <summary><c>&gt;=</c>: reaches (以上, に達する, reaches, at least).</summary>
    AtLeast,
    /// <summary><c>&lt;</c>: falls below (未満, を下回る, を切る, falls below, less than).</summary>
    LessThan,
    /// <summary><c>&lt;=</c>: at most (以下, 以内, まで, at most, up to).</summary>
    AtMost,
    /// <summary><c>=</c>: equals.</summary>
    Equal,
}

/// <summary>The symbols of <see cref="SignalComparator"/> used in JSON and YAML.</summary>
public static class SignalComparatorNames
{
    public static string ToSymbol(this SignalComparator comparator) => comparator switch
    {
        SignalComparator.GreaterThan => ">",
        SignalComparator.AtLeast => ">=",
        SignalComparator.LessThan => "<",
        SignalComparator.AtMost => "<=",
        _ => "=",
    };

    /// <summary>Parses a symbol (&gt; &gt;= ≥ &lt; &lt;= ≤ = ==) or a word (above, at least, below, at most, equals).</summary>
    public static bool TryParse(string? text, out SignalComparator comparator)
    {
        comparator = SignalComparator.Equal;
        switch (text?.Trim().ToLowerInvariant())
        {
            case ">" or "gt" or "above" or "exceeds" or "more than" or "greater than": comparator = SignalComparator.GreaterThan; return true;
            case ">=" or "≥" or "=>" or "gte" or "at least" or "reaches": comparator = SignalComparator.AtLeast; return true;
            case "<" or "lt" or "below" or "less than" or "falls below": comparator = SignalComparator.LessThan; return true;
            case "<=" or "≤" or "=<" or "lte" or "at most": comparator = SignalComparator.AtMost; return true;
            case "=" or "==" or "eq" or "equals": comparator = SignalComparator.Equal; return true;
            default: return false;
        }
    }
}
