using System.Text;
using Fukan.Reading;
using Xunit;

namespace Fukan.Tests.Reading;

public class TextDecoderTests
{
    private const string Japanese = "全固体電池の研究開発が進展している。量子コンピューティングは◎↗。";
    private readonly TextDecoder _decoder = new();

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Decode_Utf8WithoutBom_IsUtf8()
    {
        var r = _decoder.Decode(Encoding.UTF8.GetBytes(Japanese));
        Assert.Equal(Japanese, r.Text);
        Assert.Equal("utf-8", r.Encoding);
    }

    [Fact]
    public void Decode_Utf8WithBom_DropsTheBom()
    {
        var r = _decoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Japanese)]);
        Assert.Equal(Japanese, r.Text);
        Assert.Equal("utf-8-bom", r.Encoding);
    }

    [Theory]
    [InlineData(932, "shift_jis")]
    [InlineData(51932, "euc-jp")]
    public void Decode_LegacyJapanese_IsDetected(int codePage, string expected)
    {
        // ↗ has no code point in JIS X 0208; → does.
        var text = Japanese.Replace("↗", "→") + "\n令和8年2月12日、経済産業省で議事要旨を公表した。\n";
        var r = _decoder.Decode(Encoding.GetEncoding(codePage).GetBytes(text));
        Assert.Equal(expected, r.Encoding);
        Assert.Equal(text, r.Text);
    }

    [Fact]
    public void Decode_BrokenUtf8_ReportsTheByteOffset()
    {
        var good = Encoding.UTF8.GetBytes(Japanese + Japanese);
        var bytes = good.ToList();
        bytes.Insert(30, 0xFF);   // a byte that never occurs in UTF-8
        var r = _decoder.Decode(bytes.ToArray());
        Assert.Null(r.Text);
        Assert.Equal(30, r.ErrorOffset);
        Assert.Contains("invalid UTF-8 at byte 30", r.Error);
    }

    [Fact]
    public void Decode_Utf16WithBom_IsDecoded()
    {
        var r = _decoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Japanese)]);
        Assert.Equal(Japanese, r.Text);
    }
}
