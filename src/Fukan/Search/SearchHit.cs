using System.Net;
using System.Text;
using System.Text.Json.Serialization;
using Fukan.Model;

namespace Fukan.Search;

/// <summary>
/// A matched term in a hit: <see cref="Start"/>/<see cref="End"/> are offsets in the passage text,
/// <see cref="SnippetStart"/>/<see cref="SnippetEnd"/> in <see cref="SearchHit.Snippet"/>, and
/// <see cref="SourceStart"/>/<see cref="SourceEnd"/> in the document's original source text.
/// </summary>
public sealed record SearchHighlight(int Start, int End, int SnippetStart, int SnippetEnd, int SourceStart, int SourceEnd);

/// <summary>
/// One search result: the passage, its score (higher is better), section path, original lines, and a snippet
/// of about <see cref="SearchOptions.SnippetLength"/> characters around the best cluster of matches.
/// </summary>
public sealed record SearchHit(
    string PassageId,
    DocumentId DocumentId,
    string DocumentTitle,
    double Score,
    string SectionPath,
    Provenance Provenance,
    string Snippet,
    [property: JsonPropertyOrder(2)] IReadOnlyList<SearchHighlight> Highlights)
{
    /// <summary>The snippet as HTML, matched terms in <c>&lt;mark&gt;</c>.</summary>
    [JsonPropertyOrder(1)]
    public string SnippetHtml
    {
        get
        {
            var sb = new StringBuilder(Snippet.Length + Highlights.Count * 13);
            foreach (var (text, marked) in Segments())
            {
                if (marked) sb.Append("<mark>");
                sb.Append(WebUtility.HtmlEncode(text));
                if (marked) sb.Append("</mark>");
            }
            return sb.ToString();
        }
    }

    /// <summary>The snippet cut into plain and matched pieces, in order (for terminal rendering).</summary>
    public IEnumerable<(string Text, bool Highlighted)> Segments()
    {
        int at = 0;
        foreach (var h in Highlights)
        {
            if (h.SnippetStart < at) continue;
            if (h.SnippetStart > at) yield return (Snippet[at..h.SnippetStart], false);
            yield return (Snippet[h.SnippetStart..h.SnippetEnd], true);
            at = h.SnippetEnd;
        }
        if (at < Snippet.Length) yield return (Snippet[at..], false);
    }

    [JsonIgnore]
    public DocumentKind DocumentKind { get; init; }
}
