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

    /// <summary>The parser's dates in a passage, found once per document and shared with the event extractor.</summary>
    internal static IReadOnlyList<DateMatch> DatesOf(ExtractionContext context, Passage passage, DateParser parser)
    {
        var dates = DateContext.For(context.Document.Date, context.Document.Lang, context.Document.Metadata);
        return context.PerPassage("dates", passage, text => parser.Parse(text, dates));
    }

    public void Extract(ExtractionContext context, ICollection<Fact> facts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var passage in context.Passages)
        {
            foreach (var match in DatesOf(context, passage, _parser))
                facts.Add(DateFact.From(match, passage.ProvenanceOf(match.Span.Start, match.Span.End, context.Source)));
        }
    }
}
