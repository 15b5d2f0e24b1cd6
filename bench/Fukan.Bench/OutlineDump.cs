using Fukan.Pipeline;

namespace Fukan.Bench;

/// <summary>Prints a document's section tree and, optionally, its source lines as read (<c>--lines</c>) and its passages: a debugging aid for the structure stage and for labelling.</summary>
public static class OutlineDump
{
    public static int Run(string[] args)
    {
        var pipeline = new FukanPipelineBuilder().UseDefaults().Build();
        var path = args[0];
        var result = pipeline.Process(path, File.ReadAllBytes(path));
        foreach (var d in result.Diagnostics) Console.Error.WriteLine(d);
        if (result.Document is not { } doc) return 1;
        Console.WriteLine($"{doc.Info.Kind} {doc.Info.Lang} '{doc.Info.Title}' {doc.Info.DateText} sections={doc.Sections.Count} passages={doc.Passages.Count} t={doc.Timings.Total:F3}s");
        foreach (var s in doc.Sections)
            Console.WriteLine($"{new string(' ', (s.Level - 1) * 2)}[{s.Kind}] {s.Id} | {s.Title} | {s.StartLine}-{s.EndLine}");
        if (args.Contains("--lines"))
            for (int i = 1; i <= doc.Source.LineCount; i++) Console.WriteLine($"{i}: {doc.Source.LineString(i)}");
        if (args.Contains("--passages"))
            foreach (var p in doc.Passages)
                Console.WriteLine($"{p.Source.Line}-{p.Source.EndLine} {p.Kind} [{p.SectionPath}] {p.Text}");
        return 0;
    }
}
