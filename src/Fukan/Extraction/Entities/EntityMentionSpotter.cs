using Fukan.Extraction.Events;
using Fukan.Model;

namespace Fukan.Extraction.Entities;

/// <summary>The <see cref="EntityRecognizer"/> behind the event extractor's <see cref="IMentionSpotter"/> seam.</summary>
public sealed class EntityMentionSpotter(EntityRecognizer recognizer) : IMentionSpotter
{
    public IReadOnlyList<SpottedMention> Find(ExtractionContext context, Passage passage)
    {
        var found = EntityExtractor.MentionsOf(context, passage, recognizer);
        var result = new SpottedMention[found.Count];
        for (int i = 0; i < found.Count; i++)
        {
            var m = found[i];
            result[i] = new SpottedMention(m.Span.Start, m.Span.End, m.Name, m.Type.ToName());
        }
        return result;
    }
}
