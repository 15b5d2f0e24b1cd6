using Fukan.Extraction.Events;
using Fukan.Model;

namespace Fukan.Extraction.Dates;

/// <summary>The <see cref="DateParser"/> behind the event extractor's <see cref="IDateSpotter"/> seam.</summary>
public sealed class DateSpotter : IDateSpotter
{
    private readonly DateParser _parser;

    public DateSpotter()
        : this(new DateParser())
    {
    }

    public DateSpotter(DateParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        _parser = parser;
    }

    public IReadOnlyList<SpottedDate> Find(ExtractionContext context, Passage passage)
    {
        var matches = DateExtractor.DatesOf(context, passage, _parser);
        var spotted = new SpottedDate[matches.Count];
        for (int i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            spotted[i] = new SpottedDate(m.Span.Start, m.Span.End, m.Start, m.End, m.Precision.ToName());
        }
        return spotted;
    }
}
