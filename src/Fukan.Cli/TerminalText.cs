using System.Text;
using Spectre.Console;

namespace Fukan.Cli;

/// <summary>
/// Text laid out for a terminal: widths in columns (East Asian wide characters take two, as the terminal and
/// Spectre.Console count them), cutting with an ellipsis, and wrapping that breaks where Japanese and English
/// break — after 、。 and closing brackets, between Latin words — never before a closing mark or inside a
/// highlighted match.
/// </summary>
public static class TerminalText
{
    /// <summary>Columns <paramref name="s"/> takes on a terminal.</summary>
    public static int Width(ReadOnlySpan<char> s)
    {
        int w = 0;
        foreach (var rune in s.EnumerateRunes()) w += Width(rune);
        return w;
    }

    /// <summary>
    /// East Asian Wide and Fullwidth characters take two columns; combining marks and zero-width characters none;
    /// the rest one — including the ambiguous ◎○△× and arrows, as terminals outside CJK locales draw them.
    /// </summary>
    private static int Width(Rune rune)
    {
        int c = rune.Value;
        if (c < 0x300) return c < 0x20 || c == 0x7F ? 0 : 1;
        if (c is >= 0x300 and <= 0x36F or >= 0x200B and <= 0x200F or >= 0xFE00 and <= 0xFE0F or 0x3099 or 0x309A) return 0;
        return c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0x303E or >= 0x3041 and <= 0x33FF or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF or >= 0xA000 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F or >= 0x1F900 and <= 0x1F9FF or >= 0x20000 and <= 0x3FFFD ? 2 : 1;
    }

    /// <summary>Cut to <paramref name="max"/> columns, the last one an ellipsis when anything was cut.</summary>
    public static string Truncate(string s, int max)
    {
        if (max <= 0) return "";
        if (Width(s) <= max) return s;
        int width = 0, i = 0;
        while (i < s.Length)
        {
            var rune = Rune.GetRuneAt(s, i);
            int w = Width(rune);
            if (width + w > max - 1) break;
            width += w;
            i += rune.Utf16SequenceLength;
        }
        return s[..i] + "…";
    }

    /// <summary><paramref name="s"/> and spaces up to <paramref name="width"/> columns.</summary>
    public static string Pad(string s, int width) => s + new string(' ', Math.Max(0, width - Width(s)));

    /// <summary>A document id as every human listing shows it: the same 12 characters everywhere.</summary>
    public static string DocRef(Model.DocumentId id) => id.Short;

    /// <summary>A document id given as text (JSON, views) shortened the same way.</summary>
    public static string DocRef(string id) => id.Length <= 12 ? id : id[..12];

    // A line may end after these (Japanese punctuation, closing brackets) …
    private const string BreakAfter = "、。，．！？）」』】〕〉》｝),.;:!?";
    // … must not end with these (行末禁則) …
    private const string NoLineEnd = "「『（【〔〈《｛([";
    // … and must not start with these (行頭禁則).
    private const string NoLineStart = "、。，．！？）」』】〕〉》｝),.;:!?ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥・";

    /// <summary>
    /// Wraps plain text to <paramref name="width"/> columns: the first line starts with <paramref name="first"/>,
    /// the others with <paramref name="rest"/> (a bullet's continuation lines indent under its text).
    /// </summary>
    public static List<string> Wrap(string text, int width, string first = "", string rest = "") =>
        WrapSegments([(text, false)], width, first, rest).ConvertAll(l => Plain(l));

    /// <summary>
    /// Wraps text made of segments. Japanese may break between any two characters, Latin text only between words;
    /// a line prefers to end at a natural point (after 、。 or a space) when one is in its last third, never starts
    /// with a closing mark (、。」 …) and never ends with an opening one (「（ …). A highlighted segment is kept whole
    /// on one line (cut only when it is longer than a line).
    /// </summary>
    public static List<List<(string Text, bool Highlighted)>> WrapSegments(IEnumerable<(string Text, bool Highlighted)> segments, int width, string first = "", string rest = "")
    {
        // Atoms and, after each, how good a break it is: 0 never, 1 allowed, 2 natural.
        var atoms = new List<(string Text, bool Highlighted)>();
        var quality = new List<int>();
        foreach (var (raw, highlighted) in segments)
        {
            var text = raw.ReplaceLineEndings(" ");
            if (text.Length == 0) continue;
            if (highlighted) { atoms.Add((text, true)); quality.Add(1); continue; }
            var word = new StringBuilder();
            void EndWord()
            {
                if (word.Length == 0) return;
                atoms.Add((word.ToString(), false));
                quality.Add(1);
                word.Clear();
            }
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ')
                {
                    EndWord();
                    if (atoms.Count > 0 && !atoms[^1].Highlighted) atoms[^1] = (atoms[^1].Text + " ", false);
                    else atoms.Add((" ", false));
                    if (quality.Count < atoms.Count) quality.Add(2); else quality[^1] = 2;
                    continue;
                }
                int len = char.IsSurrogatePair(text, i) ? 2 : 1;
                var piece = text.Substring(i, len);
                bool wide = Width(piece) == 2 || BreakAfter.Contains(c) && c > 0x2000 || NoLineStart.Contains(c) && c > 0x2000 || NoLineEnd.Contains(c) && c > 0x2000;
                if (!wide) { word.Append(piece); i += len - 1; continue; }
                EndWord();
                if (NoLineStart.Contains(c) && quality.Count > 0) quality[^1] = 0;
                atoms.Add((piece, false));
                quality.Add(NoLineEnd.Contains(c) ? 0 : BreakAfter.Contains(c) ? 2 : 1);
                i += len - 1;
            }
            EndWord();
        }

