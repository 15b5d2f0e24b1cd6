namespace Fukan.Structure;

/// <summary>
/// The display widths of the last few body lines and the widest of them: the local column that tells a full
/// (wrapped) line from a short one. A fixed ring instead of a queue plus LINQ, because it is updated on every line.
/// </summary>
internal sealed class RecentWidths
{
    private const int Capacity = 8;
    private readonly int[] _widths = new int[Capacity];
    private int _count;
    private int _next;

    /// <summary>The widest of the remembered widths; 0 before the first.</summary>
    public int Max { get; private set; }

    /// <summary>Remembers <paramref name="width"/>, forgetting the oldest once <see cref="Capacity"/> are kept.</summary>
    public void Add(int width)
    {
        _widths[_next] = width;
        _next = (_next + 1) % Capacity;
        if (_count < Capacity) _count++;
        int max = 0;
        for (int i = 0; i < _count; i++) max = Math.Max(max, _widths[i]);
        Max = max;
    }
}
