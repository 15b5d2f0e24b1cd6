using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Fukan.Analysis.Ranking;

/// <summary>
/// Reads ranking weights from YAML:
/// <code>
/// criteria:
///   emergence: 0.1667                               # a weight (≥ 0)
///   gapToLeader: { weight: 0.0667, direction: cost }  # or a weight and a direction (benefit | cost)
/// </code>
/// An unknown criterion, a negative or non-numeric weight, an unknown direction, or weights that sum to zero throw
/// <see cref="WeightsException"/> with one line: <c>FILE: line N: reason</c>.
/// </summary>
public static class WeightsLoader
{
    /// <summary>The manifest name of the embedded default weights (data/weights.yaml).</summary>
    public const string DefaultResourceName = "Fukan.data.weights.yaml";

    public static RankingWeights LoadDefault()
    {
        using var stream = typeof(WeightsLoader).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"embedded resource {DefaultResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "weights.yaml (default)");
    }

    public static RankingWeights Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WeightsException($"{path}: cannot read the weights: {e.Message}");
        }
        return Parse(text, path);
    }

    public static RankingWeights Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e)
        {
            throw new WeightsException($"{source}: line {e.Start.Line}: malformed YAML: {FirstLine(e.Message)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some unterminated flow collections.
            throw new WeightsException($"{source}: malformed YAML (an unclosed bracket, brace or quote?)");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new WeightsException($"{source}: weights are a mapping with a 'criteria' mapping");
        YamlMappingNode? criteria = null;
        foreach (var (k, v) in root.Children)
        {
            var key = (k as YamlScalarNode)?.Value;
            if (key == "criteria" && v is YamlMappingNode m) criteria = m;
            else if (key == "criteria") throw Error(source, v, "'criteria' must be a mapping of criterion: weight");
            else if (key is not ("version" or "method")) throw Error(source, k, $"unknown key '{key}' (expected criteria)");
        }
        if (criteria is null) throw new WeightsException($"{source}: no 'criteria' mapping");

        var byId = new Dictionary<string, CriterionWeight>(StringComparer.Ordinal);
        foreach (var (k, v) in criteria.Children)
        {
            var id = (k as YamlScalarNode)?.Value ?? "";
            var criterion = Criterion.Find(id)
                ?? throw Error(source, k, $"unknown criterion '{id}' (known: {string.Join(", ", Criterion.All.Select(c => c.Id))})");
            if (byId.ContainsKey(id)) throw Error(source, k, $"criterion '{id}' is given twice");
            YamlNode weightNode = v;
            var direction = criterion.DefaultDirection;
            if (v is YamlMappingNode map)
            {
                YamlNode? w = null;
                foreach (var (mk, mv) in map.Children)
                {
                    switch ((mk as YamlScalarNode)?.Value)
                    {
                        case "weight": w = mv; break;
                        case "direction":
                            direction = (mv as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() switch
                            {
                                "benefit" => CriterionDirection.Benefit,
                                "cost" => CriterionDirection.Cost,
                                var other => throw Error(source, mv, $"criterion '{id}': direction '{other}' is not benefit or cost"),
                            };
                            break;
                        case var other: throw Error(source, mk, $"criterion '{id}': unknown key '{other}' (expected weight, direction)");
                    }
                }
                weightNode = w ?? throw Error(source, v, $"criterion '{id}' has no weight");
            }
            if (weightNode is not YamlScalarNode { Value: { } text } || !double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double weight) || !double.IsFinite(weight))
                throw Error(source, weightNode, $"criterion '{id}': weight '{(weightNode as YamlScalarNode)?.Value}' is not a number");
            if (weight < 0) throw Error(source, weightNode, $"criterion '{id}': weight {text.Trim()} is negative");
            byId[id] = new CriterionWeight(id, weight, direction);
        }
        var list = new List<CriterionWeight>();
        foreach (var c in Criterion.All)
            list.Add(byId.TryGetValue(c.Id, out var w) ? w : new CriterionWeight(c.Id, 0, c.DefaultDirection));
        var weights = new RankingWeights(source, list);
        if (!(weights.Sum > 0)) throw new WeightsException($"{source}: the weights sum to zero: give at least one criterion a positive weight");
        return weights;
    }

    private static WeightsException Error(string source, YamlNode node, string message) => new($"{source}: line {node.Start.Line}: {message}");

    private static string FirstLine(string s)
    {
        int nl = s.IndexOfAny(['\r', '\n']);
        return nl < 0 ? s : s[..nl];
    }
}
