using System.Globalization;
using Fukan.Analysis.Ranking;
using Fukan.Contracts;
using Microsoft.AspNetCore.Http;

namespace Fukan.Web;

/// <summary>Query parameters read as text and checked here, so a bad one is a problem naming it rather than a bare 400.</summary>
internal static class Params
{
    public static string? Str(HttpRequest r, string name)
    {
        var v = r.Query[name].ToString();
        return string.IsNullOrWhiteSpace(v) ? null : v.Trim();
    }

    public static int? Int(HttpRequest r, string name, int min, int max)
    {
        var v = Str(r, name);
        if (v is null) return null;
        if (!int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            throw QueryException.BadParameter($"{name} {v}: not a whole number");
        if (n < min || n > max) throw QueryException.BadParameter($"{name} {v}: between {min} and {max}");
        return n;
    }

    public static bool Bool(HttpRequest r, string name) =>
        Str(r, name) is { } v && (v is "1" or "on" or "yes" || v.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>Countries: repeated or comma separated.</summary>
    public static string[] List(HttpRequest r, string name)
    {
        var list = new List<string>();
        foreach (var v in r.Query[name])
            if (!string.IsNullOrWhiteSpace(v)) list.Add(v);
        return list.ToArray();
    }

    public static decimal? Decimal(HttpRequest r, string name)
    {
        var v = Str(r, name);
        if (v is null) return null;
        if (!decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            throw QueryException.BadParameter($"{name} {v}: not a number");
        return d;
    }

    /// <summary>The filters of <c>/api/facts</c>, named as on the CLI without the dashes.</summary>
    public static FactFilter Facts(HttpRequest r) => new()
    {
        Unit = Str(r, "unit"), Min = Decimal(r, "min"), Max = Decimal(r, "max"), Subject = Str(r, "subject"), After = Str(r, "after"),
        Before = Str(r, "before"), Entity = Str(r, "entity"), Status = Str(r, "status"), Domain = Str(r, "domain"), Country = Str(r, "country"),
        Rating = Str(r, "rating"), Phase = Str(r, "phase"), Trend = Str(r, "trend"), Area = Str(r, "area"),
    };

    /// <summary>The ranking asked for: method, country, sensitivity, weights (<c>weights=id:w,…</c> or <c>w.id=w</c>).</summary>
    public static RankRequest Rank(HttpRequest r, Fukan.Model.DocumentInfo? doc)
    {
        var overrides = new List<KeyValuePair<string, string>>();
        if (Str(r, "weights") is { } spec)
            foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = part.IndexOf(':');
                if (colon <= 0) throw QueryException.BadParameter($"weights {part}: expected criterion:weight, e.g. emergence:0.2");
                overrides.Add(new(part[..colon].Trim(), part[(colon + 1)..].Trim()));
            }
        foreach (var (key, value) in r.Query)
            if (key.StartsWith("w.", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(value)) overrides.Add(new(key[2..], value.ToString().Trim()));
        var weights = WeightOverrides.Apply(WeightsLoader.LoadDefault(), overrides);
        return new RankRequest(weights, Str(r, "method") ?? "wsum", Str(r, "country") ?? "JP", Bool(r, "sensitivity"),
            Int(r, "draws", 1, 100_000) ?? (Bool(r, "sensitivity") ? 200 : 1000), Int(r, "seed", int.MinValue, int.MaxValue) ?? 42)
        {
            Area = Str(r, "area"),
            Limit = Int(r, "limit", 0, 100_000),
            Document = doc,
            DocumentReference = Str(r, "doc"),
        };
    }
}
