using Fukan.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Fukan.Reading;

/// <summary>The metadata of a YAML front matter block and the line where the body starts.</summary>
public sealed record FrontMatterResult(IReadOnlyDictionary<string, IReadOnlyList<string>> Metadata, int BodyStartLine, string? Warning);

/// <summary>
/// Reads Jekyll/Hugo-style YAML front matter: a first line <c>---</c>, YAML, a closing <c>---</c> or <c>...</c>.
/// Scalars and sequences become lists of strings (tags: ["AI", "投資"]); nested maps are flattened with dots.
/// Malformed YAML is not fatal: the block is skipped with a warning and the body is still read.
/// </summary>
public static class FrontMatter
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Empty = new Dictionary<string, IReadOnlyList<string>>();

    public static FrontMatterResult Parse(SourceText source)
    {
        int first = 1;
        // Leading blank lines before the opening fence are tolerated.
        while (first <= source.LineCount && source.Line(first).IsWhiteSpace() && first < 3) first++;
        if (first > source.LineCount || !source.Line(first).TrimEnd().SequenceEqual("---")) return new(Empty, 1, null);
        int close = -1;
        for (int line = first + 1; line <= source.LineCount && line < first + 400; line++)
        {
            var t = source.Line(line).TrimEnd();
            if (t.SequenceEqual("---") || t.SequenceEqual("...")) { close = line; break; }
        }
        if (close < 0) return new(Empty, 1, null);

        int start = source.LineStart(first + 1);
        int end = close > first + 1 ? source.LineEnd(close - 1) : start;
        var yaml = source.Text.AsSpan(start, end - start).ToString();
        try
        {
            var stream = GuardedYamlParser.Load(yaml);
            var meta = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
                Flatten(map, "", meta);
            else if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is not YamlScalarNode { Value: null or "" })
                return new(Empty, close + 1, $"front matter is not a YAML mapping (line {first + 1})");
            return new(meta, close + 1, null);
        }
        catch (YamlException e)
        {
            return new(Empty, close + 1, $"malformed front matter at line {first + Math.Max(1, (int)e.Start.Line)}: {GuardedYamlParser.Reason(e)}; front matter ignored, body kept");
        }
    }

    private static void Flatten(YamlMappingNode map, string prefix, Dictionary<string, IReadOnlyList<string>> into)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            var key = prefix + ((keyNode as YamlScalarNode)?.Value ?? keyNode.ToString());
            switch (value)
            {
                case YamlScalarNode s:
                    into[key] = s.Value is null ? [] : [s.Value];
                    break;
                case YamlSequenceNode seq:
                    var list = new List<string>();
                    foreach (var item in seq.Children)
                        if (item is YamlScalarNode { Value: { } v }) list.Add(v);
                    into[key] = list;
                    break;
                case YamlMappingNode m:
                    Flatten(m, key + ".", into);
                    break;
            }
        }
    }
}
