using System.CommandLine;
using Fukan.Analysis.Conflicts;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan conflicts [--kind comparison|quantity|event|signal] [--json]</c>.</summary>
public static class ConflictsCommand
{
    public static Command Create(CliContext context)
    {
        var kind = new Option<string?>("--kind") { Description = "Only this kind: comparison, quantity, event or signal" };
        kind.CompletionSources.Add([.. ConflictKinds.All]);
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("conflicts", "Facts about the same thing that disagree across sources, each side with its document, date and lines") { kind, json };
        command.SetAction(async (result, ct) =>
        {
            var k = result.GetValue(kind)?.Trim().ToLowerInvariant();
            if (k is not null && !ConflictKinds.All.Contains(k))
                throw new CliException($"--kind {result.GetValue(kind)}: use comparison, quantity, event or signal", ExitCodes.Usage);
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            var groups = await ConflictFinder.FindAsync(store, k, ct);
            if (result.GetValue(json)) { context.WriteJson(groups); return ExitCodes.Ok; }
            if (groups.Count == 0) { context.Out.WriteLine("No conflicting facts found."); return ExitCodes.Ok; }
            foreach (var g in groups)
            {
                // Narrow terminals drop the title column (the id in "where" names the document) to keep the text readable.
                bool narrow = context.Width < 110;
                var table = new Table().Border(TableBorder.Simple)
                    .Title($"[bold]{Markup.Escape(g.Kind)}[/] {Markup.Escape(TerminalText.Truncate(g.Key, Math.Max(20, context.Width - 30)))} [grey]({Markup.Escape(g.Id)})[/]")
                    .AddColumn("published").AddColumn("value");
                if (!narrow) table.AddColumn("document");
                table.AddColumn("text").AddColumn("where");
                foreach (var s in g.Facts)
                {
                    var cells = new List<string> { Markup.Escape(s.Published ?? "undated"), Markup.Escape(s.Value) };
                    if (!narrow) cells.Add(Markup.Escape(TerminalText.Truncate(s.DocumentTitle, 24)));
                    cells.Add(Markup.Escape(TerminalText.Truncate(s.Text.ReplaceLineEndings(" "), Math.Max(16, context.Width - (narrow ? 48 : 80)))));
                    cells.Add($"{TerminalText.DocRef(s.Provenance.Document)}:{s.Provenance.Line}");
                    table.AddRow(cells.ToArray());
                }
                context.Console.Write(table);
                foreach (var l in TerminalText.Wrap("rule: " + g.Rule, context.Width)) context.Console.MarkupLine($"[grey]{Markup.Escape(l)}[/]");
            }
            context.Out.WriteLine($"{groups.Count} conflict group(s); resolution is not stored yet (always null in --json).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
