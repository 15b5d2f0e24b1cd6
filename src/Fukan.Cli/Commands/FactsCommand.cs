using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
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
    /// <summary>User-facing kinds and the stored kinds behind them.</summary>
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["quantity"] = "quantity", ["date"] = "date", ["event"] = "event", ["entity"] = "mention", ["mention"] = "mention",
        ["statement"] = "minutes", ["signal"] = "signal", ["comparison"] = "comparison", ["area"] = "area",
        ["division"] = "division", ["priority-theme"] = "priority-theme", ["minutes"] = "minutes",
    };

    /// <summary>Columns shown to humans per kind (JSON paths); the JSON output always has every field.</summary>
    private static readonly Dictionary<string, string[]> Columns = new(StringComparer.Ordinal)
    {
        ["quantity"] = ["text", "value", "valueMax", "unit", "approximate", "bound", "per", "change", "subject"],
        ["date"] = ["text", "start", "end", "precision"],
        ["event"] = ["date.start", "date.precision", "status", "label", "actors", "technologies"],
        ["mention"] = ["name", "type", "surface", "entityId"],
        ["statement"] = ["topic", "side", "speakerName", "speakerRole", "text"],
        ["signal"] = ["metric", "comparator", "threshold", "unit", "currentValue.text", "domain", "implication"],
        ["comparison"] = ["areaId", "area", "country", "phase", "rating", "trend"],
        ["area"] = ["areaId", "title", "division"],
        ["division"] = ["divisionId", "title", "areas"],
        ["priority-theme"] = ["number", "title", "sectionId", "summaryTitle"],
        ["minutes"] = ["digest.title", "digest.date", "digest.startTime", "digest.place"],
    };

    public static Command Create(CliContext context)
    {
        var kind = new Option<string>("--kind", "-k") { Description = "quantity | date | event | entity | statement | signal | comparison | area | division | priority-theme | minutes", Required = true };
        var doc = new Option<string?>("--doc") { Description = "Only this document (id prefix, file name prefix or path)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var csv = new Option<bool>("--csv") { Description = "Print CSV" };
        kind.CompletionSources.Add([.. Kinds.Keys.Where(k => k != "mention")]);
        var limit = CliOptions.Limit("At most N facts (human output defaults to 200)");
        var offset = CliOptions.Offset("Skip the first N matching facts");
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
        CliOptions.OneOf(command, json, csv);
        command.SetAction(async (result, ct) =>
        {
            var requested = result.GetValue(kind)!;
            if (!Kinds.TryGetValue(requested, out var stored))
                throw new CliException($"--kind {requested}: unknown kind; use one of {string.Join(", ", Kinds.Keys.Where(k => k != "mention"))}", ExitCodes.Usage);
            int? limitValue = result.GetValue(limit), offsetValue = result.GetValue(offset);
            var query = new FactQuery(stored)
            {
                Unit = result.GetValue(unit), Min = Number(result.GetValue(min), "--min"), Max = Number(result.GetValue(max), "--max"),
                Subject = result.GetValue(subject), After = MoneyCommand.PeriodOf(result.GetValue(after), "--after", first: true),
                Before = MoneyCommand.PeriodOf(result.GetValue(before), "--before", first: false), Entity = result.GetValue(entity),
                Status = result.GetValue(status), Domain = result.GetValue(domain), Country = result.GetValue(country)?.ToUpperInvariant(),
                Rating = Rating(result.GetValue(rating)), Phase = result.GetValue(phase), Trend = result.GetValue(trend), AreaId = result.GetValue(area),
            };
            if (query is { Min: { } lo, Max: { } hi } && lo > hi) throw new CliException($"--min {lo} is above --max {hi}", ExitCodes.Usage);
            if (query is { After: { } a0, Before: { } b0 } && a0 > b0) throw new CliException($"--after {result.GetValue(after)} is later than --before {result.GetValue(before)}", ExitCodes.Usage);
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            DocumentId? only = null;
            if (result.GetValue(doc) is { } d) only = (await ShowCommand.Resolve(store, d, ct)).Id;
            int take = limitValue ?? (result.GetValue(json) || result.GetValue(csv) ? int.MaxValue : 200);
            int skip = offsetValue ?? 0;
            List<JsonObject> shown;
            int total;
            if (requested.Equals("statement", StringComparison.OrdinalIgnoreCase) || stored == "minutes")
            {
                var all = await LoadAsync(store, requested.ToLowerInvariant() == "statement" ? "statement" : stored, stored, only, ct);
                total = all.Count;
                shown = all.Skip(skip).Take(take).ToList();
            }
            else
            {
                var page = await store.QueryFactsAsync(query with { Document = only, Offset = skip, Limit = take }, ct);
                total = page.Total;
                shown = page.Facts.Select(f => JsonNode.Parse(f.Json)).OfType<JsonObject>().ToList();
            }
            var rows = shown;
            var columnKey = requested.ToLowerInvariant() == "statement" ? "statement" : stored;
            if (result.GetValue(json))
            {
                context.MachineOut.WriteLine(new JsonArray(shown.Select(r => (JsonNode?)r.DeepClone()).ToArray()).ToJsonString(FukanJson.Indented));
                return ExitCodes.Ok;
            }
            var columns = Columns.GetValueOrDefault(columnKey) ?? [];
            if (result.GetValue(csv))
            {
                using var writer = CsvWriter.Create(context.MachineOut, new CsvWriterOptions(), true);
                foreach (var c in columns) writer.WriteField(c);
                // Provenance columns: offsets are named apart from a fact's own start/end (a date's).
                foreach (var c in new[] { "documentId", "line", "endLine", "sourceStart", "sourceEnd" }) writer.WriteField(c);
                writer.EndRecord();
                foreach (var r in shown)
                {
                    foreach (var c in columns) writer.WriteField(Cell(r, c));
                    foreach (var c in new[] { "documentId", "line", "endLine", "start", "end" }) writer.WriteField(Cell(r, "provenance." + c));
                    writer.EndRecord();
                }
                writer.Flush();
                return ExitCodes.Ok;
            }
            if (shown.Count == 0)
            {
                context.Out.WriteLine($"No {requested} facts{(only is null ? "" : " in that document")} match{(skip > 0 && total > 0 ? $" after the first {skip}" : "")}.");
                return ExitCodes.Ok;
            }
            // As many of the kind's columns as the terminal holds; the rest are in --json/--csv.
            string Shown(JsonObject r, string c) => TerminalText.Truncate(Cell(r, c), c is "label" or "text" or "implication" ? 60 : 28);
            int budget = context.Width - 1 - (12 + 3) - (11 + 3);   // the table's edge, the doc prefix and the lines
            // Sentences (label, text) are what a fact says: they are kept first, folding down to 24 columns; the short
            // values then go in, in their order, while they fit as they are.
            static bool IsSentence(string c) => c is "label" or "text" or "implication";
            var need = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var c in columns)
            {
                int w = TerminalText.Width(c);
                foreach (var r in shown) w = Math.Max(w, TerminalText.Width(Shown(r, c)));
                need[c] = (IsSentence(c) ? Math.Min(w, 24) : w) + 3;
            }
            var keep = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in columns) if (IsSentence(c) && need[c] <= budget) { keep.Add(c); budget -= need[c]; }
            foreach (var c in columns) if (!IsSentence(c) && need[c] <= budget) { keep.Add(c); budget -= need[c]; }
            var fit = columns.Where(keep.Contains).ToList();
            var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("doc").NoWrap()).AddColumn(new TableColumn("lines").NoWrap());
            foreach (var c in fit) table.AddColumn(c);
            foreach (var r in shown)
            {
                var cells = new List<string> { TerminalText.DocRef(Cell(r, "provenance.documentId")), Lines(r) };
                cells.AddRange(fit.Select(c => Markup.Escape(Shown(r, c))));
                table.AddRow(cells.ToArray());
            }
            context.Console.Write(table);
            if (fit.Count < columns.Length) context.Console.WriteLine($"not shown at this width: {string.Join(", ", columns.Where(c => !keep.Contains(c)))} (in --json and --csv)");
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

    /// <summary>Ratings as typed: 〇 (kanji zero) is ○, as the extractor stores it.</summary>
    private static string? Rating(string? text) => text?.Trim() switch
    {
        null => null,
        "〇" or "○" => "○",
        "◎" or "△" or "×" => text.Trim(),
        var r => throw new CliException($"--rating {r}: use ◎, ○, △ or ×", ExitCodes.Usage),
    };

    /// <summary>Facts as JSON objects; "statement" flattens the statements of minutes digests.</summary>
    internal static async Task<List<JsonObject>> LoadAsync(IKnowledgeStore store, string requested, string stored, DocumentId? only, CancellationToken ct)
    {
        var facts = await store.GetFactsAsync(stored, only, ct);
        var rows = new List<JsonObject>(facts.Count);
        foreach (var f in facts)
        {
            if (JsonNode.Parse(f.Json) is not JsonObject obj) continue;
            if (requested == "statement")
            {
                if ((obj["digest"] as JsonObject ?? obj)["statements"] is JsonArray statements)
                    foreach (var s in statements.OfType<JsonObject>())
                    {
                        // Every row of `facts` names its kind first, as the stored facts do.
                        var row = new JsonObject { ["kind"] = "statement" };
                        foreach (var (name, value) in s) row[name] = value?.DeepClone();
                        rows.Add(row);
                    }
                continue;
            }
            rows.Add(obj);
        }
        return rows;
    }

    private static string Lines(JsonObject r)
    {
        var l = Cell(r, "provenance.line");
        var e = Cell(r, "provenance.endLine");
        return e.Length == 0 || e == l ? l : $"{l}–{e}";
    }

    internal static string Cell(JsonObject r, string path)
    {
        JsonNode? node = r;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
            if (node is null) return "";
        }
        return node switch
        {
            JsonArray a => string.Join("; ", a.Select(x => x is JsonValue v ? v.ToString() : x?["name"]?.ToString() ?? x?["areaId"]?.ToString() ?? x?.ToJsonString() ?? "")),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => node.ToJsonString(),
        };
    }
}
