using System.Globalization;
using Fukan.Model;

namespace Fukan.Contracts;

/// <summary>One original line.</summary>
public sealed record SourceLine(int Line, string Text);

/// <summary>Original lines of a document exactly as in the file: <c>fukan source --json</c>, <c>GET /api/documents/{doc}/source</c>.</summary>
public sealed record SourceLines(string DocumentId, string Path, IReadOnlyList<SourceLine> Lines)
{
    public static SourceLines Of(DocumentInfo info, SourceText source, int from, int to)
    {
        var lines = new List<SourceLine>(Math.Max(0, to - from + 1));
        for (int l = from; l <= to; l++) lines.Add(new SourceLine(l, source.LineString(l)));
        return new(info.Id.Value, info.Path, lines);
    }
}

/// <summary>A line range as users write it: <c>A-B</c>, <c>A-</c> (to the end) or <c>N</c>; 1-based, inclusive.</summary>
public static class LineRange
{
    /// <summary>The range <paramref name="spec"/> names in a document of <paramref name="lineCount"/> lines (all of it when empty).</summary>
    public static (int From, int To) Parse(string? spec, int lineCount, string parameter = "--lines")
    {
        if (string.IsNullOrWhiteSpace(spec)) return (1, lineCount);
        var parts = spec.Split('-', 2, StringSplitOptions.TrimEntries);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int from)
            || (parts.Length == 2 && parts[1].Length > 0 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            throw QueryException.BadParameter($"{parameter} {spec}: expected A-B with whole numbers, e.g. 5354-5370");
        int to = parts.Length == 1 ? from : parts[1].Length == 0 ? lineCount : int.Parse(parts[1], CultureInfo.InvariantCulture);
        if (from < 1 || to < from) throw QueryException.BadParameter($"{parameter} {spec}: the range must start at 1 or more and not run backwards");
        if (from > lineCount || to > lineCount) throw QueryException.BadParameter($"{parameter} {spec}: the document has {lineCount} lines");
        return (from, to);
    }
}
