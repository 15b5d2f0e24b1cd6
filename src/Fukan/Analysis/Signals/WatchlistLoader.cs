using System.Globalization;
using System.Text.RegularExpressions;
using Fukan.Extraction.Signals;
using Fukan.Reading;
using YamlDotNet.RepresentationModel;

namespace Fukan.Analysis.Signals;

/// <summary>
/// Reads a watchlist from YAML:
/// <code>
/// actShare: 0.5                  # optional: share of a domain's signal weight that must be met to act
/// signals:
///   - id: swe-bench-50
///     domain: AI agents
///     description: …
///     metric: …
///     comparator: "&gt;="         # &gt; &gt;= &lt; &lt;= = (or words: above, at least, below, at most), or occurs
///     threshold: 50              # a number; absent for occurs
///     unit: "%"                  # as the quantity parser writes it: %, USD, JPY, MPa, atm, nm …
///     aliases: [SWE-bench]       # names of the thing watched (in the sentence or its headings)
///     patterns: [解決率, resolution rate]   # regular expressions; evidence must match one
///     against: [延期, delay]     # optional regular expressions: evidence that it did not happen
///     conditions:                # optional, occurs only: every one must be met
///       - { name: …, aliases: […], patterns: […], against: […] }
///     fires: what it means when the signal fires
///     weight: 1                  # optional, ≥ 0
/// </code>
/// Anything malformed — unknown keys, a threshold that is not a number, a bad comparator, an invalid regular
/// expression, a duplicate id — throws <see cref="WatchlistException"/> with one line: <c>FILE: line N: signal 'id': reason</c>.
/// </summary>
public static class WatchlistLoader
{
    /// <summary>The manifest name of the embedded default watchlist (data/watchlist.yaml).</summary>
    public const string DefaultResourceName = "Fukan.data.watchlist.yaml";

    private static readonly HashSet<string> SignalKeys = new(StringComparer.Ordinal)
    {
        "id", "domain", "description", "metric", "comparator", "threshold", "unit", "aliases", "patterns", "against", "conditions", "fires", "weight",
    };

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly HashSet<string> ConditionKeys = new(StringComparer.Ordinal) { "name", "aliases", "patterns", "against" };

    /// <summary>The watchlist Fukan ships (embedded).</summary>
    public static Watchlist LoadDefault()
    {
        // The shipped list is ours: a problem in it is a bug, and surfaces as WatchlistException in the tests.
        return Parse(YamlInput.ReadEmbedded(typeof(WatchlistLoader).Assembly, DefaultResourceName), "watchlist.yaml (default)");
    }

    /// <summary>Reads the watchlist at <paramref name="path"/>.</summary>
    public static Watchlist Load(string path) =>
        Parse(YamlInput.ReadFile(path, "watchlist", m => new WatchlistException(m)), path);

