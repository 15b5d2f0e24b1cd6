using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Fukan.Extraction.Signals;

namespace Fukan.Analysis.Signals;

/// <summary>
/// A list of signals to watch, read from YAML by <see cref="WatchlistLoader"/>. <see cref="Source"/> names the file
/// ("watchlist.yaml (default)" for the embedded one); <see cref="ActShare"/> is the share of a domain's signal
/// weight that must be met (with none not met or conflicting) for the verdict to be <c>act</c>.
/// </summary>
public sealed record Watchlist(string Source, IReadOnlyList<WatchSignal> Signals, double ActShare = 0.5)
{
    /// <summary>The domains in the order they first appear.</summary>
    public IReadOnlyList<string> Domains
    {
        get
        {
            var list = new List<string>();
            foreach (var s in Signals)
                if (!list.Contains(s.Domain)) list.Add(s.Domain);
            return list;
        }
    }
}

/// <summary>
/// One signal: what is watched (<see cref="Metric"/>), how it is judged (a numeric comparison with
/// <see cref="Threshold"/> and <see cref="Unit"/>, or <c>occurs</c> for a qualitative signal whose
/// <see cref="Conditions"/> must all be reported as happened), the words that find evidence, and what it means when
/// it fires. A numeric signal has exactly one condition (its own aliases and patterns).
/// </summary>
public sealed record WatchSignal(
    string Id,
    string Domain,
    string Description,
    string Metric,
    SignalComparator? Comparator,
    decimal? Threshold,
    string? Unit,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Patterns,
    IReadOnlyList<string> Against,
    IReadOnlyList<WatchCondition> Conditions,
    string Fires,
    double Weight,
    int Line)
{
    /// <summary>True for a qualitative signal (comparator <c>occurs</c>).</summary>
    [JsonIgnore]
    public bool IsQualitative => Comparator is null;

    /// <summary>The comparator as written in JSON: a symbol, or "occurs".</summary>
    public string ComparatorText => Comparator?.ToSymbol() ?? "occurs";

    /// <summary>"≥ 50 %", "≤ 1 MPa", or "occurs".</summary>
    public string ThresholdText => Comparator is null ? "occurs" : $"{Comparator.Value.ToSymbol()} {Threshold?.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Unit}".TrimEnd();

    /// <summary>The signal's own aliases, compiled for matching.</summary>
    [JsonIgnore]
    internal TermSet AliasSet { get; init; } = TermSet.Empty;
}

/// <summary>
/// One thing that must be reported for a qualitative signal to be met: a sentence that names the signal (its aliases,
/// in the sentence or its headings), names <see cref="Aliases"/> (when given) and matches one of
/// <see cref="Patterns"/>. A match with one of <see cref="Against"/> is evidence that it did not happen.
/// </summary>
public sealed record WatchCondition(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Patterns, IReadOnlyList<string> Against)
{
    [JsonIgnore]
    internal TermSet AliasSet { get; init; } = TermSet.Empty;

    [JsonIgnore]
    internal IReadOnlyList<Regex> PatternRegexes { get; init; } = [];

    [JsonIgnore]
    internal IReadOnlyList<Regex> AgainstRegexes { get; init; } = [];
}
