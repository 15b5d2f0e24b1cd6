using Fukan.Model;

namespace Fukan.Extraction.Minutes;

/// <summary>A fact of kind <c>minutes</c>: the digest of a minutes document; its source covers the whole document.</summary>
public sealed record MinutesFact(MinutesDigest Digest, Provenance Source) : Fact(Source)
{
    /// <summary>The stable kind name.</summary>
    public const string KindName = "minutes";

    public override string Kind => KindName;
}
