using Fukan.Extraction.Signals;
using Fukan.Model;
using Fukan.Pipeline;

namespace Fukan.Tests.Signals;

/// <summary>Runs the default pipeline over a small document written by a test and returns its signal facts.</summary>
internal static class SignalTestDocs
{
    private static readonly FukanPipeline Pipeline = FukanDefaults.CreatePipeline();

    public static ProcessedDocument Process(string name, string text)
    {
        var result = Pipeline.Process(name, System.Text.Encoding.UTF8.GetBytes(text));
        return result.Document ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
    }

    public static List<SignalFact> Signals(string name, string text) => Process(name, text).Facts.OfType<SignalFact>().ToList();

    /// <summary>The source characters a provenance points at.</summary>
    public static string At(ProcessedDocument doc, Provenance p) => doc.Source.Text[p.Span.Start..p.Span.End];
}
