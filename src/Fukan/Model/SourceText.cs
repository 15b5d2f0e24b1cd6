namespace Fukan.Model;

/// <summary>
/// The decoded text of a document exactly as read (BOM removed, nothing else changed), with a line index.
/// Lines are 1-based; a line's text excludes its terminator ("\n", "\r\n" or "\r").
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        var starts = new List<int>(text.Length / 40 + 1) { 0 };
        var span = text.AsSpan();
        int i = 0;
        while (true)
        {
            int rel = span[i..].IndexOfAny('\n', '\r');
            if (rel < 0) break;
            i += rel;
            i += span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n' ? 2 : 1;
            starts.Add(i);
        }
        _lineStarts = starts.ToArray();
        LineCount = _lineStarts.Length > 1 && _lineStarts[^1] == Text.Length ? _lineStarts.Length - 1 : _lineStarts.Length;
    }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>The number of lines (a trailing terminator does not open an extra line); fixed at construction,
    /// because every stage asks for it on every line.</summary>
    public int LineCount { get; }

    /// <summary>Offset of the first character of <paramref name="line"/> (1-based).</summary>
    public int LineStart(int line) => _lineStarts[CheckLine(line) - 1];

    /// <summary>Offset just past the last character of <paramref name="line"/>, before its terminator.</summary>
    public int LineEnd(int line) => EndAfter(LineStart(line), line);

    /// <summary>The text of <paramref name="line"/> without its terminator.</summary>
    public ReadOnlySpan<char> Line(int line)
    {
        int start = LineStart(line);
        return Text.AsSpan(start, EndAfter(start, line) - start);
    }

    /// <summary>The end of an already checked <paramref name="line"/> that starts at <paramref name="start"/>.</summary>
    private int EndAfter(int start, int line)
    {
        int end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        if (end > start && Text[end - 1] == '\n') end--;
        if (end > start && Text[end - 1] == '\r') end--;
        return end;
    }

    /// <summary>The text of <paramref name="line"/> as a string.</summary>
    public string LineString(int line) => Line(line).ToString();

    /// <summary>The 1-based line holding <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        if ((uint)offset > (uint)Text.Length) throw new ArgumentOutOfRangeException(nameof(offset));
        int idx = Array.BinarySearch(_lineStarts, offset);
        if (idx < 0) idx = ~idx - 1;
        return Math.Min(idx + 1, LineCount);
    }

    /// <summary>The 0-based column of <paramref name="offset"/> within its line.</summary>
    public int ColumnOf(int offset) => offset - LineStart(LineOf(offset));

    private int CheckLine(int line)
    {
        if (line < 1 || line > Math.Max(1, LineCount)) throw new ArgumentOutOfRangeException(nameof(line), line, $"line must be in 1..{LineCount}");
        return line;
    }
}
