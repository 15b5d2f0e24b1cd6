using System.Globalization;
using System.Text;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Minutes;
using Fukan.Extraction.Quantities;
using Fukan.Model;
using Fukan.Pipeline;

namespace Fukan.Bench.Accuracy;

/// <summary>
/// The <c>realdocs</c> verb: runs the whole pipeline over the real public documents in
/// <c>tests/Fukan.Tests/RealDocuments/docs/</c> (none written here; origins and licences in <c>SOURCES.md</c>) and
/// compares with the labels read by hand in <c>expect/NAME.tsv</c>. Prints precision and recall per document and per
/// fact kind, then the totals against the targets.
/// </summary>
/// <remarks>
/// Label lines, tab-separated, the first cell naming the kind:
/// <c>kind K</c>; <c>title TEXT</c> (the document title, spaces ignored);
/// <c>heading LINE TITLE</c> (a section starts on LINE and its title, spaces ignored, contains TITLE);
/// <c>quantity LINE text value valueMax unit approx bound</c> and <c>date LINE text start end precision</c>
/// (as <c>facts-accuracy</c>: every field must agree, "-" for null); <c>attendee NAME ROLE</c> (spaces in the name
/// ignored; the role must agree); <c>statement LINE SPEAKER</c> (a statement whose provenance starts on LINE, its
/// speaker name with spaces ignored, "-" for none); <c>KIND none</c> marks a kind as labelled with nothing expected, so
/// every prediction of it is an error.
/// A document without any label of a kind is not scored for that kind (shown as "·").
/// </remarks>
internal static class RealDocsAccuracy
{
    private static readonly string[] Kinds = ["kind", "title", "heading", "quantity", "date", "attendee", "statement"];

    private sealed class Score
    {
        public int Hits, Predicted, Expected;
        public bool Labelled;
        public double Precision => Predicted == 0 ? 1 : (double)Hits / Predicted;
        public double Recall => Expected == 0 ? 1 : (double)Hits / Expected;

        public void Add(Score o)
        {
            Hits += o.Hits;
            Predicted += o.Predicted;
            Expected += o.Expected;
            Labelled |= o.Labelled;
        }
    }

