using System.Collections.Frozen;

namespace Fukan.Analysis.Signals;

/// <summary>
/// Converts between units of one kind (pressure, length, energy, power, mass, frequency, voltage), so a threshold
/// in MPa is compared with a value in 気圧 (atm). Currencies are never converted (no exchange rates): USD only
/// matches USD. Unit symbols are the quantity parser's.
/// </summary>
public static class UnitConversion
{
    private static readonly FrozenDictionary<string, (string Kind, decimal Factor)> Units = new Dictionary<string, (string, decimal)>(StringComparer.Ordinal)
    {
        ["Pa"] = ("pressure", 1m), ["hPa"] = ("pressure", 100m), ["kPa"] = ("pressure", 1_000m), ["MPa"] = ("pressure", 1_000_000m),
        ["GPa"] = ("pressure", 1_000_000_000m), ["atm"] = ("pressure", 101_325m), ["bar"] = ("pressure", 100_000m), ["Torr"] = ("pressure", 133.322368m),
        ["nm"] = ("length", 0.000000001m), ["μm"] = ("length", 0.000001m), ["mm"] = ("length", 0.001m), ["cm"] = ("length", 0.01m),
        ["m"] = ("length", 1m), ["km"] = ("length", 1_000m),
        ["mJ"] = ("energy", 0.001m), ["J"] = ("energy", 1m), ["kJ"] = ("energy", 1_000m), ["MJ"] = ("energy", 1_000_000m), ["GJ"] = ("energy", 1_000_000_000m),
        ["Wh"] = ("energy", 3_600m), ["kWh"] = ("energy", 3_600_000m), ["MWh"] = ("energy", 3_600_000_000m), ["GWh"] = ("energy", 3_600_000_000_000m),
        ["TWh"] = ("energy", 3_600_000_000_000_000m),
        ["μW"] = ("power", 0.000001m), ["mW"] = ("power", 0.001m), ["W"] = ("power", 1m), ["kW"] = ("power", 1_000m), ["MW"] = ("power", 1_000_000m),
        ["GW"] = ("power", 1_000_000_000m), ["TW"] = ("power", 1_000_000_000_000m),
        ["μg"] = ("mass", 0.000000001m), ["mg"] = ("mass", 0.000001m), ["g"] = ("mass", 0.001m), ["kg"] = ("mass", 1m), ["t"] = ("mass", 1_000m),
        ["Mt"] = ("mass", 1_000_000_000m),
        ["Hz"] = ("frequency", 1m), ["kHz"] = ("frequency", 1_000m), ["MHz"] = ("frequency", 1_000_000m), ["GHz"] = ("frequency", 1_000_000_000m),
        ["THz"] = ("frequency", 1_000_000_000_000m),
        ["mV"] = ("voltage", 0.001m), ["V"] = ("voltage", 1m), ["kV"] = ("voltage", 1_000m),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="value"/> in <paramref name="from"/> expressed in <paramref name="to"/>, or null when the units
    /// are not of one kind. Identical units (any, compared case-insensitively for codes like usd/USD) convert as is.
    /// </summary>
    public static decimal? Convert(decimal value, string? from, string? to)
    {
        if (from is null || to is null) return null;
        if (string.Equals(from, to, StringComparison.OrdinalIgnoreCase)) return value;
        if (!Units.TryGetValue(from, out var f) || !Units.TryGetValue(to, out var t) || f.Kind != t.Kind) return null;
        return value * f.Factor / t.Factor;
    }

    /// <summary>True when a value in <paramref name="from"/> can be compared with a threshold in <paramref name="to"/>.</summary>
    public static bool Compatible(string? from, string? to) => Convert(1m, from, to) is not null;
}
