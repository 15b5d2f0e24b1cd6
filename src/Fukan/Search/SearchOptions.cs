namespace Fukan.Search;

/// <summary>How many hits to return and how long their snippets are (in characters of passage text).</summary>
public sealed record SearchOptions(int Limit = 10, int SnippetLength = 120)
{
    public static SearchOptions Default { get; } = new();
}
