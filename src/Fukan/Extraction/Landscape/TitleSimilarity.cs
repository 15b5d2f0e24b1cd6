using Fukan.Normalizing;

namespace Fukan.Extraction.Landscape;

/// <summary>
/// How alike two titles are: the Dice coefficient of their character bigrams after folding width and case and
/// dropping spaces and punctuation (・ 、 ／ – …), 0 to 1. Japanese titles have no word breaks, so bigrams are
/// the unit; 「蓄電デバイス」 and 「蓄電池デバイス」 score 0.73, unrelated titles near 0.
/// </summary>
public static class TitleSimilarity
{
    public static double Of(string a, string b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        if (x.Length == 0 || y.Length == 0) return 0;
        if (x == y) return 1;
        if (x.Length == 1 || y.Length == 1) return x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal) ? 0.5 : 0;
        var bigrams = new Dictionary<int, int>();
        for (int i = 0; i + 1 < x.Length; i++)
        {
            int key = (x[i] << 16) | x[i + 1];
            bigrams[key] = bigrams.GetValueOrDefault(key) + 1;
        }
        int common = 0;
        for (int i = 0; i + 1 < y.Length; i++)
        {
            int key = (y[i] << 16) | y[i + 1];
            if (bigrams.TryGetValue(key, out int n) && n > 0) { common++; bigrams[key] = n - 1; }
        }
        return 2.0 * common / (x.Length - 1 + y.Length - 1);
    }

    /// <summary>The comparable form: folded, without spaces and punctuation.</summary>
    public static string Normalize(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (char c in s)
        {
            char f = TextFolding.Fold(c);
            if (char.IsLetterOrDigit(f)) sb.Append(f);
        }
        return sb.ToString();
    }
}
