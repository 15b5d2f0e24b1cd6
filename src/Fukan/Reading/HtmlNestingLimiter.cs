using System.Buffers;
using System.Text;

namespace Fukan.Reading;

/// <summary>
/// Caps how deep HTML elements nest before the HTML parser sees them. A tree builder checks the stack of open
/// elements for every tag, so 50,000 nested divs cost 50,000² steps; browsers stop nesting at 512 levels
/// (Chromium) and so does Fukan: tags deeper than <see cref="MaxDepth"/> are dropped, their text is kept. One pass
/// over the text; elements whose end tag is optional (p, li, td …) and void elements (br, img …) are not counted,
/// because HTML rarely closes them.
/// </summary>
public static class HtmlNestingLimiter
{
    /// <summary>Deepest element nesting passed to the parser.</summary>
    public const int MaxDepth = 512;

    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
        // optional end tags
        "html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption", "rb", "rt", "rtc", "rp",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext" };

    private static readonly SearchValues<char> NameEnd = SearchValues.Create(" \t\n\r\f/>");

    /// <summary>
    /// <paramref name="html"/> with element tags beyond <see cref="MaxDepth"/> removed (the same string when none
    /// are); <paramref name="deepest"/> is the deepest nesting seen.
    /// </summary>
    public static string Limit(string html, out int deepest)
    {
        ArgumentNullException.ThrowIfNull(html);
        deepest = 0;
        int depth = 0, excess = 0;
        StringBuilder? output = null;
        int copied = 0, i = 0;
        while (true)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length) break;
            char c = html[lt + 1];
            if (c == '!' || c == '?')
            {
                // Comment, doctype, CDATA or processing instruction: skip to its end.
                int close = html.AsSpan(lt).StartsWith("<!--", StringComparison.Ordinal) ? html.IndexOf("-->", lt + 4, StringComparison.Ordinal) : html.IndexOf('>', lt + 2);
                if (close < 0) break;
                i = close + 1;
                continue;
            }
            bool end = c == '/';
            int nameStart = lt + (end ? 2 : 1);
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart])) { i = lt + 1; continue; }
            int nameEnd = html.AsSpan(nameStart).IndexOfAny(NameEnd);
            nameEnd = nameEnd < 0 ? html.Length : nameStart + nameEnd;
            int gt = html.IndexOf('>', nameEnd);
            if (gt < 0) break;
            var name = html[nameStart..nameEnd];
            bool selfClosing = html[gt - 1] == '/';
            i = gt + 1;
            if (!end && RawText.Contains(name))
            {
                // Script and style bodies are text, not tags.
                int close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (close >= 0) i = close;
                continue;
            }
            if (selfClosing || NotCounted.Contains(name)) continue;
            bool drop;
            if (!end)
            {
                if (depth >= MaxDepth) { excess++; drop = true; }
                else { depth++; drop = false; }
                deepest = Math.Max(deepest, depth + excess);
            }
            else if (excess > 0) { excess--; drop = true; }
            else { depth = Math.Max(0, depth - 1); drop = false; }
            if (drop)
            {
                output ??= new StringBuilder(html.Length);
                output.Append(html, copied, lt - copied);
                copied = gt + 1;
            }
        }
        if (output is null) return html;
        output.Append(html, copied, html.Length - copied);
        return output.ToString();
    }
}
