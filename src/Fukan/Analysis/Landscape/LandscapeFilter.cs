using Fukan.Extraction.Landscape;

namespace Fukan.Analysis.Landscape;

/// <summary>
/// Which rows to show: countries by code or name (JP, 日本, us …; none = all) and one phase (basic, applied, other;
/// null = all). Built from user input: unknown values are reported, not ignored.
/// </summary>
public sealed record LandscapeFilter(IReadOnlySet<string> Countries, string? Phase)
{
    public static LandscapeFilter All { get; } = new(new HashSet<string>(), null);

    /// <summary>Parses --country values (repeatable, comma separated) and --phase; throws <see cref="ArgumentException"/> on unknown values.</summary>
    public static LandscapeFilter Parse(IEnumerable<string>? countries, string? phase)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in countries ?? [])
            foreach (var part in value.Split([',', '、', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                set.Add(CountryCode(part) ?? throw new ArgumentException($"--country {part}: not a country code or name (JP, US, EU, CN, KR, TW, IN, OTHER, 日本 …)"));
        string? p = null;
        if (!string.IsNullOrWhiteSpace(phase))
        {
            p = phase.Trim().ToLowerInvariant() switch
            {
                "basic" or "基礎" or "基礎研究" => PhaseLabels.Basic,
                "applied" or "応用" or "応用研究・開発" or "development" => PhaseLabels.Applied,
                "other" => PhaseLabels.Other,
                _ => throw new ArgumentException($"--phase {phase}: expected basic, applied or other"),
            };
        }
        return new LandscapeFilter(set, p);
    }

    /// <summary>A code (JP, jp, OTHER) or a name (日本, 米国, Japan) as a country code; null when unknown.</summary>
    public static string? CountryCode(string value)
    {
        var v = value.Trim();
        if (v.Length == 0) return null;
        var upper = v.ToUpperInvariant();
        if (upper is CountryNames.Other or CountryNames.Unknown) return upper;
        if (v.Length == 2 && char.IsAsciiLetter(v[0]) && char.IsAsciiLetter(v[1])) return upper;
        return CountryNames.CodeOf(v);
    }

    public bool Matches(ComparisonRow row) =>
        (Countries.Count == 0 || Countries.Contains(row.Country)) && (Phase is null || row.Phase == Phase);
}
