using Fukan.Model;

namespace Fukan.Extraction.Entities;

/// <summary>
/// Emits a <see cref="MentionFact"/> for every entity mention in a document's passages, with provenance mapped
/// back to the original lines and characters. An acronym defined in the document (日本医療研究開発機構（AMED）) names
/// the same entity wherever it is used after its definition, unless it was already used bare before it: then the
/// writer meant something else by it (ICT used for years, once defined as a Fraunhofer institute).
/// </summary>
public sealed class EntityExtractor : IFactExtractor
{
    private readonly EntityRecognizer _recognizer;

    public EntityExtractor(EntityRecognizer recognizer)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        _recognizer = recognizer;
    }

    /// <summary>An extractor over the embedded default gazetteer.</summary>
    public EntityExtractor() : this(new EntityRecognizer()) { }

    public string Name => "entities";

    /// <summary>The recognizer's mentions in a passage, found once per document and shared with other extractors.</summary>
    internal static IReadOnlyList<EntityMention> MentionsOf(ExtractionContext context, Passage passage, EntityRecognizer recognizer) =>
        context.PerPassage("entity-mentions", passage, recognizer.Find);

    public void Extract(ExtractionContext context, ICollection<Fact> facts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(facts);
        var found = new List<(Passage Passage, EntityMention Mention)>();
        foreach (var passage in context.Passages)
            foreach (var mention in MentionsOf(context, passage, _recognizer))
                found.Add((passage, mention));

        var firstBare = new Dictionary<string, int>(StringComparer.Ordinal);
        var definition = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < found.Count; i++)
        {
            var m = found[i].Mention;
            if (m.Origin == MentionOrigin.Acronym) firstBare.TryAdd(m.Surface, i);
            else if (m.Origin == MentionOrigin.Definition) definition.TryAdd(m.Surface, i);
        }

        for (int i = 0; i < found.Count; i++)
        {
            var (passage, m) = found[i];
            if (m.Origin == MentionOrigin.Acronym && definition.TryGetValue(m.Surface, out int d) && d < i
                && (!firstBare.TryGetValue(m.Surface, out int bare) || bare > d))
            {
                var def = found[d].Mention;
                m = m with { EntityId = def.EntityId, Name = def.Name, Type = def.Type, Origin = MentionOrigin.Definition };
            }
            var provenance = passage.ProvenanceOf(m.Span.Start, m.Span.End, context.Source);
            facts.Add(new MentionFact(m.EntityId, m.Name, m.Type, m.Surface, provenance, m.Origin));
        }
    }
}