    public static int Run(string[] args)
    {
        string? dir = null, only = null;
        bool verbose = false, dump = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dir" when i + 1 < args.Length: dir = args[++i]; break;
                case "--doc" when i + 1 < args.Length: only = args[++i]; break;
                case "--verbose" or "-v": verbose = true; break;
                case "--dump": dump = true; break;
                default: throw new ArgumentException($"realdocs: unknown option {args[i]}");
            }
        }
        dir ??= FindUp(Path.Combine("tests", "Fukan.Tests", "RealDocuments"))
            ?? throw new DirectoryNotFoundException("realdocs: tests/Fukan.Tests/RealDocuments not found (or --dir)");
        var docsDir = Path.Combine(dir, "docs");
        var expectDir = Path.Combine(dir, "expect");
        if (!Directory.Exists(docsDir)) throw new DirectoryNotFoundException($"realdocs: {docsDir} not found");

        var pipeline = new FukanPipelineBuilder().UseDefaults().Build();
        var files = Directory.GetFiles(docsDir);
        Array.Sort(files, StringComparer.Ordinal);
        var totals = Kinds.ToDictionary(k => k, _ => new Score());
        if (!dump)
            Console.WriteLine($"{"document",-36} {"kind",-6} {"title",-5} {"headings",-11} {"quantities",-11} {"dates",-11} {"attendees",-11} {"statements",-11}");
        foreach (var path in files)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (only is not null && name != only) continue;
            var result = pipeline.Process(path, File.ReadAllBytes(path));
            if (result.Document is not { } doc)
            {
                Console.WriteLine($"{name,-36} not read: {string.Join("; ", result.Diagnostics)}");
                continue;
            }
            var predicted = Predict(doc);
            if (dump)
            {
                Console.WriteLine($"# {name}: {doc.Info.Kind.ToName()} '{doc.Info.Title}' date={doc.Info.DateText}");
                foreach (var k in Kinds)
                    foreach (var p in predicted[k]) Console.WriteLine($"{k}\t{p}");
                continue;
            }
            var expectFile = Path.Combine(expectDir, name + ".tsv");
            var labelledEmpty = new HashSet<string>(StringComparer.Ordinal);
            var expected = Load(expectFile, labelledEmpty);
            var row = new StringBuilder();
            row.Append(CultureInfo.InvariantCulture, $"{name,-36}");
            foreach (var k in Kinds)
            {
                var s = Compare(name, k, predicted[k], expected[k], verbose, k is "title" or "kind", labelledEmpty.Contains(k));
                totals[k].Add(s);
                row.Append(' ').Append(Cell(k, s));
            }
            Console.WriteLine(row.ToString());
        }
        if (dump) return 0;
        Console.WriteLine();
        Console.WriteLine("kind        hits  pred  gold  precision  recall   target");
        foreach (var k in Kinds)
        {
            var s = totals[k];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{k,-10} {s.Hits,5} {s.Predicted,5} {s.Expected,5}  {s.Precision,9:F3}  {s.Recall,6:F3}   {Target(k)}"));
        }
        Console.WriteLine("(attendees count as hits only with the labelled role; a heading needs its line and its title)");
        return 0;
    }

    private static string Target(string kind) => kind switch
    {
        "kind" => "100 %",
        "heading" => "P,R >= 0.90",
        "quantity" => "P >= 0.95, R >= 0.90",
        "date" => "R >= 0.90",
        "attendee" => "R >= 0.90 with role",
        _ => "",
    };

    private static string Cell(string kind, Score s)
    {
        if (!s.Labelled) return kind is "kind" ? $"{"·",-6}" : kind is "title" ? $"{"·",-5}" : $"{"·",-11}";
        if (kind is "kind") return $"{(s.Hits == s.Expected ? "ok" : "WRONG"),-6}";
        if (kind is "title") return $"{(s.Hits == s.Expected ? "ok" : "no"),-5}";
        return string.Create(CultureInfo.InvariantCulture, $"{s.Hits,3}/{s.Expected,-3}p{s.Precision:F2}").PadRight(11);
    }

    private static Score Compare(string doc, string kind, List<string> predicted, List<string> expected, bool verbose, bool single, bool labelledEmpty)
    {
        var score = new Score { Labelled = expected.Count > 0 || labelledEmpty };
        if (!score.Labelled) return score;
        var remaining = new List<string>(expected);
        score.Expected = remaining.Count;
        score.Predicted = single ? Math.Min(predicted.Count, 1) : predicted.Count;
        foreach (var p in single ? predicted.Take(1) : predicted)
        {
            int at = kind switch
            {
                "heading" => remaining.FindIndex(e => HeadingMatches(p, e)),
                "title" => remaining.FindIndex(e => TitleMatches(p, e)),
                _ => remaining.IndexOf(p),
            };
            if (at >= 0)
            {
                score.Hits++;
                remaining.RemoveAt(at);
            }
            else if (verbose) Console.WriteLine($"  {doc} {kind} extra   {p}");
        }
        if (verbose)
            foreach (var m in remaining) Console.WriteLine($"  {doc} {kind} missing {m}");
        return score;
    }

    /// <summary>One title contains the other and the shorter has at least two thirds of the longer's length (会議録 dropped or kept).</summary>
    private static bool TitleMatches(string predicted, string expected)
    {
        var (shorter, longer) = predicted.Length <= expected.Length ? (predicted, expected) : (expected, predicted);
        return shorter.Length * 3 >= longer.Length * 2 && longer.Contains(shorter, StringComparison.Ordinal);
    }

    /// <summary>Predicted "LINE\tLABEL" against expected "LINE\tTITLE": same line, and the label contains the title.</summary>
    private static bool HeadingMatches(string predicted, string expected)
    {
        int pt = predicted.IndexOf('\t'), et = expected.IndexOf('\t');
        if (pt < 0 || et < 0 || predicted[..pt] != expected[..et]) return false;
        return predicted[(pt + 1)..].Contains(expected[(et + 1)..], StringComparison.Ordinal);
    }

    private static Dictionary<string, List<string>> Predict(ProcessedDocument doc)
    {
        var d = Kinds.ToDictionary(k => k, _ => new List<string>());
        d["kind"].Add(doc.Info.Kind.ToName());
        d["title"].Add(Squeeze(doc.Info.Title));
        foreach (var s in doc.Sections)
            if (s.Kind != SectionKind.Block) d["heading"].Add($"{s.StartLine}\t{Squeeze(s.Label)}");
        foreach (var f in doc.Facts)
        {
            switch (f)
            {
                case QuantityFact q:
                    d["quantity"].Add($"{q.Source.Line}\t" + FactKeys.Of(q));
                    break;
                case DateFact t:
                    d["date"].Add($"{t.Source.Line}\t" + FactKeys.Of(t));
                    break;
                case MinutesFact m:
                    foreach (var a in m.Digest.Attendees) d["attendee"].Add($"{Squeeze(a.Name)}\t{a.Role.ToString().ToLowerInvariant()}");
                    foreach (var st in m.Digest.Statements) d["statement"].Add($"{st.Provenance.Line}\t{Squeeze(st.SpeakerName ?? "-")}");
                    if (!string.IsNullOrWhiteSpace(m.Digest.Title)) d["title"][0] = Squeeze(m.Digest.Title);
                    break;
            }
        }
        return d;
    }

    private static Dictionary<string, List<string>> Load(string path, HashSet<string> labelledEmpty)
    {
        var d = Kinds.ToDictionary(k => k, _ => new List<string>());
        if (!File.Exists(path)) return d;
        int n = 0;
        foreach (var raw in File.ReadLines(path))
        {
            n++;
            if (raw.Length == 0 || raw[0] == '#') continue;
            var cells = raw.Split('\t');
            var kind = cells[0];
            if (!d.TryGetValue(kind, out var list)) throw new FormatException($"{path}:{n}: unknown label kind '{kind}'");
            if (cells.Length == 2 && cells[1] == "none")
            {
                labelledEmpty.Add(kind);
                continue;
            }
            string key = kind switch
            {
                "kind" or "title" => Squeeze(cells[1]),
                "heading" => $"{cells[1]}\t{Squeeze(cells[2])}",
                "quantity" when cells.Length == 8 => $"{cells[1]}\t" + FactKeys.QuantityRow(cells[1..]),
                "date" when cells.Length == 6 => $"{cells[1]}\t" + FactKeys.DateRow(cells[1..]),
                "attendee" when cells.Length == 3 => $"{Squeeze(cells[1])}\t{cells[2]}",
                "statement" when cells.Length == 3 => $"{cells[1]}\t{Squeeze(cells[2])}",
                _ => throw new FormatException($"{path}:{n}: wrong number of cells for '{kind}'"),
            };
            list.Add(key);
        }
        return d;
    }

    private static string Squeeze(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    private static string? FindUp(string relative)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }
}
