using Fukan.Model;

namespace Fukan.Tests.Search;

/// <summary>Builds small synthetic documents: one passage per non-empty line, identity offset maps.</summary>
internal static class SearchTestCorpus
{
    public static (DocumentInfo Info, SourceText Source, List<Passage> Passages) Document(
        string name, DocumentKind kind, DateOnly? date, string title, params (string SectionId, string SectionPath, string Line)[] lines)
    {
        var text = string.Join("\n", lines.Select(l => l.Line));
        var id = DocumentId.FromContent(System.Text.Encoding.UTF8.GetBytes(name + "\n" + text));
        var source = new SourceText(text);
        var passages = new List<Passage>();
        int offset = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Line;
            if (line.Length > 0)
            {
                var span = new CharSpan(offset, offset + line.Length);
                passages.Add(new Passage(id, passages.Count, PassageKind.Paragraph, line, lines[i].SectionId, lines[i].SectionPath,
                    Provenance.Of(id, source, span), OffsetMap.Identity(offset, line.Length)));
            }
            offset += line.Length + 1;
        }
        var info = new DocumentInfo(id, "/docs/" + name, title, kind, date, "ja", text.Length, "text", "utf-8",
            new Dictionary<string, IReadOnlyList<string>>(), 0, passages.Count, DateTimeOffset.UnixEpoch);
        return (info, source, passages);
    }
}
