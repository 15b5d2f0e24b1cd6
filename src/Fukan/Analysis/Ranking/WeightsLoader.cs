using System.Globalization;
using Fukan.Reading;
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

    public static RankingWeights LoadDefault() =>
        Parse(YamlInput.ReadEmbedded(typeof(WeightsLoader).Assembly, DefaultResourceName), "weights.yaml (default)");

    public static RankingWeights Load(string path) =>
        Parse(YamlInput.ReadFile(path, "weights", m => new WeightsException(m)), path);

    public static RankingWeights Parse(string yaml, string source)
    {
        if (YamlInput.ParseMapping(yaml, source, m => new WeightsException(m)) is not { } root)
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
}
