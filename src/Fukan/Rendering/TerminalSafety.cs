using System.Buffers;

namespace Fukan.Rendering;

/// <summary>
/// Makes document text safe to print on a terminal. Documents are untrusted: an ESC or a C1 control in a title
/// can recolour, retitle or clear the user's terminal, write to the clipboard (OSC 52) or hide text, and bidi
/// overrides can reorder what is shown. Human output shows C0 controls and DEL as their visible Control
/// Pictures (ESC → ␛), C1 controls and lone surrogates as U+FFFD, and drops bidi embedding controls. Tab and
/// line feed stay; a carriage return stays only before a line feed. JSON output keeps the text as stored.
/// </summary>
public static class TerminalSafety
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(BuildUnsafe());

    /// <summary>True when <paramref name="text"/> holds nothing <see cref="Sanitize(string)"/> would change.</summary>
    public static bool IsSafe(ReadOnlySpan<char> text)
    {
        int i = text.IndexOfAny(Unsafe);
        while (i >= 0)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i += 2; }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { i += 2; }
            else return false;
            if (i >= text.Length) return true;
            int next = text[i..].IndexOfAny(Unsafe);
            if (next < 0) return true;
            i += next;
        }
        return true;
    }

    /// <summary>The text with every control that could drive a terminal shown or removed (see the type).</summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsSafe(text)) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); }
                else sb.Append('\uFFFD');
                continue;
            }
            if (char.IsLowSurrogate(c)) { sb.Append('\uFFFD'); continue; }
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { sb.Append(c); continue; }
            if (Visible(c) is { } shown) { if (shown != '\0') sb.Append(shown); }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// What an unsafe character is shown as ('\0': dropped), or null when <paramref name="c"/> is safe on its own.
    /// Surrogates are safe on their own; <see cref="Sanitize(string)"/> checks that they pair.
    /// </summary>
    public static char? Visible(char c) => c switch
    {
        '\t' or '\n' => null,
        < '\u0020' => (char)('\u2400' + c),           // ␀ … ␟, ␛ for ESC
        '\u007F' => '\u2421',                          // ␡
        >= '\u0080' and <= '\u009F' => '\uFFFD',       // C1: CSI, OSC, ST … in one byte
        '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => '\0', // bidi controls
        _ => null,
    };

    private static string BuildUnsafe()
    {
        var chars = new List<char>();
        for (int c = 0; c <= 0xFFFF; c++)
            if (Visible((char)c) is not null || char.IsSurrogate((char)c) || c == '\r') chars.Add((char)c);
        return new string(chars.ToArray());
    }
}
