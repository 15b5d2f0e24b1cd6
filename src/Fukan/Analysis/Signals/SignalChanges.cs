using Fukan.Model;

namespace Fukan.Analysis.Signals;

/// <summary>A signal whose status differs between an as-of view and now, with the evidence published since.</summary>
/// <param name="Id">The signal.</param>
/// <param name="Domain">Its domain.</param>
/// <param name="Then">Its status in the as-of view.</param>
/// <param name="Now">Its status now.</param>
/// <param name="ReasonThen">Why, then.</param>
/// <param name="ReasonNow">Why, now.</param>
/// <param name="NewEvidence">Evidence of the current report from documents published after the as-of date: what flipped it.</param>
public sealed record SignalChange(
    string Id,
    string Domain,
    SignalStatus Then,
    SignalStatus Now,
    string ReasonThen,
    string ReasonNow,
    IReadOnlyList<SignalEvidence> NewEvidence);

/// <summary>A domain whose verdict differs between an as-of view and now.</summary>
public sealed record DomainChange(string Domain, DomainVerdict Then, DomainVerdict Now);

/// <summary>
/// <c>fukan signals --changes-since DATE --json</c>: the signals and domain verdicts that changed between the view
/// as of <see cref="Since"/> and now.
/// </summary>
public sealed record SignalChanges(string Watchlist, string Since, int DocumentsThen, int DocumentsNow, IReadOnlyList<SignalChange> Signals, IReadOnlyList<DomainChange> Domains)
{
    /// <summary>Compares two evaluations of the same watchlist; <paramref name="publishedSince"/> tells the documents the earlier one did not see.</summary>
    public static SignalChanges Compare(DateOnly since, WatchlistReport then, WatchlistReport now, Func<DocumentId, bool> publishedSince)
    {
        ArgumentNullException.ThrowIfNull(then);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(publishedSince);
        var before = then.Signals.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var signals = new List<SignalChange>();
        foreach (var s in now.Signals)
        {
            if (!before.TryGetValue(s.Id, out var t) || t.Status == s.Status) continue;
            signals.Add(new SignalChange(s.Id, s.Domain, t.Status, s.Status, t.Reason, s.Reason, [.. s.Evidence.Where(e => publishedSince(e.DocumentId))]));
        }
        var domainsThen = then.Domains.ToDictionary(d => d.Domain, StringComparer.Ordinal);
        var domains = new List<DomainChange>();
        foreach (var d in now.Domains)
            if (domainsThen.TryGetValue(d.Domain, out var t) && t.Verdict != d.Verdict) domains.Add(new DomainChange(d.Domain, t.Verdict, d.Verdict));
        return new SignalChanges(now.Watchlist, since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), then.Documents, now.Documents, signals, domains);
    }
}
