using System.Text;
using Fukan.Model;
using Fukan.Reading;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Xunit;

namespace Fukan.Tests.Reading;

public class ReaderTests
{
    private readonly TextDecoder _decoder = new();

    [Fact]
    public void Markdown_FrontMatter_BecomesMetadataAndLinesStayFileLines()
    {
        var text = "---\ntitle: \"投資分析: 3nm\"\ndate: 2025-12-21 02:31:31 +0000\ntags: [\"AI\", \"投資\"]\nreading_time: 8\n---\n\n本文です。\n";
        var r = TextDocumentReader.Markdown(_decoder).Read("a.md", Encoding.UTF8.GetBytes(text));
        var doc = Assert.IsType<RawDocument>(r.Document);
        Assert.Equal(["投資分析: 3nm"], doc.Metadata["title"]);
        Assert.Equal(["AI", "投資"], doc.Metadata["tags"]);
        Assert.Equal(["8"], doc.Metadata["reading_time"]);
        Assert.Equal(7, doc.BodyStartLine);
        Assert.Equal("本文です。", doc.Source.LineString(8));
    }

    [Fact]
    public void Markdown_MalformedFrontMatter_IsAWarningAndTheBodyIsRead()
    {
        var text = "---\ntitle: [unclosed\n---\n本文\n";
        var r = TextDocumentReader.Markdown(_decoder).Read("bad.md", Encoding.UTF8.GetBytes(text));
        Assert.NotNull(r.Document);
        var warning = Assert.Single(r.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("malformed front matter", warning.Message);
        Assert.Empty(r.Document!.Metadata);
    }

    [Theory]
    [InlineData(new byte[0], "empty file")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09 }, "empty file (only white space)")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00 }, "binary file (NUL byte at byte 8), not text")]
    public void Text_UnreadableContent_FailsWithAReason(byte[] bytes, string reason)
    {
        var r = TextDocumentReader.PlainText(_decoder).Read("x.txt", bytes);
        Assert.Null(r.Document);
        Assert.Equal(reason, Assert.Single(r.Diagnostics).Message);
    }

    [Fact]
    public void Pdf_TextLayer_IsRead()
    {
        var bytes = MakePdf("Solid-state battery roadmap 2027", "Second page text");
        var r = new PdfDocumentReader().Read("r.pdf", bytes);
        var doc = Assert.IsType<RawDocument>(r.Document);
        Assert.Contains("Solid-state battery roadmap 2027", doc.Source.Text);
        Assert.Contains("Second page text", doc.Source.Text);
        Assert.Equal(["2"], doc.Metadata["pages"]);
    }

    [Fact]
    public void Pdf_WithoutText_IsReportedAsScanned()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 100, 100);
        var r = new PdfDocumentReader().Read("scan.pdf", builder.Build());
        Assert.Null(r.Document);
        Assert.Contains("no text layer (scanned?)", Assert.Single(r.Diagnostics).Message);
    }

    [Fact]
    public void Pdf_Truncated_IsReportedAsDamaged()
    {
        var bytes = MakePdf("Some text on a page that will be cut");
        var r = new PdfDocumentReader().Read("cut.pdf", bytes[..(bytes.Length / 3)]);
        Assert.Null(r.Document);
        Assert.StartsWith("damaged or truncated PDF", Assert.Single(r.Diagnostics).Message);
    }

    [Fact]
    public void Html_TitleAndMainText_AreKeptAndScriptsDropped()
    {
        var html = "<html><head><title>量子技術の動向</title><script>var x='secret';</script></head><body>" +
                   "<nav>menu</nav><main><h1>量子技術</h1><p>超伝導量子ビットの<b>研究</b>が進む。</p>" +
                   "<ul><li>米国：大型投資</li><li>日本：基礎研究</li></ul><table><tr><th>国</th><th>評価</th></tr><tr><td>日本</td><td>◎</td></tr></table></main></body></html>";
        var r = new HtmlDocumentReader(_decoder).Read("q.html", Encoding.UTF8.GetBytes(html));
        var doc = Assert.IsType<RawDocument>(r.Document);
        Assert.Equal(["量子技術の動向"], doc.Metadata["title"]);
        Assert.Contains("# 量子技術", doc.Source.Text);
        Assert.Contains("超伝導量子ビットの研究が進む。", doc.Source.Text);
        Assert.Contains("- 米国：大型投資", doc.Source.Text);
        Assert.Contains("| 日本 | ◎ |", doc.Source.Text);
        Assert.DoesNotContain("secret", doc.Source.Text);
        Assert.DoesNotContain("menu", doc.Source.Text);
    }

    [Theory]
    [InlineData("<html><head><meta property=\"article:published_time\" content=\"2026-05-12T08:00:00+09:00\"><title>電池</title></head><body><article><p>本文。</p></article></body></html>", "2026-05-12")]
    [InlineData("<html><head><title>電池</title></head><body><article><h1>電池</h1><p>2026年5月12日（火）</p><p>本文は量産について述べる。</p></article></body></html>", "2026-05-12")]
    [InlineData("<html><head><title>電池</title></head><body><article><h1>電池</h1><p>令和8年5月12日 公開</p><p>本文。</p></article></body></html>", "2026-05-12")]
    public void Html_ArticleDate_FromOpenGraphOrADateline(string html, string expected)
    {
        var doc = Fukan.Pipeline.FukanDefaults.CreatePipeline().Process("news.html", Encoding.UTF8.GetBytes(html)).Document!;
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), doc.Info.Date);
    }

    internal static byte[] MakePdf(params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddText(text, 12, new PdfPoint(50, 700), font);
        }
        return builder.Build();
    }
}
