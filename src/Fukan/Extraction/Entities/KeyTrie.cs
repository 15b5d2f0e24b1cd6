using System.Numerics;
using System.Runtime.CompilerServices;

namespace Fukan.Extraction.Entities;

/// <summary>
/// A character trie over folded keys. Walking it from a start offset reports every key that ends along the way;
/// spaces in the text are skipped inside a key, so "Sakana AI", "SakanaAI" and "Sakana　AI" all reach the same
/// key. Built once by <see cref="KeyTrieBuilder"/>, read by many threads.
/// </summary>
/// <remarks>
/// The recognizer walks the trie from nearly every offset of every passage, so it is flat arrays, not a dictionary
/// per node. Nodes are numbered breadth first with children in character order: the children of node n are the
/// nodes <c>_firstChild[n] .. _firstChild[n + 1] - 1</c>. The root's children (one per first character, hundreds
/// of them) are found through a bitmap of first characters and its running bit counts, which also answers
/// <see cref="Starts"/>. Most walks end after one character (日 starts keys, but few of them go on with the
/// character that follows it in the text), so a second bitmap of hashed first-two-character pairs ends those walks
/// before any child is looked up.
/// </remarks>
internal sealed class KeyTrie
{
    private const int LinearScanLimit = 8;

    private readonly char[] _label;
    private readonly int[] _value;
    private readonly int[] _firstChild;
    private readonly ulong[] _firstChars = new ulong[(char.MaxValue + 1) / 64];
    private readonly int[] _firstCharsBefore = new int[(char.MaxValue + 1) / 64];   // set bits in the words before each word
    private readonly ulong[] _pairs = new ulong[(1 << PairBits) / 64];                // hashed (first, second) characters of keys
    private readonly ulong[] _wholeKeys = new ulong[(char.MaxValue + 1) / 64];        // first characters that are a key by themselves
    private const int PairBits = 16;

    internal KeyTrie(char[] label, int[] value, int[] firstChild)
    {
        _label = label;
        _value = value;
        _firstChild = firstChild;
        for (int n = firstChild[0]; n < firstChild[1]; n++)
        {
            Set(_firstChars, label[n]);
            if (value[n] >= 0) Set(_wholeKeys, label[n]);
        }
        for (int w = 1; w < _firstChars.Length; w++) _firstCharsBefore[w] = _firstCharsBefore[w - 1] + BitOperations.PopCount(_firstChars[w - 1]);
        for (int first = firstChild[0]; first < firstChild[1]; first++)
            for (int second = firstChild[first]; second < firstChild[first + 1]; second++)
                Set(_pairs, PairBit(label[first], label[second]));
    }

    private static void Set(ulong[] bits, int i) => bits[i >> 6] |= 1UL << (i & 63);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSet(ulong[] bits, int i) => (bits[i >> 6] & (1UL << (i & 63))) != 0;

    public int NodeCount => _label.Length;

    /// <summary>True when some key starts with <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Starts(char c) => IsSet(_firstChars, c);

    /// <summary>
    /// False when <see cref="Walk"/> from <paramref name="start"/> can find nothing; true means it may. The test for
    /// scanning every offset of a text: it looks at the next character too, so far fewer offsets pass than
    /// <see cref="Starts"/> lets through.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayMatchAt(ReadOnlySpan<char> folded, int start)
    {
        char c = folded[start];
        int next = start + 1;
        if (next < folded.Length && folded[next] != ' ') return MayContinue(c, folded[next]) || IsSet(_wholeKeys, c);
        return Starts(c);
    }

    /// <summary>Adds (end offset, value) for every key that matches <paramref name="folded"/> from <paramref name="start"/>, shortest first.</summary>
    public void Walk(ReadOnlySpan<char> folded, int start, List<(int End, int Value)> hits)
    {
        hits.Clear();
        if (start >= folded.Length || !Starts(folded[start])) return;
        char first = folded[start];
        int node = RootChild(first);
        if (_value[node] >= 0) hits.Add((start + 1, _value[node]));
        int second = start + 1;
        while (second < folded.Length && folded[second] == ' ') second++;
        if (second == folded.Length || !MayContinue(first, folded[second])) return;
        for (int i = second; i < folded.Length; i++)
        {
            char c = folded[i];
            if (c == ' ') continue;
            node = Child(node, c);
            if (node < 0) return;
            if (_value[node] >= 0) hits.Add((i + 1, _value[node]));
        }
    }

    private static int PairBit(char first, char second) => (int)(((uint)first << 16 | second) * 0x9E3779B1u >> (32 - PairBits));

    /// <summary>False when no key starts with <paramref name="first"/> then <paramref name="second"/>; true means maybe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayContinue(char first, char second) => IsSet(_pairs, PairBit(first, second));

    // Root children are numbered 1.. in character order, so the child for c is 1 + the number of first characters below c.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int RootChild(char c)
    {
        int word = c >> 6;
        ulong below = _firstChars[word] & ((1UL << (c & 63)) - 1);
        return 1 + _firstCharsBefore[word] + BitOperations.PopCount(below);
    }

    /// <summary>The child of <paramref name="node"/> labelled <paramref name="c"/>, or -1.</summary>
    private int Child(int node, char c)
    {
        int from = _firstChild[node], to = _firstChild[node + 1];
        if (to - from <= LinearScanLimit)
        {
            for (int n = from; n < to; n++)
                if (_label[n] == c) return n;
            return -1;
        }
        int at = _label.AsSpan(from, to - from).IndexOf(c);
        return at < 0 ? -1 : from + at;
    }
}
