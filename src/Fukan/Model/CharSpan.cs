namespace Fukan.Model;

/// <summary>A half-open range [Start, End) of UTF-16 offsets into a document's source text.</summary>
public readonly record struct CharSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public override string ToString() => $"{Start}..{End}";
}
