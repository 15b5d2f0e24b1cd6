using Fukan.Extraction.Entities;
using Fukan.Model;

namespace Fukan.Extraction.Minutes;

/// <summary>
/// For documents classified as minutes, parses the original lines into a <see cref="MinutesDigest"/> and emits it
/// as one <see cref="MinutesFact"/>. Other documents are left alone. Lines the parser cannot read (a 日時 line
/// without a date) become warnings naming the line.
/// </summary>
public sealed class MinutesExtractor : IFactExtractor
{
    private readonly MinutesParser _parser;

    public MinutesExtractor(MinutesParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        _parser = parser;
    }

    public MinutesExtractor() : this(new MinutesParser(new EntityRecognizer())) { }

    public string Name => "minutes";

    public void Extract(ExtractionContext context, ICollection<Fact> facts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(facts);
        if (context.Document.Kind != DocumentKind.Minutes) return;
        var source = context.Source;
        var digest = _parser.Parse(source, context.Document.Id, context.Warn);
        var whole = Provenance.Of(context.Document.Id, source, new CharSpan(0, source.Text.Length));
        facts.Add(new MinutesFact(digest, whole));
    }
}
