using Fukan.Storage;

namespace Fukan.Contracts;

/// <summary>
/// The filters of <c>fukan facts</c> and <c>GET /api/facts</c> as a user gives them (periods as text: 2024,
/// 2026-06, 2026-06-15; ratings as typed). <see cref="ToQuery"/> checks them once, for both hosts.
/// </summary>
public sealed record FactFilter
{
    public string? Unit { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public string? Subject { get; init; }
    public string? After { get; init; }
    public string? Before { get; init; }
    public string? Entity { get; init; }
    public string? Status { get; init; }
    public string? Domain { get; init; }
    public string? Country { get; init; }
    public string? Rating { get; init; }
    public string? Phase { get; init; }
    public string? Trend { get; init; }
    public string? Area { get; init; }

    /// <summary>The store query for facts of <paramref name="storedKind"/>; a bad filter is a <see cref="QueryException"/> naming it.</summary>
    public FactQuery ToQuery(string storedKind)
    {
        var query = new FactQuery(storedKind)
        {
            Unit = Unit, Min = Min, Max = Max, Subject = Subject, After = PeriodOf(After, "--after", first: true),
            Before = PeriodOf(Before, "--before", first: false), Entity = Entity, Status = Status, Domain = Domain,
            Country = Country?.ToUpperInvariant(), Rating = RatingOf(Rating), Phase = Phase, Trend = Trend, AreaId = Area,
        };
        if (query is { Min: { } lo, Max: { } hi } && lo > hi) throw QueryException.BadParameter($"--min {lo} is above --max {hi}");
        if (query is { After: { } a0, Before: { } b0 } && a0 > b0) throw QueryException.BadParameter($"--after {After} is later than --before {Before}");
        return query;
    }

    /// <summary>The first (or last) day of a period typed as YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public static DateOnly? PeriodOf(string? text, string option, bool first)
    {
        if (text is null) return null;
        if (!Period.TryParse(text, out var start, out var end))
            throw QueryException.BadParameter($"{option} {text}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        return first ? start : end;
    }

    /// <summary>Ratings as typed: 〇 (kanji zero) is ○, as the extractor stores it.</summary>
    public static string? RatingOf(string? text) => text?.Trim() switch
    {
        null => null,
        "〇" or "○" => "○",
        "◎" or "△" or "×" => text.Trim(),
        var r => throw QueryException.BadParameter($"--rating {r}: use ◎, ○, △ or ×"),
    };
}
