using Fukan.Model;

namespace Fukan.Structure;

/// <summary>
/// The section tree of a document and how its lines were used: which line is a heading, which lines belong to
/// no passage (furniture, front matter, a running chapter title repeated in the body).
/// </summary>
public sealed record StructureResult(IReadOnlyList<Section> Sections, IReadOnlyDictionary<int, int> HeadingLines, bool[] Skipped);
