using System.Text.RegularExpressions;
using Fukan.Model;

namespace Fukan.Analysis.Conflicts;

/// <summary>
/// One labelled case of the conflict test set: a planted contradiction (<see cref="IsConflict"/>) or a look-alike
/// that must not be flagged. A group is this case when it has the kind, sides from every one of
/// <see cref="Files"/> (file names), and <see cref="Marker"/> in its key or a side's text, or a side of the last
/// file at <see cref="Line"/>.
/// </summary>
public sealed record ConflictCase(bool IsConflict, string Kind, IReadOnlyList<string> Files, string? Marker, int? Line = null);

/// <summary>Precision and recall of the conflict finder on a labelled test set.</summary>
/// <param name="Groups">Groups found.</param>
/// <param name="TruePositives">Groups that are a planted contradiction.</param>
/// <param name="Planted">Planted contradictions.</param>
/// <param name="Found">Planted contradictions found.</param>
/// <param name="LookAlikes">Look-alikes in the set.</param>
/// <param name="LookAlikesFlagged">Look-alikes wrongly flagged.</param>
/// <param name="Missed">The planted cases not found, for a reader.</param>
/// <param name="FalseAlarms">The keys of groups that are no planted case.</param>
public sealed record ConflictScore(int Groups, int TruePositives, int Planted, int Found, int LookAlikes, int LookAlikesFlagged,
    IReadOnlyList<string> Missed, IReadOnlyList<string> FalseAlarms)
{
    public double Precision => Groups == 0 ? 1 : (double)TruePositives / Groups;

    public double Recall => Planted == 0 ? 1 : (double)Found / Planted;
}

/// <summary>The measured-quality harness shared by the test and <c>fukan-bench conflicts</c>: the labelled cases, derived seed editions, the score.</summary>
public static partial class ConflictEvaluation
{
    /// <summary>Reads <c>label TAB kind TAB file,file TAB marker</c> lines (# comments).</summary>
    public static IReadOnlyList<ConflictCase> ReadCases(string path)
    {
        var cases = new List<ConflictCase>();
        foreach (var raw in File.ReadLines(path))
        {
            if (raw.Length == 0 || raw[0] == '#') continue;
            var f = raw.Split('\t');
            if (f.Length != 4 || f[0] is not ("conflict" or "lookalike")) throw new FormatException($"{path}: not a case: {raw}");
            cases.Add(new ConflictCase(f[0] == "conflict", f[1], f[2].Split(','), f[3]));
        }
        return cases;
    }

    /// <summary>Scores <paramref name="groups"/> against <paramref name="cases"/>; <paramref name="files"/> names each document id's file.</summary>
    public static ConflictScore Score(IReadOnlyList<ConflictGroup> groups, IReadOnlyList<ConflictCase> cases, IReadOnlyDictionary<string, string> files)
    {
        bool Is(ConflictGroup g, ConflictCase c)
        {
            if (g.Kind != c.Kind) return false;
            var names = g.Facts.Select(s => files.GetValueOrDefault(s.DocumentId, "")).ToHashSet(StringComparer.Ordinal);
            if (!c.Files.All(names.Contains)) return false;
            if (c.Line is { } line && !g.Facts.Any(s => files.GetValueOrDefault(s.DocumentId) == c.Files[^1] && s.Provenance.Line == line)) return false;
            return c.Marker is null || g.Key.Contains(c.Marker, StringComparison.Ordinal) || g.Facts.Any(s => s.Text.Contains(c.Marker, StringComparison.Ordinal));
        }
        var planted = cases.Where(c => c.IsConflict).ToList();
        var lookAlikes = cases.Where(c => !c.IsConflict).ToList();
        int tp = groups.Count(g => planted.Any(c => Is(g, c)));
        var missed = planted.Where(c => !groups.Any(g => Is(g, c))).Select(Describe).ToList();
        int flagged = lookAlikes.Count(c => groups.Any(g => Is(g, c)));
        var alarms = groups.Where(g => !planted.Any(c => Is(g, c))).Select(g => $"{g.Kind} {g.Key}").ToList();
        return new ConflictScore(groups.Count, tp, planted.Count, planted.Count - missed.Count, lookAlikes.Count, flagged, missed, alarms);
    }

