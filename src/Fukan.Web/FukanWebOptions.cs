namespace Fukan.Web;

/// <summary>What the server serves: the knowledge base file.</summary>
public sealed class FukanWebOptions
{
    /// <summary>The knowledge base (a file path today).</summary>
    public required string Database { get; init; }

    /// <summary>
    /// Compute the whole-corpus answers the pages open with (the reports with a comparison, the watchlist, the default
    /// ranking) in the background once the server listens, so the first visitor does not wait for them.
    /// </summary>
    public bool Warm { get; init; } = true;
}
