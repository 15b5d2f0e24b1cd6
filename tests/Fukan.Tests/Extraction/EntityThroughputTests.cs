using Fukan.Extraction.Entities;
using Fukan.Extraction.Minutes;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Extraction;

/// <summary>
/// Repeating a text repeats what is found in it, exactly: nothing is lost or invented at the joins of a long text.
/// (Timing — linear or not — is measured by the bench verb <c>scaling</c>, not asserted here.)
/// </summary>
public class EntityThroughputTests
{
    [Fact]
    public void Recognizer_FindsEightTimesTheMentionsInEightCopies()
    {
        var path = Seeds.Path("001");
        var doc = new FukanPipelineBuilder().UseDefaults().Build().Process(path, File.ReadAllBytes(path)).Document!;
        var recognizer = new EntityRecognizer();
        var unit = string.Join("\n", doc.Passages.Select(p => p.Text).Take(400));
        var big = string.Concat(Enumerable.Repeat(unit, 8));
        int once = recognizer.Find(unit).Count;
        Assert.True(once > 0);
        Assert.Equal(8 * once, recognizer.Find(big).Count);
    }

    [Fact]
    public void MinutesParser_FindsEveryCopysStatements()
    {
        var text = Seeds.ReadText("002");
        var parser = new MinutesParser();
        int once = parser.Parse(new SourceText(text), new DocumentId("t")).Statements.Count;
        var many = parser.Parse(new SourceText(string.Concat(Enumerable.Repeat(text + "\n", 4))), new DocumentId("t"));
        Assert.True(once > 0);
        Assert.True(many.Statements.Count >= once, $"{many.Statements.Count} statements in four copies against {once} in one");
    }
}
