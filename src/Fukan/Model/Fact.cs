namespace Fukan.Model;

/// <summary>
/// A fact extracted from a document. Concrete facts are sealed records with a stable <see cref="Kind"/>
/// ("quantity", "date", "event", "comparison", …); every one points back to the text it came from.
/// </summary>
public abstract record Fact(Provenance Source)
{
    /// <summary>The stable kind name used in the store and in JSON.</summary>
    public abstract string Kind { get; }
}
