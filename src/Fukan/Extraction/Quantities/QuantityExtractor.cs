using Fukan.Model;

namespace Fukan.Extraction.Quantities;

/// <summary>Adds a <see cref="QuantityFact"/> for every quantity in every passage.</summary>
public sealed class QuantityExtractor : IFactExtractor
{
    private readonly QuantityParser _parser;

    public QuantityExtractor()
        : this(new QuantityParser())
    {
    }

    public QuantityExtractor(QuantityParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        _parser = parser;
    }

    public string Name => "quantities";

    public void Extract(ExtractionContext context, ICollection<Fact> facts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var passage in context.Passages)
        {
            foreach (var match in _parser.Parse(passage.Text))
                facts.Add(QuantityFact.From(match, passage.ProvenanceOf(match.Span.Start, match.Span.End, context.Source)));
        }
    }
}
