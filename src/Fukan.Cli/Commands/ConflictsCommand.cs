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
        command.Subcommands.Add(CreateResolve(context));
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
                int number = 0;
                foreach (var s in g.Facts)
                {
                    number++;
                    var mark = g.Resolution?.StatusOf(s) switch { "preferred" => " [green]✓ preferred[/]", "deprecated" => " [red]✗ deprecated[/]", _ => "" };
                    var cells = new List<string> { $"{number}. {Markup.Escape(s.Published ?? "undated")}{mark}", Markup.Escape(s.Value) };
                    if (!narrow) cells.Add(Markup.Escape(TerminalText.Truncate(s.DocumentTitle, 24)));
                    cells.Add(Markup.Escape(TerminalText.Truncate(s.Text.ReplaceLineEndings(" "), Math.Max(16, context.Width - (narrow ? 48 : 80)))));
                    cells.Add($"{TerminalText.DocRef(s.Provenance.Document)}:{s.Provenance.Line}");
                    table.AddRow(cells.ToArray());
                }
                context.Console.Write(table);
                foreach (var l in TerminalText.Wrap("rule: " + g.Rule, context.Width)) context.Console.MarkupLine($"[grey]{Markup.Escape(l)}[/]");
                if (g.Resolution is { } r)
                    context.Console.MarkupLine($"[green]resolved[/] by {Markup.Escape(r.By)} at {r.At.UtcDateTime:yyyy-MM-dd HH:mm}Z{(r.Note.Length > 0 ? ": " + Markup.Escape(r.Note) : "")}");
            }
            int resolved = groups.Count(g => g.Resolution is not null);
            context.Out.WriteLine($"{groups.Count} conflict group(s), {resolved} resolved; choose a side with `fukan conflicts resolve ID --prefer N`.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>fukan conflicts resolve GROUP (--prefer SIDE | --deprecate SIDE… | --clear) [--note TEXT]</c>.</summary>
    private static Command CreateResolve(CliContext context)
    {
        var group = new Argument<string>("group") { Description = "The group's id as `fukan conflicts` lists it (e.g. q1a2b3c4d5e)" };
        var prefer = new Option<string?>("--prefer") { Description = "The side to prefer: its number in the group (1, 2 …) or DOC:LINE" };
        var deprecate = new Option<string[]>("--deprecate") { Description = "Sides to mark deprecated (repeatable)", AllowMultipleArgumentsPerToken = true };
        var clear = new Option<bool>("--clear") { Description = "Withdraw the decision in force (kept in the history)" };
        var note = new Option<string?>("--note") { Description = "Why, in a few words" };
        var json = new Option<bool>("--json") { Description = "Print the group with its resolution as JSON" };
        var command = new Command("resolve", "Record an analyst's decision on a conflict group: the preferred side, deprecated sides (nothing is overwritten)") { group, prefer, deprecate, clear, note, json };
        command.SetAction(async (result, ct) =>
        {
            // A decision needs a knowledge base with conflicts: a missing one is an error, never created here.
            await using (await context.OpenStoreAsync(result, mustExist: true, ct)) { }
            await using var store = await context.OpenStoreAsync(result, mustExist: false, ct);
            var by = Environment.UserName is { Length: > 0 } u ? u : "unknown";
            var resolved = await new Fukan.Contracts.FukanQueries(store).ResolveConflictAsync(result.GetValue(group)!, result.GetValue(prefer),
                result.GetValue(deprecate) ?? [], result.GetValue(clear), result.GetValue(note), by, DateTimeOffset.UtcNow, ct);
            if (result.GetValue(json)) { context.WriteJson(resolved); return ExitCodes.Ok; }
            context.Out.WriteLine(resolved.Resolution is null
                ? $"{resolved.Id}: decision withdrawn; the group is unresolved"
                : $"{resolved.Id}: recorded ({string.Join(", ", resolved.Facts.Select((s, i) => resolved.Resolution.StatusOf(s) is { } st ? $"side {i + 1} {st}" : null).OfType<string>())})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