    /// <summary>Parses watchlist YAML; <paramref name="source"/> names it in messages.</summary>
    public static Watchlist Parse(string yaml, string source)
    {
        if (YamlInput.ParseMapping(yaml, source, m => new WatchlistException(m)) is not { } root)
            throw new WatchlistException($"{source}: a watchlist is a mapping with a 'signals' list");
        double actShare = 0.5;
        YamlSequenceNode? signals = null;
        foreach (var (k, v) in root.Children)
        {
            var key = (k as YamlScalarNode)?.Value;
            switch (key)
            {
                case "signals" when v is YamlSequenceNode seq: signals = seq; break;
                case "signals": throw Error(source, v, null, "'signals' must be a list");
                case "version": break;
                case "actShare":
                    if (!TryNumber(v, out var share) || share <= 0 || share > 1)
                        throw Error(source, v, null, $"actShare '{Text(v)}' must be a number in (0, 1]");
                    actShare = (double)share;
                    break;
                default: throw Error(source, k, null, $"unknown key '{key}' (expected signals, actShare, version)");
            }
        }
        if (signals is null || signals.Children.Count == 0) throw new WatchlistException($"{source}: the watchlist has no signals");
        var list = new List<WatchSignal>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in signals.Children)
        {
            var signal = ReadSignal(node, source);
            if (!ids.Add(signal.Id)) throw Error(source, node, signal.Id, "duplicate id");
            list.Add(signal);
        }
        return new Watchlist(source, list, actShare);
    }

    private static WatchSignal ReadSignal(YamlNode node, string source)
    {
        if (node is not YamlMappingNode map) throw Error(source, node, null, "a signal must be a mapping (id, domain, metric, …)");
        var id = Scalar(map, "id", source);
        if (string.IsNullOrWhiteSpace(id)) throw Error(source, node, null, "a signal needs an id");
        id = id.Trim();
        foreach (var (k, _) in map.Children)
            if (k is YamlScalarNode { Value: { } key } && !SignalKeys.Contains(key))
                throw Error(source, k, id, $"unknown key '{key}' (expected {string.Join(", ", SignalKeys)})");
        string Required(string key) => Scalar(map, key, source) is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v.Trim()
            : throw Error(source, node, id, $"'{key}' is required");

        var domain = Required("domain");
        var description = Required("description");
        var metric = Required("metric");
        var fires = Required("fires");
        var comparatorText = Required("comparator");
        SignalComparator? comparator = null;
        if (!comparatorText.Equals("occurs", StringComparison.OrdinalIgnoreCase))
        {
            if (!SignalComparatorNames.TryParse(comparatorText, out var c))
                throw Error(source, Node(map, "comparator") ?? node, id, $"comparator '{comparatorText}' is not one of >, >=, <, <=, =, occurs");
            comparator = c;
        }
        decimal? threshold = null;
        var thresholdNode = Node(map, "threshold");
        if (comparator is not null)
        {
            if (thresholdNode is null || thresholdNode is YamlScalarNode { Value: null or "" or "~" or "null" })
                throw Error(source, thresholdNode ?? node, id, $"comparator '{comparatorText}' needs a numeric threshold");
            if (!TryNumber(thresholdNode, out var t))
                throw Error(source, thresholdNode, id, $"threshold '{Text(thresholdNode)}' is not a number (write the unit under 'unit')");
            threshold = t;
        }
        else if (thresholdNode is not null && thresholdNode is not YamlScalarNode { Value: null or "" or "~" or "null" })
            throw Error(source, thresholdNode, id, "a signal with comparator 'occurs' has no threshold");
        var unit = Scalar(map, "unit", source)?.Trim();
        if (comparator is not null && string.IsNullOrEmpty(unit)) throw Error(source, node, id, "a numeric signal needs a 'unit' (%, USD, MPa …)");

        var aliases = List(map, "aliases", source, id);
        if (aliases.Count == 0) throw Error(source, node, id, "'aliases' must list at least one name");
        var patterns = List(map, "patterns", source, id);
        var against = List(map, "against", source, id);
        double weight = 1;
        if (Node(map, "weight") is { } w)
        {
            if (!TryNumber(w, out var wv)) throw Error(source, w, id, $"weight '{Text(w)}' is not a number");
            if (wv < 0) throw Error(source, w, id, $"weight {Text(w)} is negative");
            weight = (double)wv;
        }

        var conditions = new List<WatchCondition>();
        if (Node(map, "conditions") is { } condNode)
        {
            if (comparator is not null) throw Error(source, condNode, id, "'conditions' are for qualitative signals (comparator: occurs)");
            if (condNode is not YamlSequenceNode seq || seq.Children.Count == 0) throw Error(source, condNode, id, "'conditions' must be a non-empty list");
            foreach (var c in seq.Children) conditions.Add(ReadCondition(c, source, id, against));
        }
        else
        {
            if (patterns.Count == 0) throw Error(source, node, id, "'patterns' must list at least one regular expression");
            conditions.Add(Compile(new WatchCondition(comparator is null ? metric : $"{metric} {comparator.Value.ToSymbol()} {threshold?.ToString(CultureInfo.InvariantCulture)} {unit}".TrimEnd(), [], patterns, against), source, node, id));
        }
        return new WatchSignal(id, domain, description, metric, comparator, threshold, unit, aliases, patterns, against, conditions, fires, weight, (int)node.Start.Line)
        {
            AliasSet = new TermSet(aliases),
        };
    }

    private static WatchCondition ReadCondition(YamlNode node, string source, string id, List<string> signalAgainst)
    {
        if (node is not YamlMappingNode map) throw Error(source, node, id, "a condition must be a mapping (name, aliases, patterns, against)");
        foreach (var (k, _) in map.Children)
            if (k is YamlScalarNode { Value: { } key } && !ConditionKeys.Contains(key))
                throw Error(source, k, id, $"unknown condition key '{key}' (expected name, aliases, patterns, against)");
        var name = Scalar(map, "name", source)?.Trim();
        if (string.IsNullOrEmpty(name)) throw Error(source, node, id, "a condition needs a name");
        var patterns = List(map, "patterns", source, id);
        if (patterns.Count == 0) throw Error(source, node, id, $"condition '{name}' needs at least one pattern");
        // The signal's own 'against' words speak against every condition.
        var against = List(map, "against", source, id);
        foreach (var a in signalAgainst) if (!against.Contains(a)) against.Add(a);
        return Compile(new WatchCondition(name, List(map, "aliases", source, id), patterns, against), source, node, id);
    }

    private static WatchCondition Compile(WatchCondition c, string source, YamlNode node, string id) => c with
    {
        AliasSet = new TermSet(c.Aliases),
        PatternRegexes = Regexes(c.Patterns, source, node, id),
        AgainstRegexes = Regexes(c.Against, source, node, id),
    };

    private static Regex[] Regexes(IReadOnlyList<string> patterns, string source, YamlNode node, string id)
    {
        var result = new Regex[patterns.Count];
        for (int i = 0; i < patterns.Count; i++)
        {
            try
            {
                // Matched against folded text (lower case, full-width folded). Interpreted (cheap to build: a watchlist
                // is read on every run) with a timeout, so a pathological pattern cannot hang a run.
                result[i] = new Regex(patterns[i], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                throw Error(source, node, id, $"pattern '{patterns[i]}' is not a valid regular expression: {YamlInput.FirstLine(e.Message)}");
            }
        }
        return result;
    }

    private static List<string> List(YamlMappingNode map, string key, string source, string id)
    {
        var node = Node(map, key);
        var list = new List<string>();
        switch (node)
        {
            case null: break;
            case YamlScalarNode { Value: { Length: > 0 } v }: list.Add(v); break;
            case YamlScalarNode: break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                {
                    if (item is not YamlScalarNode { Value: { } v }) throw Error(source, item, id, $"'{key}' must be a list of strings");
                    if (v.Trim().Length > 0) list.Add(v);
                }
                break;
            default: throw Error(source, node, id, $"'{key}' must be a list of strings");
        }
        return list;
    }

    private static YamlNode? Node(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
            if (k is YamlScalarNode { Value: { } name } && name == key) return v;
        return null;
    }

    private static string? Scalar(YamlMappingNode map, string key, string source) => Node(map, key) switch
    {
        YamlScalarNode s => s.Value,
        null => null,
        var other => throw new WatchlistException($"{source}: line {other.Start.Line}: '{key}' must be a single value"),
    };

    private static bool TryNumber(YamlNode node, out decimal value)
    {
        value = 0;
        return node is YamlScalarNode { Value: { } v } && decimal.TryParse(v.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static string Text(YamlNode node) => node is YamlScalarNode s ? s.Value ?? "" : node.NodeType.ToString().ToLowerInvariant();

    private static WatchlistException Error(string source, YamlNode node, string? id, string message) =>
        new($"{source}: line {node.Start.Line}: {(id is null ? "" : $"signal '{id}': ")}{message}");
}
