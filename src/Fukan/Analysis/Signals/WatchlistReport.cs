namespace Fukan.Analysis.Signals;

/// <summary>
/// <c>fukan signals --json</c>: <c>{ "watchlist", "documents", "signals": [..], "domains": [..] }</c>.
/// </summary>
public sealed record WatchlistReport(string Watchlist, int Documents, IReadOnlyList<SignalReport> Signals, IReadOnlyList<DomainReport> Domains);

/// <summary>
/// One signal evaluated: its definition, <see cref="Status"/> with the reason, the latest evidence, each condition,
/// and all evidence newest first.
/// </summary>
public sealed record SignalReport(
    string Id,
    string Domain,
    string Description,
    string Metric,
    string Comparator,
    decimal? Threshold,
    string? Unit,
    string Fires,
    double Weight,
    SignalStatus Status,
    string Reason,
    SignalEvidence? Latest,
    IReadOnlyList<ConditionReport> Conditions,
    IReadOnlyList<SignalEvidence> Evidence);

/// <summary>One condition of a signal: its status on its own latest evidence.</summary>
public sealed record ConditionReport(string Name, SignalStatus Status, string Reason, SignalEvidence? Latest, int EvidenceCount);

/// <summary>A domain's verdict (act / wait / watch) with the reasons, one line each, and its signal ids.</summary>
public sealed record DomainReport(string Domain, DomainVerdict Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<string> Signals);
