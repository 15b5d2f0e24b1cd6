using System.Text;

namespace Fukan.Reading;

/// <summary>The decoded text, or why it could not be decoded (with the byte offset of the first bad byte).</summary>
public readonly record struct DecodeResult(string? Text, string Encoding, string? Error, long? ErrorOffset);

/// <summary>
/// Decodes text files whose encoding is detected, not assumed: UTF-8 (with or without BOM), UTF-16 with or
/// without a BOM, and the Japanese legacy encodings CP932 (Shift_JIS, with the NEC and IBM extensions: ①㈱㍻﨑,
/// half-width kana) and EUC-JP (with the JIS mapping of 〜−∥¢£¬—, not Microsoft's ～－∥￠￡￢―). A file that is
/// mostly UTF-8 but has a broken sequence is reported as invalid UTF-8 at that byte rather than mis-decoded as a
/// legacy encoding; NUL bytes that are not UTF-16 make a file binary.
/// </summary>
public sealed class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>How far into a file NUL bytes are looked for.</summary>
    private const int SniffBytes = 8192;

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
        // No encoding Fukan reads takes more than four bytes a character: a longer file is refused unread.
        if (bytes.Length / 4 > InputLimits.MaxSourceChars)
            return new DecodeResult(null, "unknown", InputLimits.TextTooLong(bytes.Length / 4), null);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return DecodeUtf8(bytes[3..], "utf-8-bom", 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return DecodeStrict(StrictUtf16Le, bytes[2..], "utf-16le", 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return DecodeStrict(StrictUtf16Be, bytes[2..], "utf-16be", 2);

        int nul = bytes[..Math.Min(bytes.Length, SniffBytes)].IndexOf((byte)0);
        if (nul >= 0)
        {
            // UTF-16 without a BOM: every character has a NUL half when it is ASCII (line ends at least).
            if (Utf16WithoutBom(bytes) is { } utf16) return utf16;
            return new DecodeResult(null, "binary", $"binary file (NUL byte at byte {nul}), not text", nul);
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes)) return new DecodeResult(StrictUtf8.GetString(bytes), "utf-8", null, null);
        int invalid = FirstInvalidUtf8(bytes, out int validMultiByte, out int invalidCount);

        // Mostly well-formed UTF-8 with a few broken sequences: a damaged UTF-8 file, not a legacy one.
        if (validMultiByte >= 8 && invalidCount * 20 <= validMultiByte)
            return new DecodeResult(null, "utf-8", $"invalid UTF-8 at byte {invalid}", invalid);

        var sjis = TryDecode(_cp932, bytes);
        var euc = TryDecode(_eucJp, bytes);
        if (euc is not null) euc = JisMapping(euc);
        string? best = null; string name = "";
        if (sjis is not null && euc is not null)
        {
            // EUC-JP read as Shift_JIS turns into half-width katakana (its bytes A1–DF are those); Shift_JIS
            // with hiragana (lead byte 82) is never valid EUC-JP. Of two readings, the one with fewer half-width
            // kana, then the more plausible one, wins.
            int hs = HalfWidthKana(sjis), he = HalfWidthKana(euc);
            (best, name) = hs != he ? (hs < he ? (sjis, "shift_jis") : (euc, "euc-jp"))
                : Plausibility(sjis) >= Plausibility(euc) ? (sjis, "shift_jis") : (euc, "euc-jp");
        }
        else if (sjis is not null) (best, name) = (sjis, "shift_jis");
        else if (euc is not null) (best, name) = (euc, "euc-jp");

        if (best is not null && Plausibility(best) >= 0.9) return new DecodeResult(best, name, null, null);
        return new DecodeResult(null, "unknown", $"undecodable bytes at byte {Math.Max(0, invalid)} (not UTF-8, UTF-16, Shift_JIS or EUC-JP)", Math.Max(0, invalid));
    }

    private static DecodeResult? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 2 != 0) return null;
        // The NUL half of ASCII characters sits at odd offsets in little-endian text, at even ones in big-endian
        // (a few CJK characters, U+3000 among them, put a NUL on the other side).
        var head = bytes[..Math.Min(bytes.Length, SniffBytes)];
        int even = 0, odd = 0;
        for (int i = 0; i < head.Length; i++)
            if (head[i] == 0) { if ((i & 1) == 0) even++; else odd++; }
        var (encoding, name) = odd >= even ? (StrictUtf16Le, "utf-16le") : (StrictUtf16Be, "utf-16be");
        string text;
        try { text = encoding.GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
        if (text.Contains('\0', StringComparison.Ordinal) || Plausibility(text) < 0.9) return null;
        return new DecodeResult(text, name, null, null);
    }

    /// <summary>
    /// Microsoft's EUC-JP table maps seven JIS X 0208 characters to full-width look-alikes; JIS (and every other
    /// EUC-JP decoder) maps them to these. Each look-alike comes from one EUC-JP code only, so the swap is exact.
    /// </summary>
    private static string JisMapping(string text)
    {
        if (text.AsSpan().IndexOfAny("\uFF5E\uFF0D\u2225\uFFE0\uFFE1\uFFE2\u2015") < 0) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '\uFF5E' => '\u301C', // 〜 WAVE DASH
                    '\uFF0D' => '\u2212', // − MINUS SIGN
                    '\u2225' => '\u2016', // ‖ DOUBLE VERTICAL LINE
                    '\uFFE0' => '\u00A2', // ¢
                    '\uFFE1' => '\u00A3', // £
                    '\uFFE2' => '\u00AC', // ¬
                    '\u2015' => '\u2014', // — EM DASH
                    var c => c,
                };
            }
        });
    }

    private static int HalfWidthKana(string text)
    {
        int n = 0;
        foreach (char c in text)
            if (c is >= '\uFF61' and <= '\uFF9F') n++;
        return n;
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
    /// private-use characters, C1 controls, Latin-1 letters and rare symbols.
    /// </summary>
    internal static double Plausibility(string text)
    {
        if (text.Length == 0) return 1;
        int good = 0, total = 0;
        foreach (char c in text)
        {
            total++;
            if (c is '\n' or '\r' or '\t' or '\f' || (c >= ' ' && c <= '~')) good++;
            else if (c is >= '\u3000' and <= '\u30FF') good++;     // CJK punctuation, hiragana, katakana
            else if (c is >= '\u3200' and <= '\u33FF') good++;     // ㈱ ㍻ ㌔: enclosed and squared CJK
            else if (c is >= '\u4E00' and <= '\u9FFF') good++;     // CJK unified ideographs
            else if (c is >= '\uF900' and <= '\uFAFF') good++;     // 﨑 髙: compatibility ideographs (IBM extensions)
            else if (c is >= '\uFF01' and <= '\uFF9F') good++;     // full-width ASCII, half-width katakana
            else if (c is >= '\uFFE0' and <= '\uFFE5') good++;     // ￠￡￢￤￥
            else if (c is >= '\u2010' and <= '\u2312' or >= '\u2460' and <= '\u24FF' or >= '\u2500' and <= '\u25FF' or >= '\u2600' and <= '\u266F') good++; // dashes, ⅰ, arrows, math, ①, box drawing, shapes (◎○△), ★♪
            else if (c is >= '\u0391' and <= '\u03C9' or >= '\u0401' and <= '\u0451') good++; // Greek and Cyrillic (JIS row 6 and 7)
            else if (c is '×' or '÷' or '°' or '±' or '§' or '¶' or 'µ' or '¨' or '´' or '¢' or '£' or '¬') good++;
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
