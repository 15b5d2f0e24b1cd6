using Fukan.Extraction.Events;

namespace Fukan.Extraction.Entities;

/// <summary>The <see cref="EntityRecognizer"/> behind the event extractor's <see cref="IMentionSpotter"/> seam.</summary>
public sealed class EntityMentionSpotter(EntityRecognizer recognizer) : IMentionSpotter
{
    public IReadOnlyList<SpottedMention> Find(string text)
    {
        var found = recognizer.Find(text);
        var result = new SpottedMention[found.Count];
        for (int i = 0; i < found.Count; i++)
        {
            var m = found[i];
            result[i] = new SpottedMention(m.Span.Start, m.Span.End, m.Name, m.Type.ToName());
        }
        return result;
    }
}
