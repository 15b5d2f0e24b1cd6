using Fukan.Model;

namespace Fukan.Extraction.Landscape;

/// <summary>
/// Reads the landscape of a panoramic R&amp;D report: for every research area its international comparison rows
/// (<see cref="ComparisonRow"/>) and its profile (<see cref="AreaProfile"/>); for the report its divisions with
/// their areas (<see cref="LandscapeDivision"/>) and its priority R&amp;D themes (<see cref="PriorityTheme"/>).
/// Areas are the sections the structure stage marked as such; in a document without them, any section titled
/// 国際比較 is read as the comparison of its parent section.
/// </summary>
public sealed class LandscapeExtractor : IFactExtractor
{
    public string Name => "landscape";

    public void Extract(ExtractionContext context, ICollection<Fact> facts)
    {
        var outline = new AreaOutline(context.Sections);
        var parser = new ComparisonTableParser(context);
        var text = new SectionText(outline, context.Passages);
        var profiles = new AreaProfileReader(context, outline, text);
        var areas = outline.Areas;

        foreach (var area in areas)
        {
            int? heading = FindComparison(context, outline, area);
            facts.Add(profiles.Read(area, heading ?? 0));
            var reference = new AreaRef(area.Id, area.Title, outline.DivisionOf(area)?.Title);
            if (heading is int h)
                foreach (var row in parser.Parse(reference, h, area.EndLine)) facts.Add(row);
        }

        if (areas.Count == 0)
        {
            // Not a panoramic report's shape: a 国際比較 section anywhere is the comparison of its parent.
            bool any = false;
            foreach (var s in context.Sections)
            {
                if (!IsComparisonTitle(s.Title) || s.ParentId is null || outline.Get(s.ParentId) is not { } parent) continue;
                var reference = new AreaRef(parent.Id, parent.Title, parent.ParentId is { } gp ? outline.Get(gp)?.Title : null);
                foreach (var row in parser.Parse(reference, s.StartLine, s.EndLine)) { facts.Add(row); any = true; }
            }
            // Nor a heading for it: a short line saying 国際比較 starts the table of the section it is in.
            if (!any) ScanForTables(context, outline, parser, facts);
        }

        foreach (var division in outline.Divisions)
        {
            var members = new List<DivisionArea>();
            foreach (var child in outline.ChildrenOf(division))
                if (child.Kind == SectionKind.Area) members.Add(new DivisionArea(child.Id, child.Title));
            if (members.Count == 0) continue;
            var span = new CharSpan(context.Source.LineStart(division.StartLine), context.Source.LineEnd(division.EndLine));
            facts.Add(new LandscapeDivision(Provenance.Of(context.Document.Id, context.Source, span), division.Id, division.Title, members));
        }

        foreach (var theme in new PriorityThemeReader(context, outline, text).Read()) facts.Add(theme);
    }

    /// <summary>The line of the area's （7）国際比較 heading: its subsection, else a short line saying 国際比較.</summary>
    private static int? FindComparison(ExtractionContext context, AreaOutline outline, Section area)
    {
        foreach (var s in outline.DescendantsOf(area))
            if (s.Kind is SectionKind.Subsection or SectionKind.Section or SectionKind.Topic or SectionKind.Heading && IsComparisonTitle(s.Title))
                return s.StartLine;
        for (int l = area.StartLine + 1; l <= area.EndLine; l++)
        {
            if (context.IsSkipped(l)) continue;
            var t = context.Source.Line(l).Trim();
            if (t.Length <= 24 && IsComparisonTitle(t.ToString()) && !t.Contains("。", StringComparison.Ordinal)) return l;
        }
        return null;
    }

    private static void ScanForTables(ExtractionContext context, AreaOutline outline, ComparisonTableParser parser, ICollection<Fact> facts)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        for (int l = 1; l <= context.Source.LineCount; l++)
        {
            if (context.IsSkipped(l)) continue;
            var t = context.Source.Line(l).Trim();
            if (t.Length > 24 || !IsComparisonTitle(t.ToString()) || t.Contains('。') || t.Contains("…", StringComparison.Ordinal) || t.Contains("..", StringComparison.Ordinal)) continue;
            Section? within = null;
            foreach (var s in outline.Sections)
                if (s.StartLine <= l && l <= s.EndLine && (within is null || s.Level >= within.Level)) within = s;
            string id = within?.Id ?? "";
            if (!done.Add(id)) continue;
            var reference = new AreaRef(id, within?.Title ?? context.Document.Title, within?.ParentId is { } p ? outline.Get(p)?.Title : null);
            foreach (var row in parser.Parse(reference, l, within?.EndLine ?? context.Source.LineCount)) facts.Add(row);
        }
    }

    internal static bool IsComparisonTitle(string title) =>
        title.Contains("国際比較", StringComparison.Ordinal) || title.Contains("international comparison", StringComparison.OrdinalIgnoreCase);
}
