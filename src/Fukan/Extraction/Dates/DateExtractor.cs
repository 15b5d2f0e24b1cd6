using Fukan.Model;

namespace Fukan.Extraction.Dates;

/// <summary>Adds a <see cref="DateFact"/> for every date in every passage.</summary>
public sealed class DateExtractor : IFactExtractor
{
    private readonly DateParser _parser;

    public DateExtractor()
        : this(new DateParser())
    {
    }

    public DateExtractor(DateParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        _parser = parser;
    }

    public string Name => "dates";

    public void Extract(ExtractionContext context, ICollection<Fact> facts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var passage in context.Passages)
        {
            foreach (var match in _parser.Parse(passage.Text))
                facts.Add(DateFact.From(match, passage.ProvenanceOf(match.Span.Start, match.Span.End, context.Source)));
        }
    }
}
