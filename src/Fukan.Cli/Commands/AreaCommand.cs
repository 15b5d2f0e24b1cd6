using System.CommandLine;
using Fukan.Analysis.Landscape;
using Fukan.Extraction.Landscape;
using Fukan.Model;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan area ID [--doc D] [--full] [--json]</c>: a research area's profile and its comparison rows.</summary>
public static class AreaCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Area: its number (2.1.1) or a part of its title (蓄電)" };
        var doc = LandscapeCommand.DocOption();
        var full = new Option<bool>("--full") { Description = "Print the overview, trends and challenges in full" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("area", "A research area's profile: definition, keywords, overview, trends, challenges, related areas and its comparison") { id, doc, full, json };
        command.SetAction(async (result, ct) =>
        {
            var (choice, landscape) = await LandscapeCommand.LoadAsync(context, result, result.GetValue(doc), ct);
            var (areaId, title, division) = Fukan.Contracts.FukanQueries.FindArea(landscape, result.GetValue(id)!);
            var profile = landscape.Profile(areaId);
            var rows = landscape.RowsOf(areaId);
            if (result.GetValue(json))
            {
                context.WriteJson(Fukan.Contracts.FukanQueries.Area(landscape, areaId));
                return ExitCodes.Ok;
            }
            LandscapeCommand.WriteHeader(context, choice);
            Render(context.Console, context.Out, areaId, title, division, profile, rows, result.GetValue(full), choice.Document);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, TextWriter plain, string areaId, string title, string? division, AreaProfile? profile, IReadOnlyList<ComparisonRow> rows, bool full, DocumentInfo doc)
    {
        console.WriteLine();
        console.MarkupLine($"[bold green]{Markup.Escape(areaId)}[/] [bold]{Markup.Escape(title)}[/]{(division is null ? "" : $"  [grey]{Markup.Escape(division)}[/]")}");
        if (profile is not null)
        {
            console.MarkupLine($"[grey]lines {profile.Source.Line}–{profile.Source.EndLine} (fukan source {Markup.Escape(doc.Id.Short)} --lines {profile.Source.Line}-{profile.Source.EndLine})[/]");
            Section(console, plain, "Definition", profile.Definition, full ? int.MaxValue : 600);
            if (profile.Keywords.Count > 0) Section(console, plain, "Keywords", string.Join("、", profile.Keywords), int.MaxValue);
            Section(console, plain, "Overview", profile.Overview, full ? int.MaxValue : 400);
            Section(console, plain, "Trends", profile.Trends, full ? int.MaxValue : 400);
            if (!full) Section(console, plain, "Projects", profile.Projects, 300);
            Section(console, plain, "Challenges", profile.Challenges, full ? int.MaxValue : 400);
            if (profile.Related.Count > 0)
            {
                console.MarkupLine("[bold]Related areas[/]");
                foreach (var r in profile.Related)
                {
                    var where = r.AreaId is { } id ? $"[green]→ {Markup.Escape(id)}[/]" : $"[grey]{Markup.Escape(string.Join(" ", new[] { r.Field, r.Number }.Where(x => x is not null)))}[/]";
                    console.MarkupLine($"  {Markup.Escape(r.Text)}  {where}");
                }
            }
        }
        if (rows.Count == 0)
        {
            console.MarkupLine("[grey]No international comparison rows for this area.[/]");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]国際比較 international comparison[/]");
        table.AddColumn(new TableColumn("country").NoWrap()).AddColumn(new TableColumn("phase").NoWrap()).AddColumn(new TableColumn("").Centered().NoWrap())
            .AddColumn(new TableColumn("evidence").Width(54)).AddColumn(new TableColumn("line").RightAligned());
        foreach (var r in rows)
        {
            string evidence = r.Evidence.Count == 0 ? "" : string.Join("\n", r.Evidence.Select(e => "•" + (full ? e : TerminalText.Truncate(e, 52))));
            table.AddRow(new Markup(Markup.Escape($"{r.Country} {r.CountryLabel}")), new Markup(Markup.Escape(r.PhaseLabel)),
                new Markup(LandscapeCommand.Cell(r)), new Markup(Markup.Escape(evidence)), new Markup(r.Source.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        console.Write(table);
    }

    /// <summary>A heading, then the text wrapped by display width at natural breaks (after 、。, between words).</summary>
    private static void Section(IAnsiConsole console, TextWriter plain, string name, string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        console.MarkupLine($"[bold]{name}[/]");
        var shown = text.Length <= max ? text : text[..max] + "… (--full for all)";
        foreach (var paragraph in shown.Split('\n'))
            foreach (var l in TerminalText.Wrap(paragraph, console.Profile.Width)) plain.WriteLine(l);
    }
}
