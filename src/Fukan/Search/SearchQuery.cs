using Fukan.Model;

namespace Fukan.Search;

/// <summary>
/// A word or a quoted phrase of the query, as typed. The analyzer turns it into terms that must appear
/// consecutively, so an unquoted Japanese compound (全固体電池) is matched as a whole, like a phrase.
/// </summary>
public sealed record QueryTerm(string Text, bool Quoted)
{
    public override string ToString() => Quoted ? $"\"{Text}\"" : Text;

    /// <summary>The text with spaces between two Japanese characters removed, or null when there are none.</summary>
    public static string? JoinCjkSpaces(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        bool changed = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && sb.Length > 0 && IsCjk(sb[^1]))
            {
                int j = i;
                while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
                if (j < text.Length && IsCjk(text[j])) { changed = true; i = j - 1; continue; }
            }
            sb.Append(text[i]);
        }
        return changed ? sb.ToString() : null;
    }

    private static bool IsCjk(char c) => SearchCharClasses.Of(c) == SearchCharClass.Cjk;
}

/// <summary>One required clause: any of its alternatives (joined by OR in the query) satisfies it.</summary>
public sealed record QueryClause(IReadOnlyList<QueryTerm> Alternatives)
{
    public override string ToString() => string.Join(" OR ", Alternatives);
}

/// <summary>
/// Filters that narrow without ranking. Repeating a list filter widens it (<c>kind:report kind:minutes</c> is
/// either); dates are inclusive of the period named (<c>after:2025</c> is on or after 2025-01-01,
/// <c>before:2025</c> on or before 2025-12-31); a date filter excludes undated documents.
/// </summary>
public sealed record SearchFilters(
    IReadOnlyList<string> Documents,
    IReadOnlyList<DocumentKind> Kinds,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> Sections,
    DateOnly? After,
    DateOnly? Before)
{
    public static SearchFilters None { get; } = new([], [], [], [], null, null);

    public bool IsEmpty => Documents.Count == 0 && Kinds.Count == 0 && Areas.Count == 0 && Sections.Count == 0 && After is null && Before is null;
}

/// <summary>
/// A parsed query: every clause is required (AND), excluded terms must not appear, filters narrow. Build it
/// with <see cref="SearchQueryParser.Parse"/> or directly.
/// </summary>
public sealed record SearchQuery(string Text, IReadOnlyList<QueryClause> Clauses, IReadOnlyList<QueryTerm> Excluded, SearchFilters Filters)
{
    /// <summary>Every positive term, for highlighting.</summary>
    public IEnumerable<QueryTerm> PositiveTerms
    {
        get
        {
            foreach (var c in Clauses)
                foreach (var t in c.Alternatives)
                    yield return t;
        }
    }
}
