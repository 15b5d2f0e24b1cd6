namespace Fukan.Analysis.Signals;

/// <summary>Where a signal (or one of its conditions) stands on the latest evidence.</summary>
public enum SignalStatus
{
    /// <summary>The latest evidence says the threshold is crossed or the event happened.</summary>
    Met,
    /// <summary>The latest evidence says it is not (yet): a value short of the threshold, a plan, an open question, a denial.</summary>
    NotMet,
    /// <summary>Nothing in the knowledge base speaks to it.</summary>
    NoEvidence,
    /// <summary>The latest evidence (same date) disagrees with itself.</summary>
    Conflicting,
}

/// <summary>What one piece of evidence says.</summary>
public enum EvidenceOutcome
{
    Met,
    NotMet,
}

/// <summary>What to do in a domain: act on it, wait for its signals, or keep watching because the evidence is thin or split.</summary>
public enum DomainVerdict
{
    Act,
    Wait,
    Watch,
}

/// <summary>Human names for the enums (the JSON uses camelCase names).</summary>
public static class SignalStatusNames
{
    public static string ToText(this SignalStatus status) => status switch
    {
        SignalStatus.Met => "met",
        SignalStatus.NotMet => "not met",
        SignalStatus.NoEvidence => "no evidence",
        _ => "conflicting evidence",
    };

    public static string ToText(this DomainVerdict verdict) => verdict switch
    {
        DomainVerdict.Act => "act",
        DomainVerdict.Wait => "wait",
        _ => "watch",
    };
}
