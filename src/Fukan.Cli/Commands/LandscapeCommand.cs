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
        phase.CompletionSources.Add("basic", "applied", "other");
        var json = new Option<bool>("--json") { Description = "Print the rows as JSON" };
        var csv = new Option<bool>("--csv") { Description = "Print the rows as CSV" };
        var wide = new Option<bool>("--wide") { Description = "A column per country and phase (needs about 120 columns) instead of the compact heatmap" };
        var svg = new Option<string?>("--svg") { Description = "Also write the heatmap as an SVG file" };
        var changesSince = CliOptions.ChangesSince("Cells whose rating or trend changed in reports published since a date (2023, 2023-06 or 2023-06-15)");
        var command = new Command("landscape", "International comparison heatmap: research areas × countries, basic/applied, rating and trend") { doc, country, phase, json, csv, wide, svg, changesSince };
        CliOptions.OneOf(command, json, csv);
        CliOptions.OneOf(command, changesSince, doc);
        command.SetAction(async (result, ct) =>
        {
            if (CliOptions.LastDay(result, changesSince) is { } since)
            {
                await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
                var changes = await new Fukan.Contracts.FukanQueries(store).LandscapeChangesAsync(since, ct);
                if (result.GetValue(json)) { context.WriteJson(changes); return ExitCodes.Ok; }
                if (changes.Diff is { } diff)
                {
                    context.Console.MarkupLine($"[bold]changes since {Markup.Escape(changes.Since)}[/]: a report published since replaced the one the landscape showed then");
                    DiffCommand.Render(context.Console, diff);
                }
                else if (changes.Then is null)
                    context.Out.WriteLine($"no report with a comparison was published by {changes.Since}; every cell of {System.IO.Path.GetFileName(changes.Now.Path)} ({changes.Now.Id[..12]}, {changes.Now.Date ?? "undated"}) is new since then");
                else
                    context.Out.WriteLine($"no report published since {changes.Since} changes the landscape: it still shows {System.IO.Path.GetFileName(changes.Now.Path)} ({changes.Now.Id[..12]}, {changes.Now.Date ?? "undated"})");
                return ExitCodes.Ok;
            }
            var filter = Fukan.Contracts.FukanQueries.Filter([], result.GetValue(phase));
            var (choice, landscape) = await LoadAsync(context, result, result.GetValue(doc), ct);
            filter = filter with { Countries = Fukan.Contracts.FukanQueries.Countries(result.GetValue(country) ?? [], landscape) };
            var rows = Fukan.Contracts.FukanQueries.Rows(landscape, filter);

            if (result.GetValue(svg) is { } svgPath)
            {
                var matrix = LandscapeMatrix.Build(landscape, filter);
                var title = $"{choice.Document.Title} ({Name(choice.Document)})";
                WriteFile(svgPath, new Rendering.HeatmapSvgRenderer().Render(matrix, filter.Phase, title), "SVG");
                if (!result.GetValue(json) && !result.GetValue(csv)) context.Err.WriteLine($"fukan: wrote {matrix.Areas.Count} area(s) × {matrix.Countries.Count} countries to {svgPath}");
            }

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
            RenderHeatmap(context.Console, LandscapeMatrix.Build(landscape, filter), filter, result.GetValue(wide));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Writes an export; a path that cannot be written is one line naming it.</summary>
    internal static void WriteFile(string path, string text, string what)
    {
        try { File.WriteAllText(path, text); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"{path}: cannot write the {what}: {e.Message}");
        }
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
        var where = $"({TerminalText.DocRef(d.Id)}{date}, {Name(d)})";
        var title = TerminalText.Truncate(d.Title, Math.Max(12, context.Width - 1 - TerminalText.Width(where)));
        context.Console.MarkupLine($"[bold]{Markup.Escape(title)}[/] [grey]{Markup.Escape(where)}[/]");
        if (choice.Defaulted && choice.Candidates > 1)
            context.Console.MarkupLine($"[grey]the newest of {choice.Candidates} reports with a comparison; choose another with --doc[/]");
    }

    /// <summary>
    /// The heatmap, one line per area. Compact (the default): each country's basic and applied cells side by side
    /// under its code, so eight countries and the area title fit 80 columns. Wide (<c>--wide</c>): a column per
    /// country and phase, as laid out before.
    /// </summary>
    internal static void RenderHeatmap(IAnsiConsole console, LandscapeMatrix matrix, LandscapeFilter filter, bool wide)
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
        int total = console.Profile.Width;
        // Laid out by hand rather than with a Table: fixed cells, so the area and every country fit the width.
        var widths = new List<int>();
        foreach (var c in matrix.Countries)
            widths.Add(wide ? (Math.Max(3, c.Length) + 2) * slots.Length : Math.Max(2 * slots.Length, c.Length) + 1);
        int cells = 0;
        foreach (var w in widths) cells += w;
        int areaWidth = Math.Clamp(total - 3 - cells, 12, 70);
        var head = new System.Text.StringBuilder("  ").Append(TerminalText.Pad("area", areaWidth)).Append(' ');
        var sub = new System.Text.StringBuilder("  ").Append(' ', areaWidth + 1);
        for (int i = 0; i < matrix.Countries.Count; i++)
        {
            head.Append(TerminalText.Pad(matrix.Countries[i], widths[i]));
            if (slots.Length == 1) continue;
            sub.Append(TerminalText.Pad(wide ? TerminalText.Pad("b", widths[i] / 2) + "a" : "b a", widths[i]));
        }
        console.MarkupLine($"[bold]{Markup.Escape(head.ToString().TrimEnd())}[/]");
        if (slots.Length > 1) console.MarkupLine($"[grey]{Markup.Escape(sub.ToString().TrimEnd())}[/]");
        console.WriteLine("  " + new string('─', areaWidth + cells));
        string? division = null;
        var notes = new List<string>();
        foreach (var area in matrix.Areas)
        {
            if (area.Division is { } d && d != division)
            {
                division = d;
                console.MarkupLine($"  [bold]{Markup.Escape(TerminalText.Truncate(d, total - 2))}[/]");
            }
            string label = area.OtherPhases ? TerminalText.Truncate($"{area.AreaId} {area.Title}", areaWidth - 1) + "*" : TerminalText.Truncate($"{area.AreaId} {area.Title}", areaWidth);
            var line = new System.Text.StringBuilder("  ").Append(Markup.Escape(TerminalText.Pad(label, areaWidth))).Append(' ');
            for (int i = 0; i < matrix.Countries.Count; i++)
            {
                int used = 0;
                foreach (var s in slots)
                {
                    var row = area.Cell(matrix.Countries[i], s);
                    // Wide: each phase in its own column; compact: two columns per phase, side by side.
                    int slotWidth = wide ? widths[i] / slots.Length : 2;
                    line.Append(Cell(row)).Append(' ', slotWidth - CellWidth(row));
                    used += slotWidth;
                }
                line.Append(' ', widths[i] - used);
            }
            console.MarkupLine(line.ToString().TrimEnd());
            if (area.OtherPhases) notes.Add($"* {area.AreaId} rates {string.Join(" / ", area.SlotLabels)} instead of basic / applied: shown in the b / a columns");
            if (area.Hidden > 0) notes.Add($"{area.AreaId}: {area.Hidden} more row(s) in --json");
        }
        foreach (var l in TerminalText.Wrap("b = 基礎研究 basic research, a = 応用研究・開発 applied research & development; ? = not readable (see `fukan show DOC`)", total))
            console.MarkupLine($"[grey]{Markup.Escape(l)}[/]");
        const string ratings = "◎ particularly remarkable  ○ remarkable  △ not remarkable  × nothing notable", trends = "↗ rising  → steady  ↘ falling";
        // One legend line when it fits, else ratings and trends each on their own.
        foreach (var part in TerminalText.Width(ratings + "  ·  " + trends) <= total ? [ratings + "  ·  " + trends] : new[] { ratings, trends })
            foreach (var l in TerminalText.Wrap(part, total)) console.MarkupLine($"[grey]{Markup.Escape(l)}[/]");
        foreach (var n in notes)
            foreach (var l in TerminalText.Wrap(n, total)) console.MarkupLine($"[grey]{Markup.Escape(l)}[/]");
    }

    private static int CellWidth(ComparisonRow? row) => row is null ? 0 : (row.Rating is null && row.Trend is null ? 1 : 2);

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
}
