using System.Text.RegularExpressions;

namespace Fukan.Structure;

/// <summary>
/// Counts the matches of a line-anchored pattern (<c>^\s*X…</c> in multiline mode) as <see cref="Regex.Count(ReadOnlySpan{char})"/>
/// does, but hands the regex only the lines that can match: those whose first non-white character (white space
/// may run across lines, as <c>\s*</c> does) passes <c>mayStart</c>. In a long report only a few lines start
/// with a digit or a '#', so the regex runs a few dozen times instead of once per line.
/// </summary>
internal static class LineStartMatchCounter
{
    /// <param name="regex">A pattern that can match only at a line start, where <c>\s*</c> is followed by a character passing <paramref name="mayStart"/>.</param>
    /// <param name="text">The text to count in.</param>
    /// <param name="mayStart">True for a character that can follow the leading white space of a match.</param>
    public static int Count(Regex regex, ReadOnlySpan<char> text, Func<char, bool> mayStart)
    {
        int count = 0, pos = 0;
        while (true)
        {
            int candidate = NextCandidateLine(text, pos, mayStart);
            if (candidate < 0) return count;
            // No match starts in [pos, candidate): the next one Count would find is the first from candidate on.
            bool found = false;
            foreach (var m in regex.EnumerateMatches(text, candidate))
            {
                count++;
                pos = m.Index + Math.Max(m.Length, 1);
                found = true;
                break;
            }
            if (!found) return count;
        }
    }

    /// <summary>The first line start at or after <paramref name="pos"/> whose first non-white character passes <paramref name="mayStart"/>, or -1.</summary>
    private static int NextCandidateLine(ReadOnlySpan<char> text, int pos, Func<char, bool> mayStart)
    {
        int line = pos;
        if (line > 0 && text[line - 1] != '\n')
        {
            int nl = text[line..].IndexOf('\n');
            if (nl < 0) return -1;
            line += nl + 1;
        }
        while (line < text.Length)
        {
            int first = line;
            while (first < text.Length && char.IsWhiteSpace(text[first])) first++;
            if (first == text.Length) return -1;
            if (mayStart(text[first])) return line;
            // Every line start between line and first leads to the same character: skip them all.
            int nl = text[first..].IndexOf('\n');
            if (nl < 0) return -1;
            line = first + nl + 1;
        }
        return -1;
    }
}
