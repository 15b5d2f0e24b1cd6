using Fukan.Model;

namespace Fukan.Extraction.Entities;

/// <summary>How a mention was recognised.</summary>
public enum MentionOrigin
{
    /// <summary>A gazetteer name.</summary>
    Gazetteer,
    /// <summary>A name pattern: …株式会社, …大学, …プロジェクト, 「…戦略」, … University.</summary>
    Pattern,
    /// <summary>An ASCII acronym not in the gazetteer (BSPDN, CFRP).</summary>
    Acronym,
    /// <summary>An acronym linked to the name it abbreviates in the text: 日本医療研究開発機構（AMED）.</summary>
    Definition,
}

/// <summary>
/// One mention of an entity in a text: where (<see cref="Span"/>, offsets into the text given to
/// <see cref="EntityRecognizer.Find"/>), what was written (<see cref="Surface"/>) and which entity it names.
/// </summary>
public sealed record EntityMention(CharSpan Span, string Surface, string EntityId, string Name, EntityType Type, MentionOrigin Origin);
