using System.CommandLine;
using System.CommandLine.Parsing;

namespace Fukan.Cli;

/// <summary>
/// Options whose values are checked while parsing, so a bad value is a usage error (one line, exit 2) before any
/// work starts: the same rule, and the same wording, on every verb that takes them.
/// </summary>
public static class CliOptions
{
    /// <summary>At most N results: a whole number of at least 1.</summary>
    public static Option<int?> Limit(string description, params string[] aliases) =>
        AtLeast(new Option<int?>("--limit", aliases) { Description = description }, 1);

    /// <summary>Skip the first N results: a whole number of at least 0.</summary>
    public static Option<int?> Offset(string description = "Skip the first N results (with --limit: pages)") =>
        AtLeast(new Option<int?>("--offset") { Description = description }, 0);

    /// <summary>A year between 1 and 9998.</summary>
    public static Option<int?> Year(string name, string description)
    {
        var option = new Option<int?>(name) { Description = description };
        option.Validators.Add(r =>
        {
            if (Value<int?>(r) is int y && y is < 1 or > 9998) r.AddError($"{name} {y}: a year between 1 and 9998");
        });
        return option;
    }

    /// <summary>Refuses a value below <paramref name="min"/>, naming the option and the value.</summary>
    public static Option<int?> AtLeast(Option<int?> option, int min)
    {
        option.Validators.Add(r =>
        {
            if (Value<int?>(r) is int v && v < min)
                r.AddError($"{option.Name} {v}: must be {(min == 1 ? "1 or more" : min == 0 ? "0 or more" : $"at least {min}")}");
        });
        return option;
    }

    /// <summary>Same, for an option with a default.</summary>
    public static Option<int> AtLeast(Option<int> option, int min, int max = int.MaxValue)
    {
        option.Validators.Add(r =>
        {
            if (Value<int?>(r) is int v && (v < min || v > max)) r.AddError($"{option.Name} {v}: must be between {min} and {max}");
        });
        return option;
    }

    /// <summary>At most one of <paramref name="options"/> on the command line (<c>--json and --csv: choose one</c>).</summary>
    public static void OneOf(Command command, params Option[] options)
    {
        command.Validators.Add(r =>
        {
            var given = new List<string>();
            foreach (var o in options)
                if (r.GetResult(o) is { Implicit: false } given1 && IsSet(given1)) given.Add(o.Name);
            if (given.Count > 1) r.AddError($"{string.Join(" and ", given)}: choose one");
        });
    }

    /// <summary><c>--changes-since DATE</c>: a period (2025, 2025-06, 2025-06-15), checked while parsing.</summary>
    public static Option<string?> ChangesSince(string description)
    {
        var option = new Option<string?>("--changes-since") { Description = description };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } v && !Fukan.Storage.Period.TryParse(v, out _, out _))
                r.AddError($"--changes-since {v}: not a date (use 2025, 2025-06 or 2025-06-15)");
        });
        return option;
    }

    /// <summary>The last day of the period given to <paramref name="option"/>, or null when it is absent.</summary>
    public static DateOnly? LastDay(ParseResult result, Option<string?> option) =>
        result.GetValue(option) is { } text && Fukan.Storage.Period.TryParse(text, out _, out var last) ? last : null;

    /// <summary>The verbs that answer "as of" a date (<c>--as-of</c>, <c>--known-at</c>).</summary>
    public static readonly IReadOnlySet<string> AsOfVerbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "docs", "landscape", "area", "gaps", "timeline", "signals", "rank", "facts", "search", "money",
    };

    public const string AsOfName = "--as-of";
    public const string KnownAtName = "--known-at";

    /// <summary>
    /// Adds <c>--as-of DATE</c> and <c>--known-at DATE</c> to <paramref name="command"/>: the store it opens for
    /// reading is then the view <see cref="Fukan.Storage.AsOfKnowledgeStore"/>. A bad date is a usage error.
    /// </summary>
    public static void AddAsOf(Command command)
    {
        var asOf = new Option<string?>(AsOfName) { Description = "Answer as of a date (2022, 2022-06, 2022-06-15): only documents published by then count; undated ones are left out" };
        var knownAt = new Option<string?>(KnownAtName) { Description = "Also leave out what was ingested after this date or moment (2026-06-15, 2026-06-15T10:00:00Z)" };
        command.Options.Add(asOf);
        command.Options.Add(knownAt);
        command.Validators.Add(r =>
        {
            try { Fukan.Storage.AsOf.Parse(ValueOf(r, asOf), ValueOf(r, knownAt)); }
            catch (FormatException e) { r.AddError(e.Message); }
        });
    }

    /// <summary>The as-of view a command line asks for, or null.</summary>
    public static Fukan.Storage.AsOf? AsOfOf(ParseResult result)
    {
        string? Named(string name) => result.CommandResult.Command.Options.FirstOrDefault(o => o.Name == name) is Option<string?> o ? result.GetValue(o) : null;
        return Fukan.Storage.AsOf.Parse(Named(AsOfName), Named(KnownAtName));
    }

    /// <summary>The value of <paramref name="option"/> in a command validator, or null when it is absent or did not parse.</summary>
    public static T? ValueOf<T>(CommandResult r, Option<T> option) => r.GetResult(option) is { } o ? Value<T>(o) : default;

    /// <summary>The value, or null when it did not parse (that error is reported already, as "not a whole number").</summary>
    private static T? Value<T>(OptionResult r)
    {
        if (r.Errors.Any()) return default;
        // A value that does not convert fails here too; the parser reports it ("--from abc: not a whole number").
        try { return r.GetValueOrDefault<T>(); }
        catch (Exception) { return default; }
    }

    /// <summary>A flag given as <c>--json false</c> is not set.</summary>
    private static bool IsSet(OptionResult r) => r.Option is not Option<bool> || r.GetValueOrDefault<bool>();

    /// <summary>The first <paramref name="limit"/> items after <paramref name="offset"/>.</summary>
    public static List<T> Page<T>(IEnumerable<T> items, int? offset, int? limit)
    {
        var page = new List<T>();
        int skip = offset ?? 0;
        int max = limit ?? int.MaxValue;
        foreach (var item in items)
        {
            if (skip > 0) { skip--; continue; }
            if (page.Count >= max) break;
            page.Add(item);
        }
        return page;
    }
}
