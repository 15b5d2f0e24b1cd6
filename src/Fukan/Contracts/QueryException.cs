namespace Fukan.Contracts;

/// <summary>Why a question to the knowledge base could not be answered.</summary>
public enum QueryProblem
{
    /// <summary>A parameter is malformed or out of range (CLI exit 2, HTTP 400).</summary>
    BadParameter,

    /// <summary>A parameter is well formed but the input does not fit it (CLI exit 1, HTTP 400).</summary>
    BadInput,

    /// <summary>The document, area, passage or entity named does not exist, or has nothing to show (CLI exit 1, HTTP 404).</summary>
    NotFound,
}

/// <summary>A user-facing failure of a query: one line naming the input and the reason; hosts map <see cref="Problem"/> to an exit code or a status.</summary>
public sealed class QueryException(string message, QueryProblem problem) : Exception(message)
{
    public QueryProblem Problem { get; } = problem;

    public static QueryException BadParameter(string message) => new(message, QueryProblem.BadParameter);

    public static QueryException BadInput(string message) => new(message, QueryProblem.BadInput);

    public static QueryException NotFound(string message) => new(message, QueryProblem.NotFound);
}
