using System.CommandLine;
using Fukan.Analysis.Landscape;
using Fukan.Extraction.Landscape;
using Fukan.Storage;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan diff A B [--json]</c>: what changed between two editions of a report (A older, B newer).</summary>
public static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Argument<string>("from") { Description = "The older edition: id prefix, file name prefix, path or title" };
        var to = new Argument<string>("to") { Description = "The newer edition" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("diff", "Compare two editions of a report: rating and trend changes, areas added, removed and renamed, keyword changes") { from, to, json };
        command.SetAction(async (result, ct) =>
        {
            EditionDiffResult diff;
            await using (var store = await context.OpenStoreAsync(result, mustExist: true, ct))
                diff = await new Fukan.Contracts.FukanQueries(store).DiffAsync(result.GetValue(from)!, result.GetValue(to)!, warning => context.Err.WriteLine($"fukan: warning: {warning}"), ct);
            if (result.GetValue(json))
            {
                context.WriteJson(diff);
                return ExitCodes.Ok;
            }
            Render(context.Console, diff);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Render(IAnsiConsole console, EditionDiffResult diff)
    {
        console.MarkupLine($"[bold]from[/] {Markup.Escape(diff.From.Title)} [grey]({Markup.Escape(TerminalText.DocRef(diff.From.DocumentId))}{Markup.Escape(diff.From.Date is { } fd ? ", " + fd : "")})[/]");
        console.MarkupLine($"[bold]to[/]   {Markup.Escape(diff.To.Title)} [grey]({Markup.Escape(TerminalText.DocRef(diff.To.DocumentId))}{Markup.Escape(diff.To.Date is { } td ? ", " + td : "")})[/]");
        console.MarkupLine($"{diff.Matches.Count} areas matched, {diff.AreasAdded.Count} added, {diff.AreasRemoved.Count} removed, {diff.AreasRenamed.Count} renamed, {diff.AreasRenumbered.Count} renumbered; {diff.Cells.Count} cells changed, {diff.KeywordsChanged.Count} keyword lists changed");
        foreach (var r in diff.AreasRenamed)
            console.MarkupLine($"  [yellow]renamed[/] {Markup.Escape(r.FromAreaId)} {Markup.Escape(r.From)} → {Markup.Escape(r.AreaId)} {Markup.Escape(r.To)}");
        foreach (var r in diff.AreasRenumbered)
            if (!diff.AreasRenamed.Any(n => n.AreaId == r.To))
                console.MarkupLine($"  [yellow]renumbered[/] {Markup.Escape(r.From)} → {Markup.Escape(r.To)} {Markup.Escape(r.Title)}");
        foreach (var a in diff.AreasAdded) console.MarkupLine($"  [green]added[/] {Markup.Escape(a.AreaId)} {Markup.Escape(a.Title)}");
        foreach (var a in diff.AreasRemoved) console.MarkupLine($"  [red]removed[/] {Markup.Escape(a.AreaId)} {Markup.Escape(a.Title)}");
        if (diff.Cells.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("[bold]rating and trend changes[/]");
            table.AddColumn("area").AddColumn("country").AddColumn("phase").AddColumn(new TableColumn("before").Centered()).AddColumn(new TableColumn("after").Centered());
            foreach (var c in diff.Cells)
                table.AddRow(Markup.Escape(TerminalText.Truncate($"{c.AreaId} {c.Area}", 44)), Markup.Escape(c.Country), Markup.Escape(c.PhaseLabel),
                    Show(c.Before), Show(c.After));
            console.Write(table);
        }
        foreach (var k in diff.KeywordsChanged)
        {
            console.MarkupLine($"[bold]{Markup.Escape(k.AreaId)} {Markup.Escape(k.Area)}[/] keywords");
            if (k.Added.Count > 0) console.MarkupLine($"  [green]+ {Markup.Escape(string.Join("、", k.Added))}[/]");
            if (k.Removed.Count > 0) console.MarkupLine($"  [red]- {Markup.Escape(string.Join("、", k.Removed))}[/]");
        }
    }

    private static string Show(RatingCell? c) =>
        c is null ? "[grey]—[/]" : $"{Markup.Escape(c.Rating ?? "?")}{Markup.Escape(ComparisonSymbols.Arrow(c.Trend))}";
}
