using Fukan.Model;

namespace Fukan.Normalizing;

/// <summary>
/// A vertical side label that PDF extraction turned into one-character lines (俯 / 瞰 / 区 / 分 …), with the
/// section number printed under it ("1", "2.1"). <see cref="Runs"/> holds each label read top to bottom.
/// <see cref="OnPageEdge"/> is true when it sits in a page-break cluster (after a running header or footer):
/// vertical text inside a figure or table is not a side label and says nothing about sections.
/// </summary>
public sealed record SideLabel(int Line, IReadOnlyList<string> Runs, string? Number, bool OnPageEdge);

/// <summary>Which lines are page furniture (running headers, footers, page numbers, side labels).</summary>
public sealed record PageFurniture(bool[] IsFurniture, IReadOnlyList<SideLabel> SideLabels)
{
    public int Count
    {
        get
        {
            int n = 0;
            foreach (var f in IsFurniture) if (f) n++;
            return n;
        }
    }
}