        var lines = new List<List<(string, bool)>>();
        int room = Math.Max(8, width);
        var line = new List<int>();   // atom indexes on the current line
        int used = Width(first);
        string prefix = first;
        void Emit(List<int> indexes)
        {
            var l = new List<(string, bool)> { (prefix, false) };
            foreach (var k in indexes) l.Add(atoms[k]);
            // No spaces at either end of a wrapped line.
            while (l.Count > 1 && l[^1].Item1.TrimEnd(' ') is var t && t.Length < l[^1].Item1.Length)
            {
                if (t.Length > 0) { l[^1] = (t, l[^1].Item2); break; }
                l.RemoveAt(l.Count - 1);
            }
            if (l.Count > 1) l[1] = (l[1].Item1.TrimStart(' '), l[1].Item2);
            lines.Add(l);
            prefix = rest;
        }
        int WidthOf(List<int> indexes, int from)
        {
            int w = 0;
            for (int k = from; k < indexes.Count; k++) w += Width(atoms[indexes[k]].Text);
            return w;
        }
        for (int a = 0; a < atoms.Count; a++)
        {
            int w = Width(line.Count == 0 ? atoms[a].Text.TrimStart(' ') : atoms[a].Text.TrimEnd(' '));
            if (used + w <= room) { line.Add(a); used += Width(atoms[a].Text); continue; }
            // Overflow: end the line at the best break in it, carry what follows to the next line.
            int best = -1;
            int col = Width(prefix);
            int natural = -1, allowed = -1;
            for (int k = 0; k < line.Count; k++)
            {
                col += Width(atoms[line[k]].Text);
                if (quality[line[k]] == 2 && col >= room * 2 / 3) natural = k;
                if (quality[line[k]] >= 1) allowed = k;
            }
            best = natural >= 0 ? natural : allowed;
            if (best >= 0)
            {
                var carried = line.GetRange(best + 1, line.Count - best - 1);
                Emit(line.GetRange(0, best + 1));
                line = carried;
                used = Width(prefix) + WidthOf(line, 0);
                a--;   // try the atom again on the new line
                if (used + w > room && line.Count > 0) { Emit(line); line = []; used = Width(prefix); }
                continue;
            }
            if (line.Count > 0) { Emit(line); line = []; used = Width(prefix); a--; continue; }
            // One atom longer than a whole line: cut it by columns.
            var (text, highlighted) = atoms[a];
            text = text.TrimStart(' ');
            while (Width(text) > room - used)
            {
                int take = Math.Max(char.IsSurrogatePair(text, 0) ? 2 : 1, Fit(text, 0, room - used));
                atoms[a] = (text[..take], highlighted);
                Emit([a]);
                used = Width(prefix);
                text = text[take..];
            }
            atoms[a] = (text, highlighted);
            line.Add(a);
            used += Width(text);
        }
        if (line.Count > 0 || lines.Count == 0) Emit(line);
        return lines;
    }

    /// <summary>One wrapped line as markup: highlighted pieces in <paramref name="style"/>, the rest escaped.</summary>
    public static string Markup(List<(string Text, bool Highlighted)> line, string style)
    {
        var sb = new StringBuilder();
        foreach (var (text, highlighted) in line)
            sb.Append(highlighted ? $"[{style}]{Spectre.Console.Markup.Escape(text)}[/]" : Spectre.Console.Markup.Escape(text));
        return sb.ToString();
    }

    /// <summary>One wrapped line as plain text.</summary>
    public static string Plain(List<(string Text, bool Highlighted)> line)
    {
        var sb = new StringBuilder();
        foreach (var (text, _) in line) sb.Append(text);
        return sb.ToString();
    }

    /// <summary>Writes <paramref name="text"/> wrapped to the console's width.</summary>
    public static void WriteWrapped(IAnsiConsole console, string text, string first = "", string rest = "")
    {
        foreach (var l in Wrap(text, console.Profile.Width, first, rest)) console.Profile.Out.Writer.WriteLine(l);
    }

    private static int Fit(string s, int from, int columns)
    {
        int width = 0, i = from;
        while (i < s.Length)
        {
            var rune = Rune.GetRuneAt(s, i);
            int w = Width(rune);
            if (width + w > columns) break;
            width += w;
            i += rune.Utf16SequenceLength;
        }
        return i - from;
    }
}