    private static string Describe(ConflictCase c) => $"{c.Kind} {string.Join("+", c.Files)} {c.Marker ?? "line " + c.Line}";

    /// <summary>
    /// Derived editions of a panoramic report (the 001 seed's layout) written to <paramref name="directory"/>: a later
    /// edition (same title, the year two later) with <paramref name="flips"/> cells rated otherwise — look-alikes: a
    /// change between editions — and an independent survey of the same date (another title) with other cells
    /// rated otherwise — planted contradictions with the original. Returns the cases (by the flipped line).
    /// </summary>
    public static IReadOnlyList<ConflictCase> DeriveEditions(string reportPath, string directory, int flips = 12)
    {
        var name = Path.GetFileName(reportPath);
        var lines = File.ReadAllLines(reportPath);
        var cells = new List<int>();
        for (int i = 0; i < lines.Length; i++) if (Cell().IsMatch(lines[i])) cells.Add(i);
        if (cells.Count < 2 * flips) throw new FormatException($"{reportPath}: only {cells.Count} comparison cells, {2 * flips} needed");
        var title = lines.Select((l, i) => (l, i)).First(x => x.l.Trim().Length > 0);
        var year = YearInTitle().Match(title.l);
        if (!year.Success) throw new FormatException($"{reportPath}: no （YYYY 年） in the title line");
        int y = int.Parse(year.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var cases = new List<ConflictCase>();

        // The later edition: every year-of-edition mark and the dateline move two years on.
        var edition = (string[])lines.Clone();
        for (int i = 0; i < edition.Length; i++)
        {
            edition[i] = YearInTitle().Replace(edition[i], m => m.Value.Replace(m.Groups[1].Value, (y + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            if (Dateline().IsMatch(edition[i]) && edition[i].Contains(y.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
                edition[i] = edition[i].Replace(y.ToString(System.Globalization.CultureInfo.InvariantCulture), (y + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        var survey = (string[])lines.Clone();
        // The survey's title names no edition; its running heads go too, so it reads as another publisher's.
        for (int i = 0; i < survey.Length; i++)
            if (YearInTitle().IsMatch(survey[i]) && survey[i].Contains("報告書", StringComparison.Ordinal)) survey[i] = i == title.i ? "材料技術の国際ベンチマーク調査" : "";
        string editionName = "derived-edition-" + name, surveyName = "derived-survey-" + name;
        int step = cells.Count / (2 * flips);
        for (int k = 0; k < 2 * flips; k++)
        {
            int line = cells[k * step];
            bool toEdition = k % 2 == 0;
            var target = toEdition ? edition : survey;
            target[line] = Flip(target[line]);
            cases.Add(toEdition
                ? new ConflictCase(false, ConflictKinds.Comparison, [name, editionName], null, line + 1)
                : new ConflictCase(true, ConflictKinds.Comparison, [name, surveyName], null, line + 1));
        }
        File.WriteAllLines(Path.Combine(directory, editionName), edition);
        File.WriteAllLines(Path.Combine(directory, surveyName), survey);
        File.Copy(reportPath, Path.Combine(directory, name), overwrite: true);
        return cases;
    }

    private static string Flip(string line)
    {
        var m = Cell().Match(line);
        var rating = m.Groups[2].Value;
        var other = rating is "◎" ? "△" : rating is "△" or "×" ? "◎" : "×";
        return line[..m.Groups[2].Index] + other + line[(m.Groups[2].Index + m.Groups[2].Length)..];
    }

    [GeneratedRegex(@"^(基礎研究|応用研究・開発)\s*([◎○〇△×])")]
    private static partial Regex Cell();

    [GeneratedRegex(@"（\s*(\d{4})\s*年\s*）")]
    private static partial Regex YearInTitle();

    [GeneratedRegex(@"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*$")]
    private static partial Regex Dateline();
}
