using System.Globalization;
using Fukan.Model;

namespace Fukan.Search;

/// <summary>
/// Parses the query language: words (all required), <c>"quoted phrases"</c>, <c>a OR b</c>, <c>-excluded</c>,
/// and filters <c>doc: kind: area: section: after: before:</c> (a filter value may be quoted). Full-width
/// spaces, quotes, colons and minus signs are accepted. Bad syntax throws <see cref="SearchQueryException"/>
/// with a one-line message.
/// </summary>
public static class SearchQueryParser
{
    /// <summary>Most different terms (words, phrases, alternatives, exclusions) one query may hold.</summary>
    public const int MaxTerms = 64;

    /// <summary>Longest query text accepted (a pasted sentence as a phrase fits many times over).</summary>
    public const int MaxChars = 2000;

    private static readonly string[] FilterNames = ["doc", "kind", "area", "section", "after", "before"];

    public static SearchQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxChars) throw new SearchQueryException($"query is {text.Length:N0} characters long; at most {MaxChars:N0} are accepted");
        var clauses = new List<List<QueryTerm>>();
        var excluded = new List<QueryTerm>();
        var docs = new List<string>();
        var kinds = new List<DocumentKind>();
        var areas = new List<string>();
        var sections = new List<string>();
        DateOnly? after = null, before = null;
        bool pendingOr = false;
        bool lastWasTerm = false;
        int i = 0;
        bool any = false;

        while (true)
        {
            while (i < text.Length && IsSpace(text[i])) i++;
            if (i >= text.Length) break;
            any = true;
            int column = i + 1;

            // OR joins the term before it with the term after it.
            if (IsOrAt(text, i))
            {
                if (!lastWasTerm) throw Error(column, pendingOr ? "OR follows OR" : "OR must follow a search term");
                pendingOr = true;
                lastWasTerm = false;
                i += text[i] is '|' or '｜' ? 1 : 2;
                continue;
            }

            bool negate = false;
            if (IsMinus(text[i]))
            {
                negate = true;
                i++;
                if (i >= text.Length || IsSpace(text[i])) throw Error(column, "'-' must be followed by a term to exclude");
            }

            // name:value filter
            int nameEnd = i;
            while (nameEnd < text.Length && char.IsAsciiLetter(text[nameEnd])) nameEnd++;
            if (nameEnd > i && nameEnd < text.Length && IsColon(text[nameEnd]))
            {
                var name = text[i..nameEnd].ToLowerInvariant();
                if (Array.IndexOf(FilterNames, name) < 0)
                    throw Error(column, $"unknown filter '{text[i..nameEnd]}:' (filters: doc: kind: area: section: after: before:)");
                if (negate) throw Error(column, $"a filter cannot be excluded ('-{name}:')");
                if (pendingOr) throw Error(column, $"OR cannot join a filter ('{name}:')");
                i = nameEnd + 1;
                var (value, _) = ReadValue(text, ref i, column, name);
                if (value.Length == 0) throw Error(column, $"{name}: needs a value");
                switch (name)
                {
                    case "doc": docs.Add(value); break;
                    case "kind":
                        if (!DocumentKindNames.TryParse(value, out var kind))
                            throw Error(column, $"kind: must be report, minutes, article or other, not '{value}'");
                        kinds.Add(kind);
                        break;
                    case "area": areas.Add(value); break;
                    case "section": sections.Add(value); break;
                    case "after":
                        if (after is not null) throw Error(column, "after: is given twice");
                        after = ParseDate(value, column, name, end: false);
                        break;
                    case "before":
                        if (before is not null) throw Error(column, "before: is given twice");
                        before = ParseDate(value, column, name, end: true);
                        break;
                }
                lastWasTerm = false;
                continue;
            }

            var (termText, quoted) = ReadValue(text, ref i, column, null);
            if (!HasSearchableChar(termText))
            {
                if (pendingOr) throw Error(column, $"OR must be followed by a search term, not '{termText}'");
                lastWasTerm = false;
                continue; // bare punctuation: nothing to match
            }
            var term = new QueryTerm(termText, quoted);
            if (negate)
            {
                if (pendingOr) throw Error(column, "OR cannot join an excluded term");
                excluded.Add(term);
                lastWasTerm = false;
                continue;
            }
            if (pendingOr) clauses[^1].Add(term);
            else clauses.Add([term]);
            pendingOr = false;
            lastWasTerm = true;
        }

        if (!any) throw new SearchQueryException("empty query");
        if (pendingOr) throw new SearchQueryException("query ends with OR: add the alternative after it");
        if (clauses.Count == 0) throw new SearchQueryException("query has no search terms (only filters, exclusions or punctuation)");
        if (after is DateOnly a && before is DateOnly b && a > b)
            throw new SearchQueryException($"after: {a:yyyy-MM-dd} is later than before: {b:yyyy-MM-dd}");

        // A term repeated (水素 水素 … two thousand times) asks nothing more than once: each clause, each
        // alternative and each exclusion is kept once, so the cost follows the distinct terms.
        var list = new List<QueryClause>(clauses.Count);
        var seenClauses = new HashSet<string>(StringComparer.Ordinal);
        int terms = 0;
        foreach (var c in clauses)
        {
            var alternatives = c.Distinct().ToList();
            if (!seenClauses.Add(string.Join('\u0001', alternatives.Select(t => t.ToString()).Order(StringComparer.Ordinal)))) continue;
            list.Add(new QueryClause(alternatives));
            terms += alternatives.Count;
        }
        var distinctExcluded = excluded.Distinct().ToList();
        terms += distinctExcluded.Count;
        if (terms > MaxTerms) throw new SearchQueryException($"query has {terms} different terms; at most {MaxTerms} are accepted");
        return new SearchQuery(text, list, distinctExcluded, new SearchFilters(docs, kinds, areas, sections, after, before));
    }

    /// <summary>Reads a bare word (up to whitespace) or a quoted string starting at <paramref name="i"/>.</summary>
    private static (string Value, bool Quoted) ReadValue(string text, ref int i, int column, string? filter)
    {
        if (i < text.Length && IsQuote(text[i]))
        {
            int start = i + 1;
            int end = start;
            while (end < text.Length && !IsQuote(text[end])) end++;
            if (end >= text.Length)
                throw Error(column, filter is null ? "unclosed quote: add the closing \"" : $"{filter}: value has an unclosed quote");
            i = end + 1;
            if (i < text.Length && !IsSpace(text[i]))
                throw Error(i + 1, "a closing quote must be followed by a space");
            var v = text[start..end].Trim();
            if (v.Length == 0 && filter is null) throw Error(column, "empty phrase \"\"");
            return (v, true);
        }
        int s = i;
        while (i < text.Length && !IsSpace(text[i]))
        {
            if (IsQuote(text[i])) throw Error(i + 1, "a quote must start a phrase: put a space before it");
            i++;
        }
        return (text[s..i], false);
    }

    private static DateOnly ParseDate(string value, int column, string name, bool end)
    {
        var v = value.Replace('/', '-');
        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy-MM", "yyyy-M", "yyyy"];
        foreach (var f in formats)
        {
            if (!DateOnly.TryParseExact(v, f, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) continue;
            if (!end) return d;
            return f.Length switch
            {
                4 => new DateOnly(d.Year, 12, 31),
                6 or 7 => new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month)),
                _ => d,
            };
        }
        throw Error(column, $"{name}: expects a date like 2025, 2025-03 or 2025-03-31, not '{value}'");
    }

    private static bool HasSearchableChar(string s)
    {
        foreach (char c in s)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    private static bool IsOrAt(string text, int i)
    {
        if (text[i] == '|' || text[i] == '｜') return i + 1 >= text.Length || IsSpace(text[i + 1]);
        return text[i] == 'O' && i + 1 < text.Length && text[i + 1] == 'R' && (i + 2 >= text.Length || IsSpace(text[i + 2]));
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c);

    private static bool IsMinus(char c) => c is '-' or '－' or '−';

    private static bool IsColon(char c) => c is ':' or '：';

    private static bool IsQuote(char c) => c is '"' or '＂' or '“' or '”';

    private static SearchQueryException Error(int column, string message) => new($"column {column}: {message}");
}
