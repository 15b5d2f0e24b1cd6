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
        var offset = new Option<int?>("--offset") { Description = "Skip the first N matching facts" };
        var unit = new Option<string?>("--unit") { Description = "Quantities in this unit (JPY, USD, %, GWh, …)" };
        var min = new Option<double?>("--min") { Description = "Value at least N (1e8, 5000)" };
        var max = new Option<double?>("--max") { Description = "Value at most N" };
        var subject = new Option<string?>("--subject") { Description = "Subject (or signal metric) containing this text" };
        var after = new Option<string?>("--after") { Description = "Dated in or after this period (2024, 2026-06, 2026-06-15); a quantity takes its sentence's date, else its document's" };
        var before = new Option<string?>("--before") { Description = "Dated in or before this period" };
        var entity = new Option<string?>("--entity") { Description = "Facts whose sentence names this entity (name, alias or id)" };
        var status = new Option<string?>("--status") { Description = "Events: planned | done | …" };
        var domain = new Option<string?>("--domain") { Description = "Events and signals: semiconductors, batteries, AI, …" };
        var country = new Option<string?>("--country") { Description = "Comparison cells of this country (JP, US, EU, CN, KR, …)" };
        var rating = new Option<string?>("--rating") { Description = "Comparison cells rated ◎ ○ △ ×" };
        var phase = new Option<string?>("--phase") { Description = "Comparison cells of this phase (basic, applied, other)" };
        var trend = new Option<string?>("--trend") { Description = "Comparison cells trending up, flat or down" };
        var area = new Option<string?>("--area") { Description = "Facts of this research area id (and its sub-areas)" };
        var command = new Command("facts", "List extracted facts of one kind, each with the lines it came from")
        {
            kind, doc, json, csv, limit, offset, unit, min, max, subject, after, before, entity, status, domain, country, rating, phase, trend, area,
        };
        command.SetAction(async (result, ct) =>
        {
            var requested = result.GetValue(kind)!;
            var (columnKey, _) = FactRows.Kind(requested);
            int? limitValue = result.GetValue(limit), offsetValue = result.GetValue(offset);
            if (limitValue is < 1) throw new CliException($"--limit {limitValue}: a whole number of at least 1", ExitCodes.Usage);
            if (offsetValue is < 0) throw new CliException($"--offset {offsetValue}: a whole number of at least 0", ExitCodes.Usage);
            var filter = new FactFilter
            {
                Unit = result.GetValue(unit), Min = Number(result.GetValue(min), "--min"), Max = Number(result.GetValue(max), "--max"),
                Subject = result.GetValue(subject), After = result.GetValue(after), Before = result.GetValue(before), Entity = result.GetValue(entity),
                Status = result.GetValue(status), Domain = result.GetValue(domain), Country = result.GetValue(country),
                Rating = result.GetValue(rating), Phase = result.GetValue(phase), Trend = result.GetValue(trend), Area = result.GetValue(area),
            };
            filter.ToQuery(columnKey);   // bad filters are usage errors before the store is opened
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            DocumentId? only = null;
            if (result.GetValue(doc) is { } d) only = (await ShowCommand.Resolve(store, d, ct)).Id;
            int take = limitValue ?? (result.GetValue(json) || result.GetValue(csv) ? int.MaxValue : 200);
            int skip = offsetValue ?? 0;
            var (shown, total) = await FactRows.PageAsync(store, requested, filter, only, skip, take, ct);
            var rows = shown;
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
            if (total == 0) { context.Out.WriteLine($"No {requested} facts{(only is null ? "" : " in that document")} match."); return ExitCodes.Ok; }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("doc").AddColumn("lines");
            foreach (var c in columns) table.AddColumn(c);
            foreach (var r in shown)
            {
                var cells = new List<string> { Cell(r, "provenance.documentId")[..Math.Min(12, Cell(r, "provenance.documentId").Length)], Lines(r) };
                cells.AddRange(columns.Select(c => Markup.Escape(DocsCommand.Truncate(Cell(r, c), c is "label" or "text" or "implication" ? 60 : 28))));
                table.AddRow(cells.ToArray());
            }
            context.Console.Write(table);
            if (total > skip + shown.Count) context.Console.WriteLine($"… {total - skip - shown.Count} more (use --limit/--offset, --json or --csv)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static decimal? Number(double? value, string option) => value switch
    {
        null => null,
        { } v when double.IsFinite(v) && Math.Abs(v) < 7.9e27 => (decimal)v,
        { } v => throw new CliException($"{option} {v}: not a usable number", ExitCodes.Usage),
    };

    private static string Lines(JsonObject r)
    {
        var l = Cell(r, "provenance.line");
        var e = Cell(r, "provenance.endLine");
        return e.Length == 0 || e == l ? l : $"{l}–{e}";
    }

    internal static string Cell(JsonObject r, string path) => FactRows.Cell(r, path);
}
