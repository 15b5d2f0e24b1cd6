using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fukan.Contracts;
using Fukan.Model;
using Fukan.Storage;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary>
/// <c>fukan facts --kind K [--doc D] [--json|--csv]</c>: the stored facts of one kind, each with its provenance.
/// Works on the stored JSON, so every fact kind an extractor adds is listed without code here.
/// </summary>
public static class FactsCommand
{
    public static Command Create(CliContext context)
    {
        var kind = new Option<string>("--kind", "-k") { Description = "quantity | date | event | entity | statement | signal | comparison | area | division | priority-theme | minutes", Required = true };
        var doc = new Option<string?>("--doc") { Description = "Only this document (id prefix, file name prefix or path)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var csv = new Option<bool>("--csv") { Description = "Print CSV" };
        var limit = new Option<int?>("--limit") { Description = "At most N facts (human output defaults to 200)" };
        var command = new Command("facts", "List extracted facts of one kind, each with the lines it came from") { kind, doc, json, csv, limit };
        command.SetAction(async (result, ct) =>
        {
            var requested = result.GetValue(kind)!;
            var (columnKey, stored) = FactRows.Kind(requested);
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            DocumentId? only = null;
            if (result.GetValue(doc) is { } d) only = (await ShowCommand.Resolve(store, d, ct)).Id;
            var rows = await FactRows.LoadAsync(store, columnKey, stored, only, ct);
            int max = result.GetValue(limit) ?? (result.GetValue(json) || result.GetValue(csv) ? int.MaxValue : 200);
            var shown = rows.Take(max).ToList();
            if (result.GetValue(json))
            {
                context.Out.WriteLine(FactRows.ToJsonArray(shown).ToJsonString(FukanJson.Indented));
                return ExitCodes.Ok;
            }
            var columns = FactRows.Columns(columnKey);
            if (result.GetValue(csv))
            {
                FactRows.WriteCsv(context.Out, columnKey, shown);
                return ExitCodes.Ok;
            }
            if (rows.Count == 0) { context.Out.WriteLine($"No {requested} facts{(only is null ? "" : " in that document")}."); return ExitCodes.Ok; }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("doc").AddColumn("lines");
            foreach (var c in columns) table.AddColumn(c);
            foreach (var r in shown)
            {
                var cells = new List<string> { Cell(r, "provenance.documentId")[..Math.Min(12, Cell(r, "provenance.documentId").Length)], Lines(r) };
                cells.AddRange(columns.Select(c => Markup.Escape(DocsCommand.Truncate(Cell(r, c), c is "label" or "text" or "implication" ? 60 : 28))));
                table.AddRow(cells.ToArray());
            }
            context.Console.Write(table);
            if (rows.Count > shown.Count) context.Console.WriteLine($"… {rows.Count - shown.Count} more (use --limit, --json or --csv)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Lines(JsonObject r)
    {
        var l = Cell(r, "provenance.line");
        var e = Cell(r, "provenance.endLine");
        return e.Length == 0 || e == l ? l : $"{l}–{e}";
    }

    internal static string Cell(JsonObject r, string path) => FactRows.Cell(r, path);
}
