namespace Fukan.Extraction.Entities;

/// <summary>
/// A set of offsets into one text, kept as bits and reused from text to text: emptying it costs one bit per
/// offset of the previous text, where a hash set or a fresh <c>bool[]</c> per text cost hashing or allocation.
/// Not thread-safe; one per scan.
/// </summary>
internal sealed class PositionSet
{
    private ulong[] _bits = new ulong[16];
    private int _usedWords;

    /// <summary>Empties the set and makes room for offsets 0 .. <paramref name="size"/> - 1.</summary>
    public void Reset(int size)
    {
        Array.Clear(_bits, 0, _usedWords);
        int words = (size + 63) >> 6;
        if (_bits.Length < words) _bits = new ulong[Math.Max(words, _bits.Length * 2)];
        _usedWords = words;
    }

    public void Add(int p) => _bits[p >> 6] |= 1UL << (p & 63);

    public bool Contains(int p) => (uint)(p >> 6) < (uint)_usedWords && (_bits[p >> 6] & (1UL << (p & 63))) != 0;

    /// <summary>Adds every offset from <paramref name="start"/> up to, not including, <paramref name="end"/>.</summary>
    public void AddRange(int start, int end)
    {
        for (int p = start; p < end; p++) Add(p);
    }

    /// <summary>True when some offset from <paramref name="start"/> up to, not including, <paramref name="end"/> is in the set.</summary>
    public bool AnyIn(int start, int end)
    {
        for (int p = start; p < end; p++)
            if (Contains(p)) return true;
        return false;
    }
}
