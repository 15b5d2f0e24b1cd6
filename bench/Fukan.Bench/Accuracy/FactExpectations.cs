using System.Globalization;

namespace Fukan.Bench.Accuracy;

/// <summary>
/// Hand-labelled facts of one seed, read from <c>tests/Fukan.Tests/Expectations/facts/</c>:
/// <c>NNN.quantity.tsv</c> (line, text, value, valueMax, unit, approx, bound) and <c>NNN.date.tsv</c>
/// (line, text, start, end, precision), "-" for null or false; <c>NNN.sample.txt</c> lists the lines a sampled seed's
/// labels cover (no file: every line is labelled).
/// </summary>
internal sealed class FactExpectations
{
    public required string Seed { get; init; }
    public required Dictionary<int, List<string>> Quantities { get; init; }
    public required Dictionary<int, List<string>> Dates { get; init; }
    /// <summary>Labelled lines, or null when the whole seed is labelled.</summary>
    public required SortedSet<int>? Sample { get; init; }

    public static FactExpectations Load(string directory, string seed)
    {
        var sampleFile = Path.Combine(directory, seed + ".sample.txt");
        SortedSet<int>? sample = null;
        if (File.Exists(sampleFile))
        {
            sample = new SortedSet<int>();
            foreach (var raw in File.ReadLines(sampleFile))
            {
                var line = StripComment(raw);
                if (line.Length > 0) sample.Add(int.Parse(line, CultureInfo.InvariantCulture));
            }
        }
        return new FactExpectations
        {
            Seed = seed,
            Quantities = ReadRows(Path.Combine(directory, seed + ".quantity.tsv"), 7, FactKeys.QuantityRow),
            Dates = ReadRows(Path.Combine(directory, seed + ".date.tsv"), 5, FactKeys.DateRow),
            Sample = sample,
        };
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return (hash >= 0 ? line[..hash] : line).Trim();
    }

    private static Dictionary<int, List<string>> ReadRows(string path, int columns, Func<string[], string> key)
    {
        var rows = new Dictionary<int, List<string>>();
        if (!File.Exists(path)) return rows;
        int n = 0;
        foreach (var raw in File.ReadLines(path))
        {
            n++;
            if (raw.Length == 0 || raw[0] == '#') continue;
            var cells = raw.Split('\t');
            if (cells.Length != columns) throw new FormatException($"{path}:{n}: expected {columns} tab-separated cells, got {cells.Length}");
            int line = int.Parse(cells[0], CultureInfo.InvariantCulture);
            if (!rows.TryGetValue(line, out var list)) rows[line] = list = new List<string>();
            list.Add(key(cells));
        }
        return rows;
    }
}
