using System.Text;
using Fukan.Reading;
using Xunit;

namespace Fukan.Tests.Robustness;

/// <summary>
/// Issue 16, case 9: valid CP932 rich in half-width kana or NEC/IBM characters (①㈱㍻﨑) was refused as
/// "undecodable bytes at byte 0"; EUC-JP turned 〜 into ～; UTF-16 without a BOM was called binary.
/// </summary>
public class LegacyEncodingTests
{
    private static readonly TextDecoder Decoder = new();

    static LegacyEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ ｼｽﾃﾑ ﾉ ｾﾂﾒｲ\r\nﾀﾞｲ1ｼｮｳ ｶﾞｲﾖｳ\r\n")]
    [InlineData("①概要 ㈱富士通 ㍻30年度 﨑山研究所\n②計画 ㈲山田 ㍼60年\n")]
    [InlineData("第１章　概要\nｼｽﾃﾑ構成は①サーバ、②端末からなる。㈱日立製作所が㍻31年に納入した。\n")]
    public void Cp932_HalfWidthKanaAndNecIbmCharacters_Decode(string text)
    {
        var bytes = Encoding.GetEncoding(932).GetBytes(text);

        var r = Decoder.Decode(bytes);

        Assert.Equal("shift_jis", r.Encoding);
        Assert.Equal(text, r.Text);
    }

    [Fact]
    public void EucJp_WaveDashAndFriends_UseTheJisMapping()
    {
        // A1C1 〜, A1DD −, A1BD —, written as bytes: Microsoft's table would read them as ～ － ―.
        var bytes = Encoding.GetEncoding(51932).GetBytes("会期は4月1日").Concat(new byte[] { 0xA1, 0xC1 })
            .Concat(Encoding.GetEncoding(51932).GetBytes("5月31日、気温")).Concat(new byte[] { 0xA1, 0xDD })
            .Concat(Encoding.GetEncoding(51932).GetBytes("5度")).Concat(new byte[] { 0xA1, 0xBD })
            .Concat(Encoding.GetEncoding(51932).GetBytes("以上。\n")).ToArray();

        var r = Decoder.Decode(bytes);

        Assert.Equal("euc-jp", r.Encoding);
        Assert.Equal("会期は4月1日〜5月31日、気温−5度—以上。\n", r.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_WithoutBom_IsText(bool bigEndian)
    {
        var text = "第1章　水素貯蔵の概要\n2030年に実証を開始する計画である。\nThe plan starts in 2030.\n";
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(text);

        var r = Decoder.Decode(bytes);

        Assert.Equal(bigEndian ? "utf-16be" : "utf-16le", r.Encoding);
        Assert.Equal(text, r.Text);
    }

    [Fact]
    public void Binary_WithNulBytes_IsStillBinary()
    {
        var r = Decoder.Decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x0A, 0x1A, 0xFF, 0x00, 0x13]);

        Assert.Null(r.Text);
        Assert.Equal("binary file (NUL byte at byte 4), not text", r.Error);
    }
}
