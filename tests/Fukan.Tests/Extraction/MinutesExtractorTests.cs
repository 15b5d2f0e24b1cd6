using System.Text;
using Fukan.Extraction.Entities;
using Fukan.Extraction.Minutes;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Extraction;

public class MinutesExtractorTests
{
    private static readonly FukanPipeline Pipeline = new FukanPipelineBuilder().UseDefaults().Build();

    [Fact]
    public void Minutes_EmitOneDigestFact()
    {
        var path = Seeds.Path("002");
        var doc = Pipeline.Process(path, File.ReadAllBytes(path)).Document!;
        Assert.Equal(DocumentKind.Minutes, doc.Info.Kind);
        var fact = Assert.Single(doc.Facts.OfType<MinutesFact>());
        Assert.Equal("minutes", fact.Kind);
        Assert.Equal(9, fact.Digest.Attendees.Count);
        Assert.Equal(1, fact.Source.Line);
        Assert.Equal(doc.Source.Text.Length, fact.Source.Span.End);
    }

    [Fact]
    public void OtherDocuments_GetNoDigest()
    {
        foreach (var seed in new[] { "000", "003" })
        {
            var path = Seeds.Path(seed);
            var doc = Pipeline.Process(path, File.ReadAllBytes(path)).Document!;
            Assert.NotEqual(DocumentKind.Minutes, doc.Info.Kind);
            Assert.Empty(doc.Facts.OfType<MinutesFact>());
        }
    }

    [Fact]
    public void UnreadableDate_BecomesADiagnosticNamingTheLine()
    {
        var text = "第2回架空会議 議事要旨\n\n日時：調整中\n\n出席者：\n山田 太郎\t架空大学教授\n\n議事次第：\n1. 開会\n";
        var doc = Pipeline.Process("minutes.txt", Encoding.UTF8.GetBytes(text)).Document!;
        Assert.Equal(DocumentKind.Minutes, doc.Info.Kind);
        Assert.Contains(doc.Diagnostics, d => d.Line == 3 && d.Message.Contains("日時", StringComparison.Ordinal) || d.Line == 3 && d.Message.Contains("date", StringComparison.Ordinal));
        var digest = Assert.Single(doc.Facts.OfType<MinutesFact>()).Digest;
        Assert.Equal("山田 太郎", Assert.Single(digest.Attendees).Name);
    }

    [Fact]
    public void HouseStyleFiles_AreMinutes_AndDigested()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Extraction", "MinutesStyles"), "*.txt"))
        {
            var doc = Pipeline.Process(path, File.ReadAllBytes(path)).Document!;
            Assert.Equal(DocumentKind.Minutes, doc.Info.Kind);
            Assert.NotEmpty(Assert.Single(doc.Facts.OfType<MinutesFact>()).Digest.Statements);
        }
    }

    [Fact]
    public void 会議録_CountsAsAMinutesWord()
    {
        // Municipal and parliamentary records call themselves 会議録; with one more minutes word they are minutes.
        var text = "架空市議会　総務委員会　会議録\n\n出席委員：山田委員、田中委員\n\n○山田委員　予算の執行状況を伺います。\n○総務課長　御説明します。\n";
        var doc = Pipeline.Process("kaigiroku.txt", Encoding.UTF8.GetBytes(text)).Document!;
        Assert.Equal(DocumentKind.Minutes, doc.Info.Kind);
        var digest = Assert.Single(doc.Facts.OfType<MinutesFact>()).Digest;
        Assert.Equal("架空市議会　総務委員会", digest.Title);
        Assert.Equal([StatementSide.Member, StatementSide.Secretariat], digest.Statements.Select(s => s.Side));
    }
}
