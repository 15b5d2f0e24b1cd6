using System.CommandLine;
using Fukan.Analysis.Timeline;
using Fukan.Model;
using Fukan.Rendering;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan timeline [--from Y --to Y] [--group domain|actor|document] [--json] [--svg FILE]</c>.</summary>
public static class TimelineCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<int?>("--from") { Description = "First year shown" };
        var to = new Option<int?>("--to") { Description = "Last year shown" };
        var group = new Option<string>("--group") { Description = "Lanes: domain (default), actor or document", DefaultValueFactory = _ => "domain" };
        var domain = new Option<string?>("--domain") { Description = "Only this domain (AI, semiconductors, batteries, energy, quantum, bio, materials, policy, other)" };
        var doc = new Option<string?>("--doc") { Description = "Only this document" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var svg = new Option<string?>("--svg") { Description = "Also write the timeline as an SVG file" };
        var command = new Command("timeline", "Milestones (dated events, planned or done) on a time axis") { from, to, group, domain, doc, json, svg };
        command.SetAction(async (result, ct) =>
        {
            var queries = new Fukan.Contracts.FukanQueries(await context.OpenStoreAsync(result, mustExist: true, ct));
            await using var store = queries.Store;
            var info = result.GetValue(doc) is { } d ? await queries.ResolveAsync(d, ct) : null;
            var view = await queries.TimelineAsync(result.GetValue(from), result.GetValue(to), result.GetValue(group), result.GetValue(domain), info, ct);

            if (result.GetValue(svg) is { } svgPath)
            {
                var title = $"Fukan timeline {view.FromYear}–{view.ToYear}";
                try { await File.WriteAllTextAsync(svgPath, new TimelineSvgRenderer().Render(view, title), ct); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
                {
                    throw new CliException($"{svgPath}: cannot write the SVG: {e.Message}");
                }
                if (!result.GetValue(json)) context.Err.WriteLine($"fukan: wrote {view.Count} milestone(s) to {svgPath}");
            }
            if (result.GetValue(json))
            {
                context.WriteJson(Fukan.Contracts.TimelineEntry.Of(view));
                return ExitCodes.Ok;
            }
            if (view.Count == 0) { context.Out.WriteLine("No dated milestones in that range."); return ExitCodes.Ok; }
            foreach (var lane in view.Lanes)
            {
                var table = new Table().Border(TableBorder.Simple).Title($"[bold]{Markup.Escape(lane.Name)}[/] ({lane.Events.Count})")
                    .AddColumn("when").AddColumn("status").AddColumn("milestone").AddColumn("actors").AddColumn("line");
                foreach (var e in lane.Events)
                    table.AddRow(Markup.Escape(When(e)), e.Status == "planned" ? "[yellow]planned[/]" : e.Status == "done" ? "[green]done[/]" : "[grey]?[/]",
                        Markup.Escape(DocsCommand.Truncate(e.Label, 64)), Markup.Escape(DocsCommand.Truncate(string.Join(", ", e.Actors), 24)),
                        $"{e.Source.Document.Short[..6]}:{e.Source.Line}");
                context.Console.Write(table);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string When(Extraction.Events.EventFact e) => e.Date.Precision switch
    {
        "day" => e.Date.Start?.ToString("yyyy-MM-dd") ?? e.DateText,
        "month" => e.Date.Start?.ToString("yyyy-MM") ?? e.DateText,
        "year" => e.Date.Start?.Year.ToString() ?? e.DateText,
        "open" => e.Date.Start is { } s ? $"{s:yyyy-MM}…" : $"…{e.Date.End:yyyy-MM}",
        // A part of one month (2025年12月中旬: the 11th to the 20th) shows its days.
        _ when e.Date.Start is { } a && e.Date.End is { } b && a.Year == b.Year && a.Month == b.Month
            => a.Day == b.Day ? $"{a:yyyy-MM-dd}" : $"{a:yyyy-MM-dd}–{b:dd}",
        _ => $"{e.Date.Start:yyyy-MM}–{e.Date.End:yyyy-MM}",
    };
}
