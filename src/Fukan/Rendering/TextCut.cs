namespace Fukan.Rendering;

/// <summary>Shortening labels for display: the one place that cuts document text, so a cut never splits 𠮷.</summary>
public static class TextCut
{
    /// <summary>
    /// <paramref name="s"/> when it has at most <paramref name="max"/> characters, else its first ones and "…" in
    /// <paramref name="max"/> characters at most; a surrogate pair at the cut is left out whole, never halved.
    /// </summary>
    public static string Ellipsis(string s, int max)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Length <= max) return s;
        int cut = Math.Max(0, max - 1);
        if (cut > 0 && char.IsHighSurrogate(s[cut - 1])) cut--;
        return s[..cut] + "…";
    }
}
