using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Fukan.Model;

namespace Fukan.Reading;

/// <summary>
/// Reads HTML with AngleSharp: the title and the main text (main/article when present, else body), without
/// scripts, styles, navigation, headers and footers. Headings become markdown <c>#</c> lines, list items
/// <c>- </c> lines and table rows <c>| a | b |</c> lines, so the structure stage sees them; this rendition is the
/// document's source text.
/// </summary>
public sealed class HtmlDocumentReader : IDocumentReader
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "iframe", "button" };
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
        { "p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "figure", "figcaption", "br", "hr", "address" };

    private readonly TextDecoder _decoder;

    public HtmlDocumentReader(TextDecoder decoder) => _decoder = decoder;

    public string Format => "html";

    public IReadOnlyList<string> Extensions { get; } = [".html", ".htm", ".xhtml"];

    public ReadResult Read(string path, byte[] bytes)
    {
        if (bytes.Length == 0) return ReadResult.Failed(path, "empty file");
        var decoded = _decoder.Decode(bytes);
        if (decoded.Text is null) return ReadResult.Failed(path, decoded.Error ?? "cannot decode", decoded.ErrorOffset);

        var html = HtmlNestingLimiter.Limit(decoded.Text, out int deepest);
        var diagnostics = new List<Diagnostic>();
        if (deepest > HtmlNestingLimiter.MaxDepth)
            diagnostics.Add(Diagnostic.Warning(path, $"elements nested {deepest} deep; nesting beyond {HtmlNestingLimiter.MaxDepth} levels flattened (text kept)"));
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var meta = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var title = document.Title?.Trim();
        if (string.IsNullOrEmpty(title)) title = document.QuerySelector("h1")?.TextContent.Trim();
        if (!string.IsNullOrEmpty(title)) meta["title"] = [Collapse(title)];
        foreach (var m in document.QuerySelectorAll("meta[name][content]"))
        {
            var name = m.GetAttribute("name")!.Trim().ToLowerInvariant();
            if (name is "description" or "author" or "keywords" or "date")
                meta[name] = [m.GetAttribute("content")!.Trim()];
        }
        // Open Graph / schema.org article dates: <meta property="article:published_time" content="2026-05-12T…">.
        foreach (var m in document.QuerySelectorAll("meta[property][content], meta[itemprop][content]"))
        {
            var name = (m.GetAttribute("property") ?? m.GetAttribute("itemprop"))!.Trim().ToLowerInvariant();
            if (name is "article:published_time" or "datepublished" && !meta.ContainsKey("date"))
                meta["date"] = [m.GetAttribute("content")!.Trim()];
        }
        var time = document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        if (!meta.ContainsKey("date") && !string.IsNullOrWhiteSpace(time)) meta["date"] = [time.Trim()];

        IElement? root = document.QuerySelector("main") ?? document.QuerySelector("article") ?? document.Body;
        var sb = new StringBuilder();
        if (root is not null) Render(root, sb);
        var text = NormalizeBlankLines(sb.ToString());
        if (string.IsNullOrWhiteSpace(text)) return ReadResult.Failed(path, "no text in HTML body");
        var source = new SourceText(text);
        return new ReadResult(new RawDocument(path, DocumentId.FromContent(bytes), bytes.Length, Format, decoded.Encoding, source, meta, 1), diagnostics);
    }

    private static void Render(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) { AppendInline(sb, t.Data); continue; }
            if (child is not IElement e || Skipped.Contains(e.LocalName)) continue;
            string name = e.LocalName.ToLowerInvariant();
            if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
            {
                Block(sb);
                sb.Append('#', name[1] - '0').Append(' ').Append(Collapse(e.TextContent)).Append('\n');
                Block(sb);
            }
            else if (name == "li")
            {
                Line(sb);
                sb.Append("- ");
                Render(e, sb);
                Line(sb);
            }
            else if (name == "tr")
            {
                Line(sb);
                sb.Append('|');
                foreach (var cell in e.Children)
                    if (cell.LocalName is "td" or "th") sb.Append(' ').Append(Collapse(cell.TextContent)).Append(" |");
                Line(sb);
            }
            else if (Blocks.Contains(name))
            {
                Block(sb);
                Render(e, sb);
                Block(sb);
            }
            else Render(e, sb);
        }
    }

    private static void AppendInline(StringBuilder sb, string data)
    {
        var collapsed = Collapse(data);
        if (collapsed.Length == 0) { if (data.Length > 0 && sb.Length > 0 && sb[^1] != ' ' && sb[^1] != '\n') sb.Append(' '); return; }
        if (sb.Length > 0 && sb[^1] != '\n' && sb[^1] != ' ' && char.IsWhiteSpace(data[0])) sb.Append(' ');
        sb.Append(collapsed);
        if (char.IsWhiteSpace(data[^1])) sb.Append(' ');
    }

    private static void Line(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
    }

    private static void Block(StringBuilder sb)
    {
        Line(sb);
        if (sb.Length > 0 && !(sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n')) sb.Append('\n');
    }

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c) && c != '\u3000') { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string NormalizeBlankLines(string s)
    {
        var lines = s.Split('\n');
        var sb = new StringBuilder(s.Length);
        int blank = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0) { blank++; continue; }
            if (sb.Length > 0) sb.Append(blank > 0 ? "\n\n" : "\n");
            blank = 0;
            sb.Append(line);
        }
        if (sb.Length > 0) sb.Append('\n');
        return sb.ToString();
    }
}
