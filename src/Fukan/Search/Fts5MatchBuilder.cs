using System.Text;

namespace Fukan.Search;

/// <summary>
/// Writes a parsed, analysed query as an FTS5 MATCH expression over the columns the index stores as
/// space-separated terms: each term a quoted phrase (FTS5 matches its terms consecutively), alternatives
/// joined by OR, clauses by AND, exclusions after NOT, section filters as phrases on the path column.
/// </summary>
internal static class Fts5MatchBuilder
{
    /// <summary>Columns a positive term may match in: the passage and its section path (headings).</summary>
    public const string MatchColumns = "{body path}";

    public static string Build(IReadOnlyList<IReadOnlyList<AnalyzedTerm>> clauses, IReadOnlyList<AnalyzedTerm> excluded, IReadOnlyList<AnalyzedTerm> sections)
    {
        var sb = new StringBuilder();
        sb.Append('(');
        for (int c = 0; c < clauses.Count; c++)
        {
            if (c > 0) sb.Append(" AND ");
            sb.Append(MatchColumns).Append(" : (");
            AppendAlternatives(sb, clauses[c]);
            sb.Append(')');
        }
        if (sections.Count > 0)
        {
            sb.Append(" AND {path} : (");
            AppendAlternatives(sb, sections);
            sb.Append(')');
        }
        sb.Append(')');
        if (excluded.Count > 0)
        {
            sb.Append(" NOT {body} : (");
            AppendAlternatives(sb, excluded);
            sb.Append(')');
        }
        return sb.ToString();
    }

    /// <summary>An OR of single terms, for "related passages".</summary>
    public static string AnyOf(IEnumerable<string> terms)
    {
        var sb = new StringBuilder("{body} : (");
        bool first = true;
        foreach (var t in terms)
        {
            if (!first) sb.Append(" OR ");
            AppendQuoted(sb, t);
            first = false;
        }
        return sb.Append(')').ToString();
    }

    private static void AppendAlternatives(StringBuilder sb, IReadOnlyList<AnalyzedTerm> alternatives)
    {
        for (int a = 0; a < alternatives.Count; a++)
        {
            if (a > 0) sb.Append(" OR ");
            AppendPhrase(sb, alternatives[a]);
        }
    }

    private static void AppendPhrase(StringBuilder sb, AnalyzedTerm term)
    {
        sb.Append('"');
        for (int i = 0; i < term.Terms.Length; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(term.Terms[i].Replace("\"", "\"\"", StringComparison.Ordinal));
        }
        sb.Append('"');
        // A lone character is indexed alone only where its run has one character; elsewhere it starts bigrams.
        if (term.IsLoneCjkChar) sb.Append(" *");
    }

    private static void AppendQuoted(StringBuilder sb, string term) =>
        sb.Append('"').Append(term.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
}
