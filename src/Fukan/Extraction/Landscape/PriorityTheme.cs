using Fukan.Model;

namespace Fukan.Extraction.Landscape;

/// <summary>
/// One of a report's priority R&amp;D themes (わが国として重要な研究開発, e.g. the 12の研究開発 of a CRDS report):
/// its number and title, the section that describes it and its description when the report has one, and the
/// title as the summary lists it ("1. 先進半導体材料・デバイス技術、2. …"). <see cref="Fact.Source"/> is the
/// theme's heading when there is one, else its place in the summary list.
/// </summary>
public sealed record PriorityTheme(
    Provenance Source,
    int Number,
    string Title,
    string? SectionId,
    string? Description,
    string? SummaryTitle,
    int? SummaryLine) : Fact(Source)
{
    public const string FactKind = "priority-theme";

    public override string Kind => FactKind;
}
