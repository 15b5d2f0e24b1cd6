namespace Fukan.Extraction.Entities;

/// <summary>
/// Collects the keys of a <see cref="KeyTrie"/>, then lays them out flat once with <see cref="Build"/>: the
/// recognizer walks the trie from nearly every offset of every passage, so the finished trie is arrays only,
/// while adding keys stays simple here.
/// </summary>
internal sealed class KeyTrieBuilder
{
    private readonly List<SortedDictionary<char, int>> _children = [new()];
    private readonly List<int> _values = [-1];

    /// <summary>Adds <paramref name="key"/> (folded, without spaces) with <paramref name="value"/>; the last value for a key wins.</summary>
    public KeyTrieBuilder Add(string key, int value)
    {
        if (key.Length == 0) throw new ArgumentException("empty key", nameof(key));
        int node = 0;
        foreach (char c in key)
        {
            if (!_children[node].TryGetValue(c, out int next))
            {
                next = _children.Count;
                _children.Add([]);
                _values.Add(-1);
                _children[node].Add(c, next);
            }
            node = next;
        }
        _values[node] = value;
        return this;
    }

    /// <summary>
    /// The trie with nodes numbered breadth first and children in character order, so the children of a node
    /// are a run of consecutive node numbers and each node needs only its label, value and first child.
    /// </summary>
    public KeyTrie Build()
    {
        int count = _children.Count;
        var label = new char[count];
        var value = new int[count];
        var firstChild = new int[count + 1];
        var queue = new List<int>(count) { 0 };   // old node numbers in breadth-first order; the index is the new number
        value[0] = _values[0];
        for (int n = 0; n < queue.Count; n++)
        {
            firstChild[n] = queue.Count;
            foreach (var (c, child) in _children[queue[n]])
            {
                label[queue.Count] = c;
                value[queue.Count] = _values[child];
                queue.Add(child);
            }
        }
        firstChild[count] = count;
        return new KeyTrie(label, value, firstChild);
    }
}
