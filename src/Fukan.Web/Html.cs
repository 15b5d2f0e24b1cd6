using System.Globalization;
using System.Net;
using System.Text;

namespace Fukan.Web;

/// <summary>
/// A small HTML writer: every string that may come from a document goes through <see cref="Text(string?)"/> or an attribute
/// value and is escaped; only the server's own markup is written raw.
/// </summary>
public sealed class Html
{
    private readonly StringBuilder _sb = new(16 * 1024);

    /// <summary>Escapes for element content and double-quoted attributes (&lt; &gt; &amp; &quot; &#39;).</summary>
    public static string Escape(string? s) => WebUtility.HtmlEncode(s ?? "");

    /// <summary>A path segment or query value, percent-encoded.</summary>
    public static string Url(string? s) => Uri.EscapeDataString(s ?? "");

    public Html Raw(string markup) { _sb.Append(markup); return this; }

    public Html Text(string? text) { _sb.Append(Escape(text)); return this; }

    public Html Text(int n) { _sb.Append(n.ToString(CultureInfo.InvariantCulture)); return this; }

    /// <summary>An element with escaped text content and escaped attributes (name, value pairs).</summary>
    public Html El(string tag, string? text, params string?[] attributes)
    {
        Open(tag, attributes);
        Text(text);
        return Close(tag);
    }

    public Html Open(string tag, params string?[] attributes)
    {
        _sb.Append('<').Append(tag);
        for (int i = 0; i + 1 < attributes.Length; i += 2)
        {
            if (attributes[i + 1] is null) continue;
            _sb.Append(' ').Append(attributes[i]).Append("=\"").Append(Escape(attributes[i + 1])).Append('"');
        }
        _sb.Append('>');
        return this;
    }

    public Html Close(string tag) { _sb.Append("</").Append(tag).Append('>'); return this; }

    /// <summary>A link to a server URL (built by the server, never taken from a document).</summary>
    public Html A(string href, string? text, string? cls = null) => El("a", text, "href", href, "class", cls);

    public override string ToString() => _sb.ToString();

    public static string Number(double d, string format = "0.###") => d.ToString(format, CultureInfo.InvariantCulture);
}
