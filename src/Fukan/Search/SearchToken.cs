namespace Fukan.Search;

/// <summary>
/// One indexed term: where its folded characters sit in <see cref="TokenBuffer"/>, the span of the analysed
/// text it came from (UTF-16 offsets, end exclusive) and its position (consecutive terms differ by one).
/// </summary>
public readonly record struct SearchToken(int TermStart, int TermLength, int SourceStart, int SourceEnd, int Position);
