using System.Text;
using Fukan.Model;

namespace Fukan.Normalizing;

/// <summary>
/// Finds page furniture in PDF-extracted text. A page break shows as a cluster: a footer with a page number,
/// a running header, a vertical side label (runs of one-character lines) and its section number. Clusters are
/// anchored on the vertical runs; lines that repeat through the document with a page number (footers) are
/// furniture anywhere, and a running header seen in a cluster is furniture wherever it repeats. Ordinary
/// repeated lines (table legends, subsection titles) are kept: repetition alone is not enough.
/// </summary>
public sealed class PageFurnitureDetector
{
    private const int MinRun = 3;

    public PageFurniture Detect(SourceText source, int firstLine)
    {
        int n = source.LineCount;
        var furniture = new bool[n + 2];
        var labels = new List<SideLabel>();
        var keys = new string?[n + 1];
        // Sized for one key per line up front: most lines of a long report have a key of their own, and growing a
        // table of thousands of entries step by step copies it a dozen times on the large-object heap.
        var counts = new Dictionary<string, int>(Math.Max(0, n - firstLine + 1), StringComparer.Ordinal);
        // Most keys repeat or are looked up once: build each in a buffer and allocate a string only for a new key.
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var buffer = new char[160];   // an array, not stackalloc: a loop method with stackalloc loses tiered PGO
        for (int line = firstLine; line <= n; line++)
        {
            var t = source.Line(line).Trim();
            if (t.Length is 0 or > 160) continue;
            ReadOnlySpan<char> written = buffer.AsSpan(0, WriteDigitKey(t, buffer));
            if (lookup.TryGetValue(written, out var key, out int count)) counts[key] = count + 1;
            else counts.Add(key = written.ToString(), 1);
            keys[line] = key;
        }

        var headerKeys = new HashSet<string>(StringComparer.Ordinal);
        int i = firstLine;
        while (i <= n)
        {
            if (!IsVerticalChar(source.Line(i))) { i++; continue; }
            int runEnd = i;
            while (runEnd + 1 <= n && IsVerticalChar(source.Line(runEnd + 1))) runEnd++;
            if (runEnd - i + 1 < MinRun) { i = runEnd + 1; continue; }

            // Merge further runs of the same label block (separated by blank lines) and the number under it.
            var runs = new List<string> { Concat(source, i, runEnd) };
            int clusterStart = i, clusterEnd = runEnd;
            string? number = null;
            int j = runEnd + 1;
            while (j <= n)
            {
                var t = source.Line(j).Trim();
                if (t.IsEmpty) { j++; continue; }
                if (IsVerticalChar(source.Line(j)))
                {
                    int e = j;
                    while (e + 1 <= n && IsVerticalChar(source.Line(e + 1))) e++;
                    if (e - j + 1 >= 2) { runs.Add(Concat(source, j, e)); clusterEnd = e; j = e + 1; continue; }
                }
                if (number is null && IsSectionNumberLabel(t)) { number = t.ToString(); clusterEnd = j; j++; continue; }
                break;
            }
            // Backwards: blank lines, the running header and the footer just before the label.
            int k = clusterStart - 1, taken = 0;
            bool edge = false;
            while (k >= firstLine && taken < 4)
            {
                var t = source.Line(k).Trim();
                if (t.IsEmpty) { k--; continue; }
                var key = keys[k];
                bool repeated = key is not null && counts.GetValueOrDefault(key) >= 3;
                // A footer with the page number changes on every page, so it need not repeat to count.
                bool footer = t.Length <= 80 && HasPageNumberEdge(t) && !LooksLikeContent(t);
                if (!repeated && !IsPageNumber(t) && !footer) break;
                if (key is not null && repeated) headerKeys.Add(key);
                edge = true;
                clusterStart = k; k--; taken++;
            }
            for (int m = clusterStart; m <= clusterEnd; m++) furniture[m] = true;
            labels.Add(new SideLabel(i, runs, number, edge));
            i = clusterEnd + 1;
        }

        for (int line = firstLine; line <= n; line++)
        {
            var key = keys[line];
            if (key is null || furniture[line]) continue;
            int count = counts[key];
            if (count < 3) continue;
            var t = source.Line(line).Trim();
            if (headerKeys.Contains(key) || (t.Length >= 8 && HasPageNumberEdge(t) && key.Contains('#') && count >= 3 && !LooksLikeContent(t)))
                furniture[line] = true;
        }
        return new PageFurniture(furniture, labels);
    }

    /// <summary>A line of one visible letter (a character of a vertical label).</summary>
    internal static bool IsVerticalChar(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        if (t.Length != 1) return false;
        char c = t[0];
        return TextFolding.IsCjk(c) || c is '・' or 'ー' || (c >= '\uFF21' && c <= '\uFF3A') || (c >= 'A' && c <= 'Z');
    }

    private static bool IsSectionNumberLabel(ReadOnlySpan<char> t)
    {
        if (t.Length is 0 or > 8) return false;
        foreach (char c in t) if (!(char.IsAsciiDigit(c) || c == '.')) return false;
        return char.IsAsciiDigit(t[0]) && char.IsAsciiDigit(t[^1]);
    }

    private static bool IsPageNumber(ReadOnlySpan<char> t)
    {
        if (t.Length is 0 or > 4) return false;
        foreach (char c in t) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static bool HasPageNumberEdge(ReadOnlySpan<char> t) =>
        char.IsAsciiDigit(t[0]) || char.IsAsciiDigit(t[^1]);

    /// <summary>Sentences and list entries are content even when they repeat with numbers in them.</summary>
    private static bool LooksLikeContent(ReadOnlySpan<char> t) =>
        t.IndexOfAny(TextFolding.SentenceEnds) >= 0 || t.Contains('、') || t[0] is '・' or '•' or '（' or '(' or '［' or '【' or '■' or '●';

    private static string Concat(SourceText source, int from, int to)
    {
        var sb = new StringBuilder(to - from + 1);
        for (int l = from; l <= to; l++) sb.Append(source.Line(l).Trim());
        return sb.ToString();
    }

    /// <summary>The line with every run of digits replaced by '#', white space folded: page numbers vary, furniture doesn't.</summary>
    internal static string DigitKey(ReadOnlySpan<char> t)
    {
        Span<char> buffer = t.Length <= 256 ? stackalloc char[t.Length] : new char[t.Length];
        return buffer[..WriteDigitKey(t, buffer)].ToString();
    }

    /// <summary>Writes <see cref="DigitKey(ReadOnlySpan{char})"/> of <paramref name="t"/> into <paramref name="dest"/>
    /// (at least as long as <paramref name="t"/>) and returns its length.</summary>
    private static int WriteDigitKey(ReadOnlySpan<char> t, Span<char> dest)
    {
        int length = 0;
        bool digit = false;
        foreach (char c in t)
        {
            char f = TextFolding.Fold(c);
            if (char.IsAsciiDigit(f)) { if (!digit) dest[length++] = '#'; digit = true; continue; }
            digit = false;
            if (f == ' ') { if (length > 0 && dest[length - 1] != ' ') dest[length++] = ' '; continue; }
            dest[length++] = f;
        }
        return dest[..length].TrimEnd().Length;
    }
}
