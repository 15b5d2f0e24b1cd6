using Fukan.Extraction.Landscape;

namespace Fukan.Analysis.Landscape;

/// <summary>One area of the heatmap: its rows placed in two phase slots per country.</summary>
/// <param name="AreaId">The area's id.</param>
/// <param name="Title">The area's title.</param>
/// <param name="Division">The division's title.</param>
/// <param name="Cells">Per country code, the rows in slots 0 and 1 (null where there is none).</param>
/// <param name="SlotLabels">What the slots rate: 基礎研究 / 応用研究・開発, or the area's own dimensions (取り組み水準 / 実効性).</param>
/// <param name="OtherPhases">True when the area rates other dimensions than basic and applied research.</param>
/// <param name="Hidden">Rows that have no slot (a third dimension): they are in the JSON, not in the heatmap.</param>
public sealed record MatrixArea(
    string AreaId,
    string Title,
    string? Division,
    IReadOnlyList<string> SlotLabels,
    bool OtherPhases,
    IReadOnlyDictionary<string, ComparisonRow?[]> Cells,
    int Hidden)
{
    public ComparisonRow? Cell(string country, int slot) =>
        Cells.TryGetValue(country, out var slots) && slot < slots.Length ? slots[slot] : null;
}

/// <summary>
/// Areas × countries × phases, ready for a heatmap: the main countries (JP, US, EU, CN, KR) first, then the others
/// in order of appearance, OTHER and UNKNOWN last. Slot 0 is basic research, slot 1 applied research and development; an
/// area that rates other dimensions fills the slots with them in table order.
/// </summary>
public sealed class LandscapeMatrix
{
    private LandscapeMatrix(IReadOnlyList<string> countries, IReadOnlyList<MatrixArea> areas)
    {
        Countries = countries;
        Areas = areas;
    }

    public IReadOnlyList<string> Countries { get; }

    public IReadOnlyList<MatrixArea> Areas { get; }

    public static LandscapeMatrix Build(LandscapeDocument doc, LandscapeFilter filter)
    {
        var present = new List<string>();
        foreach (var r in doc.Rows)
            if (filter.Matches(r) && !present.Contains(r.Country)) present.Add(r.Country);
        var countries = new List<string>();
        foreach (var c in CountryNames.MainCodes) if (present.Contains(c)) countries.Add(c);
        foreach (var c in present) if (!countries.Contains(c) && c is not (CountryNames.Other or CountryNames.Unknown)) countries.Add(c);
        if (present.Contains(CountryNames.Other)) countries.Add(CountryNames.Other);
        if (present.Contains(CountryNames.Unknown)) countries.Add(CountryNames.Unknown);

        var areas = new List<MatrixArea>();
        foreach (var (areaId, title, division) in doc.AreaList())
        {
            var rows = doc.RowsOf(areaId);
            if (rows.Count == 0) continue;
            bool other = false;
            foreach (var r in rows) other |= r.Phase == PhaseLabels.Other;
            var slotLabels = new List<string>();
            if (!other)
            {
                slotLabels.Add(LabelOf(rows, PhaseLabels.Basic) ?? "基礎研究");
                slotLabels.Add(LabelOf(rows, PhaseLabels.Applied) ?? "応用研究・開発");
            }
            else
                foreach (var r in rows)
                    if (!slotLabels.Contains(r.PhaseLabel) && slotLabels.Count < 2) slotLabels.Add(r.PhaseLabel);
            var cells = new Dictionary<string, ComparisonRow?[]>(StringComparer.Ordinal);
            int hidden = 0;
            foreach (var r in rows)
            {
                if (!filter.Matches(r)) continue;
                int slot = other ? slotLabels.IndexOf(r.PhaseLabel) : r.Phase == PhaseLabels.Basic ? 0 : r.Phase == PhaseLabels.Applied ? 1 : -1;
                if (slot < 0) { hidden++; continue; }
                if (!cells.TryGetValue(r.Country, out var slots)) cells[r.Country] = slots = new ComparisonRow?[2];
                if (slots[slot] is null) slots[slot] = r; else hidden++;
            }
            if (cells.Count == 0 && filter.Countries.Count > 0) continue;
            areas.Add(new MatrixArea(areaId, title, division, slotLabels, other, cells, hidden));
        }
        return new LandscapeMatrix(countries, areas);
    }

    private static string? LabelOf(IReadOnlyList<ComparisonRow> rows, string phase)
    {
        foreach (var r in rows) if (r.Phase == phase) return r.PhaseLabel;
        return null;
    }
}
