using System.Text;
using Fukan.Extraction.Events;
using Fukan.Pipeline;
using Fukan.Reading;
using Fukan.Search;
using Xunit;

namespace Fukan.Tests.Robustness;

/// <summary>
/// Issue 16, case 4: quadratic passes. Before the fixes, each input here ran for many minutes (a 64 KB line took
/// 5 s in the event extractor and grew with the square; 32,000 nested divs took 53 s). The timeouts only bound
/// a regression; fukan-bench robustness prints the growth ratios.
/// </summary>
public class LinearTimeTests
{
    private static readonly FukanPipeline Pipeline = FukanDefaults.CreatePipeline();

    private static async Task<ProcessResult> ProcessBounded(string file, string text) =>
        await Task.Run(() => Pipeline.Process(file, Encoding.UTF8.GetBytes(text)), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);

    [Fact]
    public async Task OneLineOfAMegabyte_WithDatesAndNoSentenceEnd_IsProcessed()
    {
        var sb = new StringBuilder();
        for (int i = 0; sb.Length < 1_000_000; i++) sb.Append(i % 7 == 0 ? "2030年度 " : "水素貯蔵 technology 35 MPa ");

        var r = await ProcessBounded("line.txt", sb.Append('\n').ToString());

        Assert.NotNull(r.Document);
        Assert.Contains(r.Document!.Facts, f => f is EventFact);
    }

    [Fact]
    public async Task DeeplyNestedHtml_IsFlattenedBeyondTheLimit_AndItsTextKept()
    {
        int depth = 50_000;
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>深い本文 2030年</p>" + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";

        var r = await ProcessBounded("deep.html", html);

        Assert.NotNull(r.Document);
        Assert.Contains("深い本文", r.Document!.Source.Text);
        Assert.Contains(r.Diagnostics, d => d.Message == $"elements nested {depth} deep; nesting beyond 512 levels flattened (text kept)");
    }

    [Fact]
    public void HtmlNestingLimiter_ShallowHtml_IsUnchanged()
    {
        var html = "<html><body><div><p>a<p>b<ul><li>x<li>y</ul><br><img src=x></div><script>if (a<b) {}</script></body></html>";

        Assert.Same(html, HtmlNestingLimiter.Limit(html, out int deepest));
        Assert.Equal(2, deepest);
    }

    [Fact]
    public void EventWindows_CutLongSentencesIntoBoundedPieces_CoveringEveryCharacter()
    {
        var text = string.Concat(Enumerable.Repeat("水素 ", 2_000)) + "終わり。短い文。";

        var windows = EventExtractor.Windows(text, EventExtractor.Sentences(text)).ToList();

        Assert.All(windows, w => Assert.InRange(w.End - w.Start, 1, EventExtractor.MaxSentence));
        for (int i = 1; i < windows.Count - 1; i++) Assert.Equal(windows[i - 1].End, windows[i].Start);
        Assert.Equal("短い文。", text[windows[^1].Start..windows[^1].End]);
    }

    [Fact]
    public void Query_OneWordRepeated_IsOneClause()
    {
        var q = SearchQueryParser.Parse(string.Join(' ', Enumerable.Repeat("水素", 600)));

        Assert.Equal("水素", Assert.Single(Assert.Single(q.Clauses).Alternatives).Text);
    }

    [Fact]
    public void Query_TooManyDifferentTermsOrCharacters_IsOneLine()
    {
        var many = Assert.Throws<SearchQueryException>(() => SearchQueryParser.Parse(string.Join(' ', Enumerable.Range(0, 65).Select(i => $"w{i}"))));
        var longText = Assert.Throws<SearchQueryException>(() => SearchQueryParser.Parse(string.Join(' ', Enumerable.Repeat("水素", 2_000))));

        Assert.Equal("query has 65 different terms; at most 64 are accepted", many.Message);
        Assert.Equal("query is 5,999 characters long; at most 2,000 are accepted", longText.Message);
    }
}
