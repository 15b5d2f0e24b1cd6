namespace Fukan.Web;

/// <summary>What the server serves: the knowledge base file.</summary>
public sealed class FukanWebOptions
{
    /// <summary>The knowledge base (a file path today).</summary>
    public required string Database { get; init; }
}
