using System.Text;

namespace Fukan.Reading;

/// <summary>The decoded text, or why it could not be decoded (with the byte offset of the first bad byte).</summary>
public readonly record struct DecodeResult(string? Text, string Encoding, string? Error, long? ErrorOffset);

/// <summary>
/// Decodes text files whose encoding is detected, not assumed: UTF-8 (with or without BOM), UTF-16 with a
/// BOM, and the Japanese legacy encodings CP932 (Shift_JIS) and EUC-JP. A file that is mostly UTF-8 but has
/// a broken sequence is reported as invalid UTF-8 at that byte rather than mis-decoded as a legacy encoding.
/// </summary>
public sealed class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Encoding _cp932;
    private readonly Encoding _eucJp;

    public TextDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _cp932 = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        _eucJp = Encoding.GetEncoding(51932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return DecodeUtf8(bytes[3..], "utf-8-bom", 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return DecodeStrict(new UnicodeEncoding(false, false, true), bytes[2..], "utf-16le", 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return DecodeStrict(new UnicodeEncoding(true, false, true), bytes[2..], "utf-16be", 2);

        if (System.Text.Unicode.Utf8.IsValid(bytes)) return new DecodeResult(StrictUtf8.GetString(bytes), "utf-8", null, null);
        int invalid = FirstInvalidUtf8(bytes, out int validMultiByte, out int invalidCount);

        // Mostly well-formed UTF-8 with a few broken sequences: a damaged UTF-8 file, not a legacy one.
        if (validMultiByte >= 8 && invalidCount * 20 <= validMultiByte)
            return new DecodeResult(null, "utf-8", $"invalid UTF-8 at byte {invalid}", invalid);

        var sjis = TryDecode(_cp932, bytes);
        var euc = TryDecode(_eucJp, bytes);
        string? best = null; string name = "";
        if (sjis is not null && euc is not null)
        {
            (best, name) = Plausibility(sjis) >= Plausibility(euc) ? (sjis, "shift_jis") : (euc, "euc-jp");
        }
        else if (sjis is not null) (best, name) = (sjis, "shift_jis");
        else if (euc is not null) (best, name) = (euc, "euc-jp");

        if (best is not null && Plausibility(best) >= 0.9) return new DecodeResult(best, name, null, null);
        return new DecodeResult(null, "unknown", $"undecodable bytes at byte {invalid} (not UTF-8, Shift_JIS or EUC-JP)", invalid);
    }

    private static DecodeResult DecodeUtf8(ReadOnlySpan<byte> bytes, string name, int prefix)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return new DecodeResult(StrictUtf8.GetString(bytes), name, null, null);
        int invalid = FirstInvalidUtf8(bytes, out _, out _);
        return new DecodeResult(null, name, $"invalid UTF-8 at byte {invalid + prefix}", invalid + prefix);
    }

    private static DecodeResult DecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes, string name, int prefix)
    {
        try { return new DecodeResult(encoding.GetString(bytes), name, null, null); }
        catch (DecoderFallbackException e)
        {
            long at = e.Index >= 0 ? e.Index + prefix : prefix;
            return new DecodeResult(null, name, $"invalid {name} at byte {at}", at);
        }
    }

    private static string? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try { return encoding.GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    /// <summary>
    /// The share of characters that ordinary Japanese or English text uses. Mis-decoded text is full of
    /// half-width katakana, private-use and rare symbols.
    /// </summary>
    internal static double Plausibility(string text)
    {
        if (text.Length == 0) return 1;
        int good = 0, total = 0;
        foreach (char c in text)
        {
            total++;
            if (c is '\n' or '\r' or '\t' || (c >= ' ' && c <= '~')) good++;
            else if (c >= '\u3000' && c <= '\u30FF') good++;      // CJK punctuation, hiragana, katakana
            else if (c >= '\u4E00' && c <= '\u9FFF') good++;      // CJK unified ideographs
            else if (c >= '\uFF01' && c <= '\uFF5E') good++;      // full-width ASCII
            else if (c is >= '\u2010' and <= '\u2312' or >= '\u25A0' and <= '\u25FF') good++; // dashes, arrows, shapes (◎○△)
            else if (c is '×' or '÷' or '°' or '±' or '§' or '¶' or 'µ') good++;
        }
        return (double)good / total;
    }

    /// <summary>The offset of the first invalid UTF-8 byte, or -1; counts well-formed multi-byte sequences.</summary>
    internal static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes, out int validMultiByte, out int invalidCount)
    {
        validMultiByte = 0; invalidCount = 0;
        int first = -1;
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b < 0x80) { i++; continue; }
            int need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            bool ok = need > 0 && i + need < bytes.Length;
            if (ok)
            {
                for (int k = 1; k <= need; k++)
                    if ((bytes[i + k] & 0xC0) != 0x80) { ok = false; break; }
                byte b1 = bytes[i + 1];
                // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are not UTF-8.
                if (ok && need == 2 && ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F))) ok = false;
                if (ok && need == 3 && ((b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F))) ok = false;
            }
            if (ok) { validMultiByte++; i += need + 1; }
            else
            {
                if (first < 0) first = i;
                invalidCount++;
                i++;
            }
        }
        return first;
    }
}
