using System.Text;

namespace Fukan.Storage;

/// <summary>
/// The WHERE clause of a <see cref="FactQuery"/> over <c>fact_rows f JOIN documents d</c>, written once for every
/// engine: each filter is one rule here, and a <see cref="SqlDialect"/> says how an engine spells the few things that
/// differ (parameter markers, ASCII case folding, text comparison in code-point order). The entity filter is left to
/// the engine (its ids are resolved against the catalogue first).
/// </summary>
internal static class FactFilterSql
{
    /// <summary>The condition and its parameters (names without a marker, values as the engine binds them).</summary>
    public static (string Where, List<(string Name, object Value)> Parameters) Build(FactQuery query, SqlDialect sql)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder("f.kind = ").Append(sql.P("kind"));
        var ps = new List<(string, object)> { ("kind", query.Kind) };
        void Add(string condition, params (string Name, object Value)[] values)
        {
            where.Append(" AND ").Append(condition);
            ps.AddRange(values);
        }
        string Text(string column) => sql.Text(column);
        if (query.Document is { } doc) Add($"d.id = {sql.P("doc")}", ("doc", doc.Value));
        if (query.AsOfKeys is var (published, knownAt))
        {
            Add($"{Text("d.date_start")} <= {sql.P("published")}", ("published", published));
            if (knownAt is not null) Add($"{Text("d.ingested_at")} <= {sql.P("knownAt")}", ("knownAt", knownAt));
        }
        if (query.CurrencyOnly) Add(sql.IsCurrencyCode("f.unit"));
        if (query.Unit is { } unit) Add(sql.EqualsIgnoringAsciiCase("f.unit", sql.P("unit")), ("unit", unit));
        if (query.Min is { } min) Add($"coalesce(f.value_max, f.value) >= {sql.P("min")}", ("min", (double)min));
        if (query.Max is { } max) Add($"f.value <= {sql.P("max")}", ("max", (double)max));
        if (query.Subject is { Length: > 0 } subject) Add(sql.ContainsIgnoringAsciiCase("f.subject", sql.P("subject")), ("subject", subject));
        if (query.After is { } after) Add($"{Text("coalesce(f.date_end, f.date_start)")} >= {sql.P("after")}", ("after", FactRowKeys.Day(after)));
        if (query.Before is { } before) Add($"{Text("f.date_start")} <= {sql.P("before")}", ("before", FactRowKeys.Day(before)));
        if (query.AnchorFrom is { } anchor) Add($"{Text("f.date_start")} >= {sql.P("anchor")}", ("anchor", FactRowKeys.Day(anchor)));
        if (query.Status is { } status) Add($"f.status = {sql.P("status")}", ("status", status));
        if (query.Domain is { } domain) Add($"f.domain = {sql.P("domain")}", ("domain", domain));
        if (query.Country is { } country) Add(sql.EqualsIgnoringAsciiCase("f.country", sql.P("country")), ("country", country));
        if (query.Rating is { } rating) Add($"f.rating = {sql.P("rating")}", ("rating", rating));
        if (query.Phase is { } phase) Add($"f.phase = {sql.P("phase")}", ("phase", phase));
        if (query.Trend is { } trend) Add($"f.trend = {sql.P("trend")}", ("trend", trend));
        // 2.1 covers 2.1 and 2.1.x, not 2.10.
        if (query.AreaId is { } area) Add($"(f.area_id = {sql.P("area")} OR {sql.StartsWith("f.area_id", sql.P("areaPrefix"))})", ("area", area), ("areaPrefix", area + "."));
        return (where.ToString(), ps);
    }
}

/// <summary>How an engine spells what <see cref="FactFilterSql"/> needs.</summary>
internal abstract class SqlDialect
{
    /// <summary>The marker of parameter <paramref name="name"/> in SQL text.</summary>
    public abstract string P(string name);

    /// <summary>A text column compared in code-point order (ISO dates and timestamps).</summary>
    public abstract string Text(string column);

    public abstract string IsCurrencyCode(string column);

    public abstract string EqualsIgnoringAsciiCase(string column, string parameter);

    public abstract string ContainsIgnoringAsciiCase(string column, string parameter);

    public abstract string StartsWith(string column, string parameter);

    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    public static SqlDialect Postgres { get; } = new PostgresDialect();

    /// <summary>SQLite: NOCASE and lower() fold ASCII only; text compares in code-point order.</summary>
    private sealed class SqliteDialect : SqlDialect
    {
        public override string P(string name) => "$" + name;
        public override string Text(string column) => column;
        public override string IsCurrencyCode(string column) => $"{column} GLOB '[A-Z][A-Z][A-Z]'";
        public override string EqualsIgnoringAsciiCase(string column, string parameter) => $"{column} = {parameter} COLLATE NOCASE";
        public override string ContainsIgnoringAsciiCase(string column, string parameter) => $"instr(lower({column}), lower({parameter})) > 0";
        // LIKE's own wildcards in an area id are only dots and digits: the prefix is matched as typed, then any rest.
        public override string StartsWith(string column, string parameter) => $"substr({column}, 1, length({parameter})) = {parameter}";
    }

    /// <summary>PostgreSQL: lower() under the "C" collation folds ASCII only, as SQLite does; "C" orders by code point.</summary>
    private sealed class PostgresDialect : SqlDialect
    {
        public override string P(string name) => "@" + name;
        public override string Text(string column) => $"{column} COLLATE \"C\"";
        public override string IsCurrencyCode(string column) => $"{column} COLLATE \"C\" ~ '^[A-Z]{{3}}$'";
        public override string EqualsIgnoringAsciiCase(string column, string parameter) => $"lower({column} COLLATE \"C\") = lower({parameter} COLLATE \"C\")";
        public override string ContainsIgnoringAsciiCase(string column, string parameter) => $"strpos(lower({column} COLLATE \"C\"), lower({parameter} COLLATE \"C\")) > 0";
        public override string StartsWith(string column, string parameter) => $"starts_with({column}, {parameter})";
    }
}
