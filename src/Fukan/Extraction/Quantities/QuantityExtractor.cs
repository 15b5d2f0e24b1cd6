using Fukan.Model;

namespace Fukan.Extraction.Quantities;

/// <summary>
/// Adds a <see cref="QuantityFact"/> for every quantity in every passage. In a table row whose first cell is a label,
/// the label is the subject of the figures in the other cells (see <see cref="TableRowLabel"/>).
/// </summary>
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
            var label = passage.Kind == PassageKind.TableRow ? TableRowLabel.Of(passage.Text) : null;
            foreach (var parsed in _parser.Parse(passage.Text))
            {
                var match = label is var (name, cellEnd) && parsed.Span.Start > cellEnd ? parsed with { Subject = name } : parsed;
                facts.Add(QuantityFact.From(match, passage.ProvenanceOf(match.Span.Start, match.Span.End, context.Source)));
            }
        }
    }
}
