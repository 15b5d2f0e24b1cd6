using System.Reflection;
using Fukan.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Fukan.Extraction.Entities;

/// <summary>
/// Reads gazetteer YAML and builds a <see cref="Gazetteer"/>. The format:
/// <code>
/// entities:
///   - { id: meti, type: org, name: 経済産業省, aliases: [METI, 経産省] }
///   - { id: meti, aliases: [Ministry of Economy] }          # a known id: adds aliases (name/type override if given)
///   - { id: meti, aliases: [METI], replaceAliases: true }    # replaces the aliases instead
///   - { id: old-entry, remove: true }                        # drops an entry
/// ignore: [GDP, KPI]                                         # words that are never entities
/// </code>
/// Bad input is reported in <see cref="Diagnostics"/> with its file and line; the rest of the file still loads.
/// </summary>
public sealed class GazetteerBuilder
{
    /// <summary>The manifest name of the embedded default list.</summary>
    public const string DefaultResourceName = "Fukan.Extraction.Entities.gazetteer.yaml";

    private sealed class Draft(string id, string name, EntityType type)
    {
        public string Id { get; } = id;
        public string Name { get; set; } = name;
        public EntityType Type { get; set; } = type;
        public List<string> Aliases { get; } = [];
    }

    private readonly List<Draft> _drafts = [];
    private readonly Dictionary<string, Draft> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _ignore = [];
    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Adds the embedded default list.</summary>
    public GazetteerBuilder AddDefault()
    {
        using var stream = typeof(GazetteerBuilder).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"embedded resource {DefaultResourceName} is missing from {typeof(GazetteerBuilder).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        int before = _diagnostics.Count;
        AddYaml(reader.ReadToEnd(), "gazetteer.yaml (embedded)");
        // The shipped list is ours: a problem in it is a bug, not bad input.
        if (_diagnostics.Count > before) throw new InvalidOperationException("embedded gazetteer is invalid: " + _diagnostics[before]);
        return this;
    }

    /// <summary>Adds a user file; a missing or unreadable file becomes a diagnostic.</summary>
    public GazetteerBuilder AddFile(string path)
    {
        string text;
        try { text = Fukan.Reading.YamlInput.ReadFile(path, "gazetteer", m => new IOException(m)); }
        catch (IOException e)
        {
            // ReadFile's line starts with the path, which the diagnostic names already.
            var reason = e.Message.StartsWith(path + ": cannot read the gazetteer: ", StringComparison.Ordinal) ? e.Message[(path.Length + 29)..] : e.Message;
            _diagnostics.Add(Diagnostic.Error(path, $"cannot read gazetteer: {reason}"));
            return this;
        }
        return AddYaml(text, path);
    }

