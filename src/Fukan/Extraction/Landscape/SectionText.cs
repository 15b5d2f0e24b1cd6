using System.Text;
using Fukan.Model;

namespace Fukan.Extraction.Landscape;

/// <summary>The repaired text of a section and its subsections: its passages in order, one per line.</summary>
internal sealed class SectionText
{
    private readonly AreaOutline _outline;
    private readonly Dictionary<string, List<Passage>> _bySection = new(StringComparer.Ordinal);

    public SectionText(AreaOutline outline, IReadOnlyList<Passage> passages)
    {
        _outline = outline;
        foreach (var p in passages)
        {
            if (p.SectionId is null) continue;
            if (!_bySection.TryGetValue(p.SectionId, out var list)) _bySection[p.SectionId] = list = new List<Passage>();
            list.Add(p);
        }
    }

    /// <summary>
    /// The text under <paramref name="section"/> without its own heading; sub-headings stay, on lines of their
    /// own. Null when there is none.
    /// </summary>
    public string? Of(Section section) => Of(section, section.StartLine);

    /// <summary>
    /// The text under <paramref name="section"/> from <paramref name="fromLine"/> on; a heading on that line is
    /// left out (it names the part).
    /// </summary>
    public string? Of(Section section, int fromLine) => Of(section, fromLine, null, null);

    /// <summary>
    /// The text as <see cref="Of(Section, int)"/>, and where each of its sentences came from: one
    /// <see cref="TextSource"/> per sentence of every passage, its offset in the returned text and its own lines.
    /// </summary>
    public string? Of(Section section, int fromLine, SourceText? source, List<TextSource>? sentences)
    {
        var sb = new StringBuilder();
        Append(sb, section, fromLine, source, sentences);
        foreach (var d in _outline.DescendantsOf(section)) Append(sb, d, fromLine, source, sentences);
        return sb.Length == 0 ? null : sb.ToString();
    }

    private void Append(StringBuilder sb, Section section, int fromLine, SourceText? source, List<TextSource>? sentences)
    {
        if (!_bySection.TryGetValue(section.Id, out var list)) return;
        foreach (var p in list)
        {
            if (p.Source.Line < fromLine || (p.Kind == PassageKind.Heading && p.Source.Line == fromLine)) continue;
            if (sb.Length > 0) sb.Append('\n');
            if (sentences is not null && source is not null)
                foreach (var (s, e) in Fukan.Extraction.Signals.SentenceSplitter.Split(p.Text))
                    sentences.Add(new TextSource(sb.Length + s, p.ProvenanceOf(s, e, source)));
            sb.Append(p.Text);
        }
    }
}
