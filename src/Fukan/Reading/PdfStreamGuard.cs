using System.IO.Compression;

namespace Fukan.Reading;

/// <summary>
/// Measures what a PDF's compressed streams inflate to before the PDF library decodes them: a 94 KB file whose
/// content stream inflates to gigabytes would otherwise end the process. Every FlateDecode stream that is not
/// an image (images are not decoded for text) is inflated into a counter, never kept; a stream past
/// <see cref="InputLimits.MaxPdfStreamBytes"/>, or all of them past <see cref="InputLimits.MaxPdfInflatedBytes"/>,
/// refuses the file. Linear in the inflated size, and stops at the limit.
/// </summary>
public static class PdfStreamGuard
{
    /// <summary>Why the PDF expands too far, or null when it does not.</summary>
    public static string? Check(byte[] pdf, long maxStream = InputLimits.MaxPdfStreamBytes, long maxTotal = InputLimits.MaxPdfInflatedBytes)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var span = pdf.AsSpan();
        long total = 0;
        int at = 0;
        var sink = new byte[81920];
        while (true)
        {
            int found = span[at..].IndexOf("stream"u8);
            if (found < 0) return null;
            int keyword = at + found;
            at = keyword + 6;
            // "endstream" is not a stream start; the keyword is followed by CRLF or LF.
            if (keyword >= 3 && span.Slice(keyword - 3, 3).SequenceEqual("end"u8)) continue;
            int data = at;
            if (data < span.Length && span[data] == '\r') data++;
            if (data < span.Length && span[data] == '\n') data++;
            else if (data == at) continue;
            var dictionary = Dictionary(span, keyword);
            if (dictionary.IndexOf("/FlateDecode"u8) < 0 && dictionary.IndexOf("/Fl "u8) < 0 && dictionary.IndexOf("/Fl/"u8) < 0 && dictionary.IndexOf("/Fl]"u8) < 0) continue;
            if (dictionary.IndexOf("/Image"u8) >= 0) continue;
            long inflated = Inflate(pdf, data, maxStream, sink);
            if (inflated > maxStream)
                return $"a compressed PDF stream expands beyond {FileTooLargeException.Megabytes(maxStream)} (at byte {data}); not read";
            total += inflated;
            if (total > maxTotal)
                return $"compressed PDF streams expand beyond {FileTooLargeException.Megabytes(maxTotal)} in all; not read";
        }
    }

    /// <summary>The stream's dictionary: from the "obj" before it (at most 4 KB back) to the keyword.</summary>
    private static ReadOnlySpan<byte> Dictionary(ReadOnlySpan<byte> pdf, int keyword)
    {
        int from = Math.Max(0, keyword - 4096);
        var window = pdf[from..keyword];
        int obj = window.LastIndexOf("obj"u8);
        return obj >= 0 ? window[obj..] : window;
    }

    /// <summary>Bytes the zlib data at <paramref name="offset"/> inflates to, counting no further than just past the limit.</summary>
    private static long Inflate(byte[] pdf, int offset, long limit, byte[] sink)
    {
        long n = 0;
        try
        {
            using var input = new MemoryStream(pdf, offset, pdf.Length - offset, writable: false);
            using var z = new ZLibStream(input, CompressionMode.Decompress);
            int read;
            while ((read = z.Read(sink, 0, sink.Length)) > 0)
            {
                n += read;
                if (n > limit) break;
            }
        }
        catch (InvalidDataException)
        {
            // Damaged or not zlib after all: the PDF library reports it.
        }
        return n;
    }
}
