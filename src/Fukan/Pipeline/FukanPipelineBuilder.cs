using Fukan.Extraction;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Entities;
using Fukan.Extraction.Events;
using Fukan.Extraction.Minutes;
using Fukan.Extraction.Quantities;
using Fukan.Reading;

namespace Fukan.Pipeline;

/// <summary>
/// Composes the pipeline once: <c>new FukanPipelineBuilder().UseDefaults().Build()</c>. Readers and extractors
/// are added in order; the built <see cref="FukanPipeline"/> is immutable and shared.
/// </summary>
public sealed class FukanPipelineBuilder
{
    private readonly List<IDocumentReader> _readers = new();
    private readonly List<IFactExtractor> _extractors = new();
    private readonly TextDecoder _decoder = new();

    /// <summary>Text (UTF-8, CP932, EUC-JP), markdown with front matter, PDF and HTML readers.</summary>
    public FukanPipelineBuilder UseDefaultReaders()
    {
        _readers.Add(TextDocumentReader.PlainText(_decoder));
        _readers.Add(TextDocumentReader.Markdown(_decoder));
        _readers.Add(new PdfDocumentReader());
        _readers.Add(new HtmlDocumentReader(_decoder));
        return this;
    }

    /// <summary>Every reader and extractor Fukan ships; <paramref name="gazetteer"/> replaces the default entity list.</summary>
    public FukanPipelineBuilder UseDefaults(Gazetteer? gazetteer = null) => UseDefaultReaders().UseFacts(gazetteer);

    /// <summary>
    /// Quantities (money, percentages, physical units), dates (absolute, fuzzy, fiscal, era, open-ended), entity
    /// mentions (the gazetteer plus name patterns), minutes digests, milestones built on dates and entities, and the
    /// landscape of panoramic reports (comparison rows, area profiles, divisions, priority themes), and signal
    /// statements (KPI, threshold, current value) that the watchlist is evaluated against.
    /// </summary>
    public FukanPipelineBuilder UseFacts(Gazetteer? gazetteer = null)
    {
        var recognizer = new EntityRecognizer(gazetteer ?? Gazetteer.Default);
        var dates = new DateParser();
        _extractors.Add(new QuantityExtractor());
        _extractors.Add(new DateExtractor(dates));
        _extractors.Add(new EntityExtractor(recognizer));
        _extractors.Add(new MinutesExtractor(new MinutesParser(recognizer)));
        _extractors.Add(new EventExtractor(new DateSpotter(dates), new EntityMentionSpotter(recognizer)));
        _extractors.Add(new Extraction.Landscape.LandscapeExtractor());
        _extractors.Add(new Extraction.Signals.SignalExtractor());
        return this;
    }

    public FukanPipelineBuilder AddReader(IDocumentReader reader)
    {
        _readers.Add(reader);
        return this;
    }

    public FukanPipelineBuilder AddExtractor(IFactExtractor extractor)
    {
        _extractors.Add(extractor);
        return this;
    }

    public FukanPipeline Build() => new(_readers.ToArray(), _extractors.ToArray());
}
