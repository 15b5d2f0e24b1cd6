namespace Fukan.Bench.Search;

/// <summary>
/// A judged query: the query text and the original line ranges of the passages judged relevant, keyed by
/// the seed's file prefix (<c>001:5354-5420</c>), so judgments survive changes in passage splitting.
/// File format (TSV): <c>query TAB ranges TAB note</c>, ranges comma-separated; # starts a comment.
/// </summary>
internal sealed record JudgedQuery(string Query, IReadOnlyList<(string Prefix, int From, int To)> Relevant, string Note)
{
    public static List<JudgedQuery> Load(string path)
    {
        var list = new List<JudgedQuery>();
        foreach (var raw in File.ReadAllLines(path))
        {
            if (raw.Length == 0 || raw.StartsWith('#')) continue;
            var f = raw.Split('\t');
            if (f.Length < 2) throw new FormatException($"{path}: expected query TAB ranges: {raw}");
            var ranges = new List<(string, int, int)>();
            foreach (var r in f[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = r.IndexOf(':');
                var lines = r[(colon + 1)..].Split('-');
                int from = int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture);
                int to = lines.Length > 1 ? int.Parse(lines[1], System.Globalization.CultureInfo.InvariantCulture) : from;
                ranges.Add((r[..colon], from, to));
            }
            list.Add(new JudgedQuery(f[0], ranges, f.Length > 2 ? f[2] : ""));
        }
        return list;
    }
}
