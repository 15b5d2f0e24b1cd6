namespace Fukan.Search;

/// <summary>A query that cannot be parsed. The message is one line saying what is wrong and where.</summary>
public sealed class SearchQueryException : Exception
{
    public SearchQueryException(string message) : base(message) { }

    public SearchQueryException(string message, Exception inner) : base(message, inner) { }
}
