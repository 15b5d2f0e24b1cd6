using System.CommandLine;
using Fukan.Analysis.Landscape;
using Fukan.Extraction.Landscape;
using Fukan.Storage;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary>
/// <c>fukan landscape [--doc D] [--country C] [--phase P] [--json|--csv]</c>: the international comparison of a
/// report as a heatmap (areas × countries × basic/applied, rating and trend in each cell), as JSON rows or CSV.
/// </summary>
public static class LandscapeCommand
{
    public static Command Create(CliContext context)
    {
        var doc = DocOption();
        var country = new Option<string[]>("--country", "-c")
        {
            Description = "Only these countries: codes or names, repeatable or comma separated (JP, US, EU, CN, KR, TW, IN, OTHER, 日本 …)",
            AllowMultipleArgumentsPerToken = true,
        };
        var phase = new Option<string?>("--phase", "-p") { Description = "Only one phase: basic, applied or other" };
        var json = new Option<bool>("--json") { Description = "Print the rows as JSON" };
        var csv = new Option<bool>("--csv") { Description = "Print the rows as CSV" };
        var command = new Command("landscape", "International comparison heatmap: research areas × countries, basic/applied, rating and trend") { doc, country, phase, json, csv };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(json) && result.GetValue(csv)) throw new CliException("--json and --csv: choose one", ExitCodes.Usage);
            var filter = Fukan.Contracts.FukanQueries.Filter(result.GetValue(country), result.GetValue(phase));
            var (choice, landscape) = await LoadAsync(context, result, result.GetValue(doc), ct);
            var rows = Fukan.Contracts.FukanQueries.Rows(landscape, filter);
            if (result.GetValue(json))
            {
                context.WriteJson(rows);
                return ExitCodes.Ok;
            }
            if (result.GetValue(csv))
            {
                context.Out.WriteLine(ComparisonRowView.CsvHeader);
                foreach (var r in rows) context.Out.WriteLine(r.ToCsv());
                return ExitCodes.Ok;
            }
            WriteHeader(context, choice);
            RenderHeatmap(context.Console, LandscapeMatrix.Build(landscape, filter), filter);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The --doc option shared by landscape, area and gaps.</summary>
    internal static Option<string?> DocOption() => new("--doc", "-d")
    {
        Description = "Document: id prefix, file name prefix (001), path or title (default: the newest report with a comparison)",
    };

    /// <summary>Opens the store, picks the document (named, or the newest report) and loads its landscape.</summary>
    internal static async Task<(LandscapeReader.Choice Choice, LandscapeDocument Landscape)> LoadAsync(CliContext context, ParseResult result, string? reference, CancellationToken ct)
    {
        await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
        return await new Fukan.Contracts.FukanQueries(store).LandscapeAsync(reference, ct);
    }

    internal static string Name(Model.DocumentInfo d) => Fukan.Contracts.FukanQueries.Name(d);

    /// <summary>Which report this is, and that it was chosen by default when it was.</summary>
    internal static void WriteHeader(CliContext context, LandscapeReader.Choice choice)
    {
        var d = choice.Document;
        var date = d.DateText is { } t ? $", {t}" : "";
        context.Console.MarkupLine($"[bold]{Markup.Escape(d.Title)}[/] [grey]({Markup.Escape(d.Id.Short)}{Markup.Escape(date)}, {Markup.Escape(Name(d))})[/]");
        if (choice.Defaulted && choice.Candidates > 1)
            context.Console.MarkupLine($"[grey]the newest of {choice.Candidates} reports with a comparison; choose another with --doc[/]");
    }

