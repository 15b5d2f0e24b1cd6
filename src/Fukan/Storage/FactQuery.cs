using Fukan.Model;

namespace Fukan.Storage;

/// <summary>
/// Which facts of one kind to list: filters on the keys stored with every fact (indexed), and a page. Dates are
/// inclusive periods: <c>After = 2024</c> keeps facts dated from 2024-01-01, <c>Before = 2026-06</c> up to 2026-06-30.
/// A quantity is dated by a date in its sentence, else by its document's date.
/// </summary>
public sealed record FactQuery(string Kind)
{
    public DocumentId? Document { get; init; }
    public string? Unit { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    /// <summary>Part of the fact's subject (quantities) or metric (signals), case-insensitive.</summary>
    public string? Subject { get; init; }
    public DateOnly? After { get; init; }
    public DateOnly? Before { get; init; }
    /// <summary>
    /// Facts whose anchor — the first day, or the last for an end-only date (<c>by 2027</c>) — is on or after this day;
    /// unlike <see cref="After"/> a period that began earlier and runs into the range is left out. Indexed.
    /// </summary>
    public DateOnly? AnchorFrom { get; init; }
    /// <summary>An entity id, name or alias: facts whose sentence names it.</summary>
    public string? Entity { get; init; }
    public string? Status { get; init; }
    public string? Domain { get; init; }
    public string? Country { get; init; }
    public string? Rating { get; init; }
    public string? Phase { get; init; }
    public string? Trend { get; init; }
    public string? AreaId { get; init; }
    /// <summary>Highest value first (an event's salience), then document and order; otherwise document and order.</summary>
    public bool HighestValueFirst { get; init; }
    /// <summary>
    /// One fact per subject: of the rows sharing a subject, the first by document and order, with their number in
    /// <see cref="StoredFact.Copies"/> (an event's subject is the key of its exact statement, so a statement copied
    /// into many documents is one row). Rows without a subject stand alone. <see cref="FactPage.Total"/> still counts rows.
    /// </summary>
    public bool OnePerSubject { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = int.MaxValue;
    /// <summary>Only amounts of money (a currency code as unit: JPY, USD, EUR, …).</summary>
    public bool CurrencyOnly { get; init; }
    /// <summary>Fill <see cref="StoredFact.Entities"/> with the ids of the entities each fact's sentence names.</summary>
    public bool WithEntities { get; init; }
    /// <summary>Only facts of documents published (and ingested) by then; see <see cref="Storage.AsOf"/>.</summary>
    public AsOf? AsOf { get; init; }

    /// <summary>The as-of bounds as the stored columns hold them: <c>documents.date_start</c> and <c>documents.ingested_at</c>.</summary>
    internal (string Published, string? KnownAt)? AsOfKeys => AsOf is { } a
        ? (FactRowKeys.Day(a.Published), a.KnownAt?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture))
        : null;
}

/// <summary>A period a user types for a filter: <c>2024</c>, <c>2026-06</c> or <c>2026-06-15</c>.</summary>
public static class Period
{
    /// <summary>The first and last day of the period, or false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string? text, out DateOnly first, out DateOnly last)
    {
        first = last = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('-');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit))) return false;
        if (parts[0].Length != 4 || !int.TryParse(parts[0], out int year) || year < 1) return false;
        if (parts.Length == 1) { first = new DateOnly(year, 1, 1); last = new DateOnly(year, 12, 31); return true; }
        if (!int.TryParse(parts[1], out int month) || month is < 1 or > 12) return false;
        if (parts.Length == 2) { first = new DateOnly(year, month, 1); last = first.AddMonths(1).AddDays(-1); return true; }
        if (!int.TryParse(parts[2], out int day) || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        first = last = new DateOnly(year, month, day);
        return true;
    }
}

/// <summary>One page of facts and how many matched in all.</summary>
public sealed record FactPage(IReadOnlyList<StoredFact> Facts, int Total);

/// <summary>Which entities to list.</summary>
public sealed record EntityQuery
{
    public Fukan.Extraction.Entities.EntityType? Type { get; init; }
    public DocumentId? Document { get; init; }
    /// <summary>Highest value first (an event's salience), then document and order; otherwise document and order.</summary>
    public bool HighestValueFirst { get; init; }
    /// <summary>
    /// One fact per subject: of the rows sharing a subject, the first by document and order, with their number in
    /// <see cref="StoredFact.Copies"/> (an event's subject is the key of its exact statement, so a statement copied
    /// into many documents is one row). Rows without a subject stand alone. <see cref="FactPage.Total"/> still counts rows.
    /// </summary>
    public bool OnePerSubject { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = int.MaxValue;
}

/// <summary>One mention of an entity: the surface written and where.</summary>
public sealed record EntityMentionRow(string Surface, Provenance Provenance);

/// <summary>An entity with every mention, document by document.</summary>
public sealed record EntityDetail(Fukan.Extraction.Entities.EntitySummary Entity, IReadOnlyList<EntityMentionRow> Mentions);