    /// <summary>Adds the entries of one YAML document; <paramref name="source"/> names it in diagnostics.</summary>
    public GazetteerBuilder AddYaml(string yaml, string source)
    {
        YamlStream stream;
        try { stream = Fukan.Reading.GuardedYamlParser.Load(yaml); }
        catch (YamlException e)
        {
            _diagnostics.Add(Diagnostic.Error(source, $"malformed YAML: {Fukan.Reading.GuardedYamlParser.Reason(e)}", (int)e.Start.Line));
            return this;
        }
        if (stream.Documents.Count == 0) return this;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            _diagnostics.Add(Diagnostic.Error(source, "a gazetteer is a mapping with 'entities' and 'ignore'", 1));
            return this;
        }
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "entities" when value is YamlSequenceNode seq:
                    foreach (var item in seq.Children) AddEntry(item, source);
                    break;
                case "ignore" when value is YamlSequenceNode seq:
                    foreach (var item in seq.Children)
                        if (item is YamlScalarNode { Value: { Length: > 0 } w }) _ignore.Add(w);
                    break;
                default:
                    _diagnostics.Add(Diagnostic.Warning(source, $"unknown or malformed key '{key}' ignored", Line(keyNode)));
                    break;
            }
        }
        return this;
    }

    private void AddEntry(YamlNode node, string source)
    {
        if (node is not YamlMappingNode map)
        {
            _diagnostics.Add(Diagnostic.Warning(source, "an entity must be a mapping", Line(node)));
            return;
        }
        string? id = Scalar(map, "id")?.Trim(), name = Scalar(map, "name")?.Trim(), typeName = Scalar(map, "type");
        bool remove = Scalar(map, "remove") is "true" or "yes";
        bool replaceAliases = Scalar(map, "replaceAliases") is "true" or "yes";
        if (string.IsNullOrEmpty(id) || id.Contains(' ', StringComparison.Ordinal))
        {
            _diagnostics.Add(Diagnostic.Warning(source, "entity without a valid id (non-empty, no spaces) skipped", Line(node)));
            return;
        }
        EntityType? type = null;
        if (typeName is not null)
        {
            if (!EntityTypeNames.TryParse(typeName, out var t))
            {
                _diagnostics.Add(Diagnostic.Warning(source, $"entity {id}: unknown type '{typeName}' (org|program|country|tech); skipped", Line(node)));
                return;
            }
            type = t;
        }
        var aliases = new List<string>();
        if (map.Children.TryGetValue(new YamlScalarNode("aliases"), out var aliasNode))
        {
            if (aliasNode is YamlSequenceNode seq)
            {
                foreach (var a in seq.Children)
                    if (a is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)) aliases.Add(v.Trim());
            }
            else if (aliasNode is YamlScalarNode { Value: { } one } && !string.IsNullOrWhiteSpace(one)) aliases.Add(one.Trim());
        }

        if (_byId.TryGetValue(id, out var existing))
        {
            if (remove)
            {
                _byId.Remove(id);
                _drafts.Remove(existing);
                return;
            }
            if (!string.IsNullOrEmpty(name)) existing.Name = name;
            if (type is { } tt) existing.Type = tt;
            if (replaceAliases) existing.Aliases.Clear();
            existing.Aliases.AddRange(aliases);
            return;
        }
        if (remove) return;
        if (string.IsNullOrEmpty(name) || type is null)
        {
            _diagnostics.Add(Diagnostic.Warning(source, $"new entity {id} needs a name and a type; skipped", Line(node)));
            return;
        }
        var draft = new Draft(id, name, type.Value);
        draft.Aliases.AddRange(aliases);
        _drafts.Add(draft);
        _byId[id] = draft;
    }

    /// <summary>The gazetteer so far. When two entities share a name, the one defined later keeps it.</summary>
    public Gazetteer Build()
    {
        var entries = new GazetteerEntry[_drafts.Count];
        var aliasTable = new List<(string Key, int Entry, AliasCase Case)>();
        for (int i = 0; i < _drafts.Count; i++)
        {
            var d = _drafts[i];
            var distinct = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in d.Aliases)
                if (!string.Equals(EntityText.Key(a), EntityText.Key(d.Name), StringComparison.Ordinal) && seen.Add(EntityText.Key(a))) distinct.Add(a);
            entries[i] = new GazetteerEntry(d.Id, d.Name, d.Type, distinct);
            AddAlias(d.Name, i);
            foreach (var a in distinct) AddAlias(a, i);
        }
        return new Gazetteer(entries, aliasTable, _ignore);

        void AddAlias(string alias, int entry)
        {
            var key = EntityText.Key(alias);
            if (key.Length == 0) return;
            aliasTable.Add((key, entry, CaseOf(alias)));
        }
    }

    // How the letters of a text must be written to match an alias. All-capital aliases (US, CHIPS, SEMI, REACH)
    // match only in capitals: "us", "chips", "semi" and "Reach" are words. Aliases with some capitals (Intel, Arm,
    // Apple) match any case except all lower case ("arm", "apple"). Aliases without capitals match any case.
    private static AliasCase CaseOf(string alias)
    {
        int upper = 0, lower = 0;
        foreach (char ch in alias)
        {
            char c = ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch;
            if (c is >= 'A' and <= 'Z') upper++;
            else if (c is >= 'a' and <= 'z') lower++;
        }
        if (upper == 0) return AliasCase.Any;
        return lower == 0 && upper >= 2 ? AliasCase.Upper : AliasCase.NotAllLower;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