    private static void RenderHeatmap(IAnsiConsole console, LandscapeMatrix matrix, LandscapeFilter filter)
    {
        if (matrix.Areas.Count == 0)
        {
            console.WriteLine("No rows match.");
            return;
        }
        var slots = filter.Phase switch
        {
            PhaseLabels.Basic => new[] { 0 },
            PhaseLabels.Applied => new[] { 1 },
            _ => new[] { 0, 1 },
        };
        // Laid out by hand rather than with a Table: fixed cells, so 120 columns hold the area and every country.
        var widths = new List<int>();
        foreach (var c in matrix.Countries) widths.Add(Math.Max(3, c.Length) + 2);
        int cells = 0;
        foreach (var w in widths) cells += w * slots.Length;
        int areaWidth = Math.Clamp(118 - cells, 16, 70);
        var head = new System.Text.StringBuilder("  ").Append(Pad("area", areaWidth)).Append(' ');
        var sub = new System.Text.StringBuilder("  ").Append(' ', areaWidth + 1);
        for (int i = 0; i < matrix.Countries.Count; i++)
            foreach (var s in slots)
            {
                head.Append(Pad(matrix.Countries[i], widths[i]));
                sub.Append(Pad(slots.Length > 1 ? (s == 0 ? "b" : "a") : "", widths[i]));
            }
        console.MarkupLine($"[bold]{Markup.Escape(head.ToString().TrimEnd())}[/]");
        if (slots.Length > 1) console.MarkupLine($"[grey]{Markup.Escape(sub.ToString().TrimEnd())}[/]");
        console.WriteLine("  " + new string('─', areaWidth + 1 + cells - 2));
        string? division = null;
        var notes = new List<string>();
        foreach (var area in matrix.Areas)
        {
            if (area.Division is { } d && d != division)
            {
                division = d;
                console.MarkupLine($"  [bold]{Markup.Escape(Truncate(d, areaWidth + cells))}[/]");
            }
            string label = area.OtherPhases ? Truncate($"{area.AreaId} {area.Title}", areaWidth - 1) + "*" : Truncate($"{area.AreaId} {area.Title}", areaWidth);
            var line = new System.Text.StringBuilder("  ").Append(Markup.Escape(Pad(label, areaWidth))).Append(' ');
            for (int i = 0; i < matrix.Countries.Count; i++)
                foreach (var s in slots)
                {
                    var row = area.Cell(matrix.Countries[i], s);
                    line.Append(Cell(row)).Append(' ', widths[i] - CellWidth(row));
                }
            console.MarkupLine(line.ToString().TrimEnd());
            if (area.OtherPhases) notes.Add($"* {area.AreaId} rates {string.Join(" / ", area.SlotLabels)} instead of basic / applied: shown in the b / a columns");
            if (area.Hidden > 0) notes.Add($"{area.AreaId}: {area.Hidden} more row(s) in --json");
        }
        console.MarkupLine("[grey]b = 基礎研究 basic research, a = 応用研究・開発 applied research & development; ? = not readable (see `fukan show DOC`)[/]");
        console.MarkupLine("[grey]◎ particularly remarkable  ○ remarkable  △ not remarkable  × nothing notable  ·  ↗ rising  → steady  ↘ falling[/]");
        foreach (var n in notes) console.MarkupLine($"[grey]{Markup.Escape(n)}[/]");
    }

    private static int CellWidth(ComparisonRow? row) => row is null ? 0 : (row.Rating is null && row.Trend is null ? 1 : 2);

    private static string Pad(string s, int width) => s + new string(' ', Math.Max(0, width - TerminalWidth(s)));

    /// <summary>Terminal columns: East Asian wide and full-width characters take two, the rest (◎ → – …) one.</summary>
    internal static int TerminalWidth(ReadOnlySpan<char> s)
    {
        int w = 0;
        foreach (char c in s)
            w += c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF'
                or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1;
        return w;
    }

    /// <summary>A heatmap cell: the rating and arrow, coloured by rating; "?" for a row whose values could not be read.</summary>
    internal static string Cell(ComparisonRow? row)
    {
        if (row is null) return "";
        string rating = row.Rating ?? "?";
        string arrow = row.Trend is null ? (row.Rating is null ? "" : "?") : ComparisonSymbols.Arrow(row.Trend);
        string ratingStyle = row.Rating switch { "◎" => "bold green", "○" => "green", "△" => "yellow", "×" => "red", _ => "grey" };
        string arrowStyle = row.Trend switch { "up" => "green", "down" => "red", _ => "grey" };
        return $"[{ratingStyle}]{Markup.Escape(rating)}[/][{arrowStyle}]{Markup.Escape(arrow)}[/]";
    }

    /// <summary>Cut to <paramref name="max"/> terminal columns (Japanese characters take two).</summary>
    internal static string Truncate(string s, int max)
    {
        if (TerminalWidth(s) <= max) return s;
        int width = 0, i = 0;
        for (; i < s.Length; i++)
        {
            int w = TerminalWidth(s.AsSpan(i, 1));
            if (width + w > max - 1) break;
            width += w;
        }
        return s[..i] + "…";
    }
}
