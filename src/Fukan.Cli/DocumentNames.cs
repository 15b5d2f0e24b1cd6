using Fukan.Model;

namespace Fukan.Cli;

/// <summary>
/// How a user names a document (an id prefix, a file name prefix, a path or words of the title), and the message
/// for a name that matches none: it lists the documents there are, so the next try can be right.
/// </summary>
public static class DocumentNames
{
    /// <summary>True when <paramref name="reference"/> names at least one of <paramref name="documents"/> (as the store's resolver and the doc: filter read it).</summary>
    public static bool MatchesAny(IReadOnlyList<DocumentInfo> documents, string reference)
    {
        var r = reference.Trim();
        if (r.Length == 0) return false;
        foreach (var d in documents)
            if (d.Id.Value.StartsWith(r, StringComparison.OrdinalIgnoreCase) || d.Path == r
                || Path.GetFileName(d.Path).StartsWith(r, StringComparison.OrdinalIgnoreCase)
                || d.Title.Contains(r, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>The first <paramref name="max"/> of <paramref name="values"/>, comma separated, and how many more there are.</summary>
    public static string Some(IEnumerable<string> values, int max)
    {
        var list = values.ToList();
        var shown = string.Join(", ", list.Take(max));
        return list.Count > max ? $"{shown} and {list.Count - max} more" : shown;
    }

    /// <summary><c>no document matches 'zzz'; there are: 000_….txt, 001_….txt (`fukan docs` lists them)</c>.</summary>
    public static string NoMatch(IReadOnlyList<DocumentInfo> documents, string reference)
    {
        if (documents.Count == 0) return $"no document matches '{reference}': the knowledge base is empty";
        return $"no document matches '{reference}'; there are: {Some(documents.Select(d => Path.GetFileName(d.Path)), 8)} (`fukan docs` lists them)";
    }
}
