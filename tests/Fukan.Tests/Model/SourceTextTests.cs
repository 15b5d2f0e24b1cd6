using Fukan.Model;
using Xunit;

namespace Fukan.Tests.Model;

public class SourceTextTests
{
    [Fact]
    public void Lines_MixedTerminators_AreSplitWithoutTerminators()
    {
        var text = new SourceText("a\r\nbb\nccc\rd");
        Assert.Equal(4, text.LineCount);
        Assert.Equal("a", text.LineString(1));
        Assert.Equal("bb", text.LineString(2));
        Assert.Equal("ccc", text.LineString(3));
        Assert.Equal("d", text.LineString(4));
        Assert.Equal(2, text.LineOf(text.LineStart(2) + 1));
    }

    [Fact]
    public void LineCount_TrailingNewline_DoesNotOpenALine()
    {
        Assert.Equal(2, new SourceText("x\ny\n").LineCount);
        Assert.Equal(3, new SourceText("x\ny\n\n").LineCount);
    }

    [Fact]
    public void OffsetMap_InsertedSpace_MapsToNextRun()
    {
        var b = new MappedTextBuilder();
        b.Append("abc", 10).AppendInserted(" ").Append("def", 20);
        var (text, map) = b.Build();
        Assert.Equal("abc def", text);
        Assert.Equal(11, map.ToSource(1));
        Assert.Equal(20, map.ToSource(3));
        Assert.Equal(new CharSpan(11, 22), map.ToSource(1, 6));
        Assert.Equal(map.Serialize(), OffsetMap.Parse(map.Serialize()).Serialize());
    }
}
