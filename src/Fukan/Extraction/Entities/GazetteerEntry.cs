namespace Fukan.Extraction.Entities;

/// <summary>One curated entity: a stable id, its display name, its type and the other names it goes by.</summary>
public sealed record GazetteerEntry(string Id, string Name, EntityType Type, IReadOnlyList<string> Aliases);
