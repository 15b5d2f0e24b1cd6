namespace Fukan.Extraction.Entities;

/// <summary>
/// A character trie over folded keys. Walking it from a start offset reports every key that ends along the way;
/// spaces in the text are skipped inside a key, so "Sakana AI", "SakanaAI" and "Sakana　AI" all reach the same
/// key. Built once, read by many threads.
/// </summary>
internal sealed class KeyTrie
{
    private readonly List<Dictionary<char, int>> _children = [new()];
    private readonly List<int> _values = [-1];

    public int NodeCount => _children.Count;

    /// <summary>Adds <paramref name="key"/> (folded, without spaces) with <paramref name="value"/>; the last value for a key wins.</summary>
    public void Add(string key, int value)
    {
        if (key.Length == 0) throw new ArgumentException("empty key", nameof(key));
        int node = 0;
        foreach (char c in key)
        {
            if (!_children[node].TryGetValue(c, out int next))
            {
                next = _children.Count;
                _children.Add(new Dictionary<char, int>());
                _values.Add(-1);
                _children[node].Add(c, next);
            }
            node = next;
        }
        _values[node] = value;
    }

    /// <summary>True when some key starts with <paramref name="c"/>.</summary>
    public bool Starts(char c) => _children[0].ContainsKey(c);

    /// <summary>Adds (end offset, value) for every key that matches <paramref name="folded"/> from <paramref name="start"/>, shortest first.</summary>
    public void Walk(ReadOnlySpan<char> folded, int start, List<(int End, int Value)> hits)
    {
        hits.Clear();
        int node = 0;
        for (int i = start; i < folded.Length; i++)
        {
            char c = folded[i];
            if (c == ' ')
            {
                if (node == 0) return;
                continue;
            }
            if (!_children[node].TryGetValue(c, out node)) return;
            if (_values[node] >= 0) hits.Add((i + 1, _values[node]));
        }
    }
}
