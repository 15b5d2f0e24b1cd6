using System.CommandLine;
using Fukan.Analysis.Timeline;
using Fukan.Model;
using Fukan.Rendering;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan timeline [--from Y --to Y] [--top N | --all] [--group domain|actor|document] [--json] [--svg FILE]</c>.</summary>
public static class TimelineCommand
{
    /// <summary>The default view: this many milestones, the most salient.</summary>
    public const int DefaultTop = 20;

    public static Command Create(CliContext context)
    {
        var from = CliOptions.Year("--from", "First year shown");
        var to = CliOptions.Year("--to", "Last year shown");
        var group = new Option<string>("--group") { Description = "Lanes: domain (default), actor or document", DefaultValueFactory = _ => "domain" };
        group.CompletionSources.Add("domain", "actor", "document");
        var domain = new Option<string?>("--domain") { Description = "Only this domain (AI, semiconductors, batteries, energy, quantum, bio, materials, policy, other)" };
        var doc = new Option<string?>("--doc") { Description = "Only this document" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var svg = new Option<string?>("--svg") { Description = "Also write the timeline as an SVG file" };
        var changes = new Option<bool>("--changes") { Description = "Milestones announced with different dates by sources published at different times: slipped or advanced, with every source's lines" };
        var top = new Option<int>("--top") { Description = $"The N most salient milestones, duplicates merged (default {DefaultTop})", DefaultValueFactory = _ => DefaultTop };
        var all = new Option<bool>("--all") { Description = "Every dated milestone in the range, not only the most salient" };
        var command = new Command("timeline", "Milestones (dated events, planned or done) on a time axis: the most salient first, --all for every one") { from, to, group, domain, doc, json, svg, changes, top, all };
        command.Validators.Add(r =>
        {
            if (CliOptions.ValueOf(r, from) is int a && CliOptions.ValueOf(r, to) is int b && a > b) r.AddError($"--from {a} --to {b}: the range runs backwards (did you mean --from {b} --to {a}?)");
            if (r.GetResult(top) is { Implicit: false } && r.GetResult(all) is { Implicit: false } && r.GetValue(all)) r.AddError("--top and --all: choose one (--all lists every milestone)");
            if (r.GetResult(top) is { Implicit: false } && r.GetValue(top) < 1) r.AddError($"--top {r.GetValue(top)}: give a number of milestones of 1 or more");
        });
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(svg) is { } named && string.IsNullOrWhiteSpace(named)) throw new CliException("--svg: needs a file name", ExitCodes.Usage);
            Fukan.Contracts.FukanQueries.Grouping(result.GetValue(group));   // a bad --group is a usage error, with --changes too
            var queries = new Fukan.Contracts.FukanQueries(await context.OpenStoreAsync(result, mustExist: true, ct));
            await using var store = queries.Store;
            if (result.GetValue(changes)) return await WriteChangesAsync(context, store, result.GetValue(json), ct);
            var info = result.GetValue(doc) is { } d ? await queries.ResolveAsync(d, ct) : null;
            int? n = result.GetValue(all) ? null : result.GetValue(top);
            var view = await queries.TimelineAsync(result.GetValue(from), result.GetValue(to), result.GetValue(group), result.GetValue(domain), info, n, ct);

            if (result.GetValue(svg) is { } svgPath)
            {
                var title = $"Fukan timeline {view.FromYear}–{view.ToYear}";
                LandscapeCommand.WriteFile(svgPath, new TimelineSvgRenderer().Render(view, title), "SVG");
                if (!result.GetValue(json)) context.Err.WriteLine($"fukan: wrote {view.Count} milestone(s) to {svgPath}");
            }
            if (result.GetValue(json))
            {
                context.WriteJson(Fukan.Contracts.TimelineEntry.Of(view));
                return ExitCodes.Ok;
            }
            if (view.Count == 0) { context.Out.WriteLine("No dated milestones in that range."); return ExitCodes.Ok; }
            bool narrow = context.Width < 100;
            bool unknown = false, open = false, merged = false;
            bool topView = view.Top is not null;
            foreach (var lane in view.Lanes)
            {
                var table = new Table().Border(TableBorder.Simple).Title($"[bold]{Markup.Escape(lane.Name)}[/] ({lane.Events.Count})")
                    .AddColumn("when").AddColumn("status");
                if (topView) table.AddColumn(new TableColumn("sal.").RightAligned());
                table.AddColumn("milestone");
                if (!narrow) table.AddColumn("actors");
                table.AddColumn("where");
                foreach (var e in lane.Events)
                {
                    unknown |= e.Status is not ("planned" or "done");
                    open |= e.Date.Precision == "open";
                    var cells = new List<string>
                    {
                        Markup.Escape(When(e)), e.Status == "planned" ? "[yellow]planned[/]" : e.Status == "done" ? "[green]done[/]" : "[grey]?[/]",
                    };
                    // The top view shows the short headline (actor, action, object); --all the sentence.
                    var text = topView && !string.IsNullOrEmpty(e.Headline) ? e.Headline : e.Label;
                    if (topView)
                    {
                        cells.Add((e.Salience ?? 0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
                        if (view.Mentions.GetValueOrDefault(e) is { Count: > 1 } m) { text += $" (×{m.Count})"; merged = true; }
                    }
                    cells.Add(Markup.Escape(TerminalText.Truncate(text, narrow ? Math.Max(20, context.Width - 50) : 64)));
                    if (!narrow) cells.Add(Markup.Escape(TerminalText.Truncate(string.Join(", ", e.Actors), 24)));
                    cells.Add($"{TerminalText.DocRef(e.Source.Document)}:{e.Source.Line}");
                    table.AddRow(cells.ToArray());
                }
                context.Console.Write(table);
            }
            if (topView)
            {
                // Total counts stored statements, Count merged milestones: all shown when the top N was not reached.
                var summary = view.Count < view.Top
                    ? $"All {view.Count} milestone(s) of {view.Total} dated statement(s) in range, duplicates merged; --all lists every statement."
                    : $"The {view.Count} most salient of {view.Total} dated statement(s) in range; --all lists every one, --top N more or fewer.";
                foreach (var l in TerminalText.Wrap(summary, context.Width)) context.Out.WriteLine(l);
            }
            // Say what the symbols mean, once, when they were used.
            var legend = new List<string>();
            if (unknown) legend.Add("? = not said whether planned or done");
            if (open) legend.Add("2030… = from then on (以降), …2025-12 = until then (まで)");
            if (topView) legend.Add("sal. = salience 0–1 (named actor, milestone verb, precise date, roadmap context; project periods and background score low)");
            if (merged) legend.Add("×N = stated N times (duplicates merged)");
            legend.Add("where = document:line (`fukan source DOC --lines N`)");
            foreach (var l in TerminalText.Wrap(string.Join(" · ", legend), context.Width)) context.Console.MarkupLine($"[grey]{Markup.Escape(l)}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> WriteChangesAsync(CliContext context, Storage.IKnowledgeStore store, bool json, CancellationToken ct)
    {
        var found = await MilestoneChanges.FindAsync(store, ct);
        if (json) { context.WriteJson(found); return ExitCodes.Ok; }
        if (found.Count == 0) { context.Out.WriteLine("No milestone was announced with different dates by sources published at different times."); return ExitCodes.Ok; }
        foreach (var c in found)
        {
            var colour = c.Direction == "slipped" ? "red" : c.Direction == "advanced" ? "green" : "yellow";
            var table = new Table().Border(TableBorder.Simple)
                .Title($"[{colour}]{c.Direction}[/] {Markup.Escape(c.From)} → {Markup.Escape(c.To)}: {Markup.Escape(TerminalText.Truncate(c.Milestone, Math.Max(20, context.Width - 30)))}")
                .AddColumn("published").AddColumn("date");
            bool narrow = context.Width < 110;
            if (!narrow) table.AddColumn("document");
            table.AddColumn("text").AddColumn("where");
            foreach (var a in c.Announcements)
            {
                var cells = new List<string> { Markup.Escape(a.Published ?? "undated"), Markup.Escape(a.Value) };
                if (!narrow) cells.Add(Markup.Escape(TerminalText.Truncate(a.DocumentTitle, 24)));
                cells.Add(Markup.Escape(TerminalText.Truncate(a.Text, Math.Max(16, context.Width - (narrow ? 48 : 80)))));
                cells.Add($"{TerminalText.DocRef(a.Provenance.Document)}:{a.Provenance.Line}");
                table.AddRow(cells.ToArray());
            }
            context.Console.Write(table);
        }
        context.Out.WriteLine($"{found.Count} milestone(s) moved between sources.");
        return ExitCodes.Ok;
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
