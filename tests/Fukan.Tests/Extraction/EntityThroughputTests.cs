using System.Diagnostics;
using Fukan.Extraction.Entities;
using Fukan.Extraction.Minutes;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Extraction;

/// <summary>
/// Guards against quadratic passes: recognising an 8× longer text must cost far less than 64× the time. Also the
/// reproducible measurement quoted in docs/facts-entities-minutes.md (numbers go to the test output).
/// </summary>
public class EntityThroughputTests
{
    private static double Milliseconds(Action action, int repeat = 3)
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

    [Fact]
    public void Recognizer_ScalesLinearlyWithTextLength()
    {
        var path = Seeds.Path("001");
        var doc = new FukanPipelineBuilder().UseDefaults().Build().Process(path, File.ReadAllBytes(path)).Document!;
        var recognizer = new EntityRecognizer();
        var passages = doc.Passages.Select(p => p.Text).ToArray();
        long chars = passages.Sum(p => (long)p.Length);
        int mentions = 0;
        double all = Milliseconds(() => { mentions = 0; foreach (var p in passages) mentions += recognizer.Find(p).Count; });
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"seed 001: {passages.Length} passages, {chars} chars, {mentions} mentions, {all:F0} ms ({chars / all / 1000:F2} Mchar/s)");

        var unit = string.Join("\n", passages.Take(400));
        var big = string.Concat(Enumerable.Repeat(unit, 8));
        double one = Milliseconds(() => recognizer.Find(unit));
        double eight = Milliseconds(() => recognizer.Find(big));
        output?.WriteLine($"one text: {unit.Length} chars {one:F1} ms; ×8 {big.Length} chars {eight:F1} ms (ratio {eight / one:F1})");
        Assert.True(eight < 24 * one + 50, $"×8 text took {eight:F1} ms against {one:F1} ms");
        Assert.Equal(8 * recognizer.Find(unit).Count, recognizer.Find(big).Count);
    }

    [Fact]
    public void MinutesParser_ScalesLinearlyWithLength()
    {
        var text = Seeds.ReadText("002");
        var parser = new MinutesParser();
        var big = string.Concat(Enumerable.Repeat(text + "\n", 64));
        double one = Milliseconds(() => parser.Parse(new SourceText(text), new DocumentId("t")));
        double many = Milliseconds(() => parser.Parse(new SourceText(big), new DocumentId("t")));
        TestContext.Current.TestOutputHelper?.WriteLine($"minutes: {text.Length} chars {one:F2} ms; ×64 {big.Length} chars {many:F1} ms");
        Assert.True(many < 64 * 4 * one + 100, $"×64 minutes took {many:F1} ms against {one:F2} ms");
    }
}
