using System.CommandLine;
using Fukan.Analysis.Landscape;
using Fukan.Extraction.Landscape;
using Fukan.Model;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan area ID [--doc D] [--full] [--json]</c>: a research area's profile and its comparison rows.</summary>
public static class AreaCommand
{
    /// <summary>The <c>fukan area --json</c> contract.</summary>
    public sealed record AreaView(
        string DocumentId,
        string AreaId,
        string Title,
        string? Division,
        string? DivisionId,
        string? Definition,
        IReadOnlyList<string> Keywords,
        string? Overview,
        string? Trends,
        string? Projects,
        string? Challenges,
        IReadOnlyList<RelatedArea> Related,
        IReadOnlyList<ComparisonRowView> Comparison,
        Provenance? Provenance);

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
            var (areaId, title, division) = Find(landscape, result.GetValue(id)!, choice.Document);
            var profile = landscape.Profile(areaId);
            var rows = landscape.RowsOf(areaId);
            var views = new List<ComparisonRowView>(rows.Count);
            foreach (var r in rows) views.Add(ComparisonRowView.Of(r));
            if (result.GetValue(json))
            {
                context.WriteJson(new AreaView(choice.Document.Id.Value, areaId, title, profile?.Division ?? division, profile?.DivisionId,
                    profile?.Definition, profile?.Keywords ?? [], profile?.Overview, profile?.Trends, profile?.Projects, profile?.Challenges,
                    profile?.Related ?? [], views, profile?.Source));
                return ExitCodes.Ok;
            }
            LandscapeCommand.WriteHeader(context, choice);
            Render(context.Console, context.Out, areaId, title, division, profile, rows, result.GetValue(full), choice.Document);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The area named by <paramref name="query"/>: an exact id, else the one title containing it, else the most similar title.</summary>
    private static (string AreaId, string Title, string? Division) Find(LandscapeDocument landscape, string query, DocumentInfo doc)
    {
        var areas = landscape.AreaList();
        var q = query.Trim();
        foreach (var a in areas) if (a.AreaId == q) return a;
        var containing = new List<(string AreaId, string Title, string? Division)>();
        var nq = TitleSimilarity.Normalize(q);
        foreach (var a in areas) if (nq.Length > 0 && TitleSimilarity.Normalize(a.Title).Contains(nq, StringComparison.Ordinal)) containing.Add(a);
        if (containing.Count == 1) return containing[0];
        if (containing.Count > 1)
            throw new CliException($"'{query}' matches {containing.Count} areas of {LandscapeCommand.Name(doc)}: {string.Join(", ", containing.Take(6).Select(a => $"{a.AreaId} {a.Title}"))}");
        (string, string, string?)? best = null;
        double score = 0;
        foreach (var a in areas)
        {
            double s = TitleSimilarity.Of(q, a.Title);
            if (s > score) { score = s; best = a; }
        }
        if (best is { } b && score >= 0.5) return b;
        throw new CliException($"no area '{query}' in {LandscapeCommand.Name(doc)}; its areas: {DocumentNames.Some(areas.Select(a => $"{a.AreaId} {a.Title}"), 6)} (`fukan landscape` lists them)");
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
