using System.Collections.Frozen;
using Fukan.Model;

namespace Fukan.Extraction.Entities;

/// <summary>
/// The curated list of known entities and the names they go by (米国 / アメリカ / US; 経済産業省 / METI). The
/// default list is embedded (<c>gazetteer.yaml</c>); user YAML files extend it (new ids), override it (same id) and
/// add words that are never entities (<c>ignore</c>). Names match folded: width and spaces do not matter, nor does
/// case, except that all-capital aliases (US, CHIPS, SEMI) only match in capitals and aliases with capitals
/// (Intel, Arm) never match a word in all lower case ("arm"), so ordinary words are not taken for names.
/// Immutable once built; build it once and share it.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> DefaultGazetteer = new(() => new GazetteerBuilder().AddDefault().Build());

    private readonly GazetteerEntry[] _entries;
    private readonly FrozenDictionary<string, int> _byId;
    private readonly FrozenDictionary<string, int> _byKey;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;   // looked up per candidate name
    private readonly FrozenSet<string> _ignored;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _ignoredSpan;
    private readonly int[] _aliasEntry;
    private readonly AliasCase[] _aliasCase;

    internal Gazetteer(GazetteerEntry[] entries, IReadOnlyList<(string Key, int Entry, AliasCase Case)> aliases, IEnumerable<string> ignore)
    {
        _entries = entries;
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Length; i++) byId[entries[i].Id] = i;
        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);

        var trie = new KeyTrieBuilder();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        _aliasEntry = new int[aliases.Count];
        _aliasCase = new AliasCase[aliases.Count];
        for (int i = 0; i < aliases.Count; i++)
        {
            var (key, entry, aliasCase) = aliases[i];
            _aliasEntry[i] = entry;
            _aliasCase[i] = aliasCase;
            trie.Add(key, i);
            byKey[key] = entry;
        }
        Trie = trie.Build();
        _byKey = byKey.ToFrozenDictionary(StringComparer.Ordinal);
        _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in ignore)
        {
            var key = EntityText.Key(word);
            if (key.Length > 0) ignored.Add(key);
        }
        _ignored = ignored.ToFrozenSet(StringComparer.Ordinal);
        _ignoredSpan = _ignored.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The embedded default gazetteer.</summary>
    public static Gazetteer Default => DefaultGazetteer.Value;

    /// <summary>
    /// The default gazetteer extended by <paramref name="userFiles"/> in order (later files win). Unreadable or
    /// malformed files are reported in <paramref name="diagnostics"/> and skipped.
    /// </summary>
    public static Gazetteer Load(IEnumerable<string> userFiles, ICollection<Diagnostic>? diagnostics = null)
    {
        var builder = new GazetteerBuilder().AddDefault();
        foreach (var file in userFiles) builder.AddFile(file);
        if (diagnostics is not null) foreach (var d in builder.Diagnostics) diagnostics.Add(d);
        return builder.Build();
    }

    /// <summary>Every entity, in the order they were defined.</summary>
    public IReadOnlyList<GazetteerEntry> Entries => _entries;

    public int Count => _entries.Length;

    /// <summary>Keys (folded, spaceless) that are never entities.</summary>
    public IReadOnlySet<string> Ignored => _ignored;

    internal KeyTrie Trie { get; }

    /// <summary>The entry with id <paramref name="id"/>.</summary>
    public bool TryGet(string id, out GazetteerEntry entry)
    {
        if (_byId.TryGetValue(id, out int i)) { entry = _entries[i]; return true; }
        entry = null!;
        return false;
    }

    /// <summary>The entry one of whose names is <paramref name="name"/> (folded comparison, spaces ignored).</summary>
    public bool TryFindName(ReadOnlySpan<char> name, out GazetteerEntry entry)
    {
        Span<char> buffer = name.Length <= EntityText.MaxStackKey ? stackalloc char[EntityText.MaxStackKey] : new char[name.Length];
        if (_byKeySpan.TryGetValue(buffer[..EntityText.KeyInto(name, buffer)], out int i)) { entry = _entries[i]; return true; }
        entry = null!;
        return false;
    }

    /// <summary>True when <paramref name="text"/> is on the ignore list.</summary>
    public bool IsIgnored(ReadOnlySpan<char> text)
    {
        if (_ignored.Count == 0) return false;
        Span<char> buffer = text.Length <= EntityText.MaxStackKey ? stackalloc char[EntityText.MaxStackKey] : new char[text.Length];
        return _ignoredSpan.Contains(buffer[..EntityText.KeyInto(text, buffer)]);
    }

    internal bool ContainsId(string id) => _byId.ContainsKey(id);

    internal GazetteerEntry EntryOfAlias(int alias) => _entries[_aliasEntry[alias]];

    internal AliasCase CaseOf(int alias) => _aliasCase[alias];
}

/// <summary>How the letters of a text must be written to match an alias.</summary>
internal enum AliasCase : byte
{
    Any,
    NotAllLower,
    Upper,
}
