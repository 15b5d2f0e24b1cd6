using System.Globalization;
using Fukan.Model;

namespace Fukan.Storage;

/// <summary>
/// An "as of" point of view on a knowledge base: only what was published on or before <see cref="Published"/>
/// counts, and, when <see cref="KnownAt"/> is given, only what had been ingested by then. A document is published on
/// its date (the first day of the period it states: a report dated <c>2023</c> counts from 2023-01-01); undated
/// documents are left out of as-of answers (<see cref="AsOfKnowledgeStore.UndatedAsync"/> counts them).
/// </summary>
/// <param name="Published">The last day that counts (inclusive).</param>
/// <param name="KnownAt">The last moment of ingestion that counts, or null for everything stored.</param>
public sealed record AsOf(DateOnly Published, DateTimeOffset? KnownAt = null)
{
    /// <summary>True when <paramref name="document"/> was published by <see cref="Published"/> and known by <see cref="KnownAt"/>.</summary>
    public bool Includes(DocumentInfo document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Date is { } date && date <= Published && (KnownAt is not { } known || document.IngestedAt <= known);
    }

    /// <summary>
    /// Parses the <c>--as-of</c> and <c>--known-at</c> values a user types: a period (<c>2022</c>, <c>2022-06</c>,
    /// <c>2022-06-15</c>; as of its last day) or, for <c>--known-at</c>, also a moment (<c>2026-12-08T10:00:00Z</c>).
    /// Null when neither is given. Throws <see cref="FormatException"/> naming the option and the value.
    /// </summary>
    public static AsOf? Parse(string? asOf, string? knownAt)
    {
        DateTimeOffset? known = null;
        if (!string.IsNullOrWhiteSpace(knownAt))
        {
            if (Period.TryParse(knownAt, out _, out var lastDay))
                known = new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(23, 59, 59, 999), DateTimeKind.Utc)).AddTicks(9999);
            else if (DateTimeOffset.TryParse(knownAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
                known = moment;
            else throw new FormatException($"--known-at {knownAt}: not a date (use 2026, 2026-06, 2026-06-15 or 2026-06-15T10:00:00Z)");
        }
        if (string.IsNullOrWhiteSpace(asOf))
        {
            // Known at a moment alone: everything published by then, as it was stored then.
            return known is { } k ? new AsOf(DateOnly.FromDateTime(k.UtcDateTime), k) : null;
        }
        if (!Period.TryParse(asOf, out _, out var last))
            throw new FormatException($"--as-of {asOf}: not a date (use 2022, 2022-06 or 2022-06-15)");
        return new AsOf(last, known);
    }

    public override string ToString() =>
        KnownAt is { } k ? $"as of {Published:yyyy-MM-dd}, known at {k.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z" : $"as of {Published:yyyy-MM-dd}";
}
