using System.Diagnostics;
using Fukan.Extraction.Entities;
using Fukan.Extraction.Minutes;
using Fukan.Model;
using Fukan.Pipeline;

namespace Fukan.Bench;

/// <summary>
/// <c>scaling [--seeds DIR]</c>: guards against quadratic passes by timing the entity recogniser and the minutes
/// parser on a text and on the same text repeated (8× and 64×). Linear code shows a ratio near the repeat count;
/// a quadratic pass shows its square.
/// </summary>
public static class ScalingBench
{
    public static int Run(string[] args)
    {
        string seeds = IngestBench.StringArg(args, "--seeds") ?? SeedLocator.Find();
        var report = Directory.GetFiles(seeds, "001*").Single();
        var doc = new FukanPipelineBuilder().UseDefaults().Build().Process(report, File.ReadAllBytes(report)).Document!;
        var recognizer = new EntityRecognizer();
        var passages = doc.Passages.Select(p => p.Text).ToArray();
        long chars = passages.Sum(p => (long)p.Length);
        int mentions = 0;
        double all = Best(() => { mentions = 0; foreach (var p in passages) mentions += recognizer.Find(p).Count; });
        Console.WriteLine($"entities over 001: {passages.Length} passages, {chars:N0} chars, {mentions} mentions, {all:F0} ms ({chars / all / 1000:F2} Mchar/s)");

        var unit = string.Join("\n", passages.Take(400));
        var big = string.Concat(Enumerable.Repeat(unit, 8));
        double one = Best(() => recognizer.Find(unit)), eight = Best(() => recognizer.Find(big));
        Console.WriteLine($"entities: {unit.Length:N0} chars {one:F1} ms; ×8 {big.Length:N0} chars {eight:F1} ms (ratio {eight / one:F1}, linear ≈ 8)");

        var minutes = File.ReadAllText(Directory.GetFiles(seeds, "002*").Single());
        var parser = new MinutesParser();
        var many = string.Concat(Enumerable.Repeat(minutes + "\n", 64));
        double m1 = Best(() => parser.Parse(new SourceText(minutes), new DocumentId("t"))), m64 = Best(() => parser.Parse(new SourceText(many), new DocumentId("t")));
        Console.WriteLine($"minutes: {minutes.Length:N0} chars {m1:F2} ms; ×64 {many.Length:N0} chars {m64:F1} ms (ratio {m64 / m1:F1}, linear ≈ 64)");
        return 0;
    }

    private static double Best(Action action, int repeat = 5)
    {
        action();
        double best = double.MaxValue;
        for (int i = 0; i < repeat; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }
        return best;
    }
}
