namespace Fukan.Search;

/// <summary>
/// Turns text into search terms. Passages and queries go through the same analyzer, so whatever it does to
/// one it does to the other. Implementations are immutable and thread-safe; the buffer carries the state.
/// </summary>
public interface ISearchAnalyzer
{
    /// <summary>A short name stored with the index ("bigram", "mecab"): an index is read with the analyzer that wrote it.</summary>
    string Name { get; }

    /// <summary>Clears <paramref name="output"/> and fills it with the tokens of <paramref name="text"/>.</summary>
    void Analyze(ReadOnlySpan<char> text, TokenBuffer output);
}
