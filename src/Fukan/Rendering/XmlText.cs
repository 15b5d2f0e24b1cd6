using System.Text;

namespace Fukan.Rendering;

/// <summary>Document text made safe for SVG and HTML: every markup character escaped, characters XML cannot carry (controls, lone surrogates) dropped.</summary>
public static class XmlText
{
    /// <summary>Escapes &lt; &gt; &amp; and both quotes (so the result is safe in text and in attribute values).</summary>
    public static string Escape(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            // XML 1.0 carries paired surrogates only: a lone half (a label cut inside 𠮷) is dropped.
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); continue; }
            if (char.IsSurrogate(c)) continue;
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\n': sb.Append("&#10;"); break;
                default:
                    if (c >= 0x20 && c != 0x7F && c is not ('\uFFFE' or '\uFFFF') || c == '\t') sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
