using System.Text.Json;
using System.Text.Json.Nodes;
using Fukan.Model;
using Fukan.Storage;

namespace Fukan.Contracts;

/// <summary>
/// Stored facts of one kind as JSON rows: <c>fukan facts --json</c>, <c>GET /api/facts</c>, and their CSV columns.
/// Works on the stored JSON, so every fact kind an extractor adds is listed without code here.
/// </summary>
public static class FactRows
{
    /// <summary>User-facing kinds and the stored kinds behind them.</summary>
    public static IReadOnlyDictionary<string, string> Kinds { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["quantity"] = "quantity", ["date"] = "date", ["event"] = "event", ["entity"] = "mention", ["mention"] = "mention",
        ["statement"] = "minutes", ["signal"] = "signal", ["comparison"] = "comparison", ["area"] = "area",
        ["division"] = "division", ["priority-theme"] = "priority-theme", ["minutes"] = "minutes",
    };

    /// <summary>Columns shown to humans and in CSV per kind (JSON paths); the JSON output always has every field.</summary>
    private static readonly Dictionary<string, string[]> ColumnsByKind = new(StringComparer.Ordinal)
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

    /// <summary>Provenance columns of the CSV: offsets are named apart from a fact's own start/end (a date's).</summary>
    public static IReadOnlyList<string> ProvenanceHeader { get; } = ["documentId", "line", "endLine", "sourceStart", "sourceEnd"];

    private static readonly string[] ProvenanceFields = ["documentId", "line", "endLine", "start", "end"];

    /// <summary>The kind a user asked for ("statement" stays itself) and the stored kind behind it.</summary>
    public static (string Requested, string Stored) Kind(string? kind)
    {
        if (kind is null || !Kinds.TryGetValue(kind, out var stored))
            throw QueryException.BadParameter($"--kind {kind}: unknown kind; use one of {string.Join(", ", Kinds.Keys.Where(k => k != "mention"))}");
        return (kind.Equals("statement", StringComparison.OrdinalIgnoreCase) ? "statement" : stored, stored);
    }

    /// <summary>The human and CSV columns of a kind as <see cref="Kind"/> returns it.</summary>
    public static IReadOnlyList<string> Columns(string requested) => ColumnsByKind.GetValueOrDefault(requested) ?? [];

    /// <summary>Facts as JSON objects; "statement" flattens the statements of minutes digests.</summary>
    public static async Task<List<JsonObject>> LoadAsync(IKnowledgeStore store, string requested, string stored, DocumentId? only, CancellationToken ct)
    {
        var facts = await store.GetFactsAsync(stored, only, ct).ConfigureAwait(false);
        var rows = new List<JsonObject>(facts.Count);
        foreach (var f in facts)
        {
            if (JsonNode.Parse(f.Utf8Json) is not JsonObject obj) continue;
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

    /// <summary>
    /// One page of facts of a kind that pass <paramref name="filter"/>, and how many pass in all. Statements (and
    /// minutes) are rows inside a digest, so they page in memory; every other kind pages in the store.
    /// </summary>
    public static async Task<(List<JsonObject> Rows, int Total)> PageAsync(IKnowledgeStore store, string kind, FactFilter filter, DocumentId? only, int offset, int limit, CancellationToken ct)
    {
        var (requested, stored) = Kind(kind);
        if (limit < 1) throw QueryException.BadParameter($"--limit {limit}: a whole number of at least 1");
        if (offset < 0) throw QueryException.BadParameter($"--offset {offset}: a whole number of at least 0");
        var query = filter.ToQuery(stored);
        if (requested == "statement" || stored == "minutes")
        {
            var all = await LoadAsync(store, requested, stored, only, ct).ConfigureAwait(false);
            return (all.Skip(offset).Take(limit).ToList(), all.Count);
        }
        var page = await store.QueryFactsAsync(query with { Document = only, Offset = offset, Limit = limit }, ct).ConfigureAwait(false);
        return (page.Facts.Select(f => JsonNode.Parse(f.Utf8Json)).OfType<JsonObject>().ToList(), page.Total);
    }

    /// <summary>Rows as the JSON array of the contract.</summary>
    public static JsonArray ToJsonArray(IEnumerable<JsonObject> rows) => new(rows.Select(r => (JsonNode?)r.DeepClone()).ToArray());

    /// <summary>Rows as CSV (RFC 4180): the kind's columns, then the provenance.</summary>
    public static void WriteCsv(TextWriter writer, string requested, IEnumerable<JsonObject> rows)
    {
        var columns = Columns(requested);
        var header = new List<string>(columns);
        header.AddRange(ProvenanceHeader);
        writer.Write(Csv.Record(header));
        writer.Write("\r\n");
        foreach (var r in rows)
        {
            var fields = new List<string>(header.Count);
            foreach (var c in columns) fields.Add(Cell(r, c));
            foreach (var c in ProvenanceFields) fields.Add(Cell(r, "provenance." + c));
            writer.Write(Csv.Record(fields));
            writer.Write("\r\n");
        }
    }

    /// <summary>The text of the field at a dotted path; arrays joined with "; ".</summary>
    public static string Cell(JsonObject r, string path)
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

/// <summary>RFC 4180 fields: quoted when they hold a comma, quote or line break.</summary>
public static class Csv
{
    public static string Field(string? value)
    {
        value ??= "";
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Record(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));
}
