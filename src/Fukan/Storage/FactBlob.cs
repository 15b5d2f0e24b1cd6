using System.IO.Compression;
using System.Text;

namespace Fukan.Storage;

/// <summary>
/// How a document's facts of one kind are stored: the JSON array, compressed. Fact JSON repeats its keys, its
/// document id and (area facts) whole paragraphs of the report; Brotli at quality 5 with a 4 MB window keeps it in
/// 6 % of its size (zlib at the fastest level, used before, 11-44 %: the area facts of a 1.7 MB report took 512 KB,
/// now 274 KB). A Brotli blob starts with <see cref="BrotliMarker"/>; zlib blobs (0x78 ...) and rows written as plain
/// JSON text (schema 2 before compression) still read.
/// </summary>
internal static class FactBlob
{
    /// <summary>First byte of a Brotli blob (a zlib stream starts with 0x78).</summary>
    private const byte BrotliMarker = 0xB5;

    private const int BrotliQuality = 5, BrotliWindow = 22;

    public static byte[] Pack(string json) => Pack(Encoding.UTF8.GetBytes(json));

    public static byte[] Pack(ReadOnlySpan<byte> utf8Json)
    {
        // The compressed bytes go to a buffer kept per thread; only the result is a new array.
        int bound = BrotliEncoder.GetMaxCompressedLength(utf8Json.Length) + 1;
        var output = Output is { } kept && kept.Length >= bound ? kept : Output = new byte[Math.Max(bound, 1 << 16)];
        output[0] = BrotliMarker;
        if (!BrotliEncoder.TryCompress(utf8Json, output.AsSpan(1), out int written, BrotliQuality, BrotliWindow))
            throw new InvalidOperationException("Brotli compression failed");
        return output.AsSpan(0, written + 1).ToArray();
    }

    [ThreadStatic] private static byte[]? Output;

    public static string UnpackText(byte[] packed) => Encoding.UTF8.GetString(Unpack(packed));

    public static byte[] Unpack(object stored)
    {
        if (stored is string text) return Encoding.UTF8.GetBytes(text);
        var packed = (byte[])stored;
        if (packed.Length > 0 && packed[0] == BrotliMarker)
        {
            using var brotli = new BrotliStream(new MemoryStream(packed, 1, packed.Length - 1), CompressionMode.Decompress);
            using var result = new MemoryStream(packed.Length * 12);
            brotli.CopyTo(result);
            return result.ToArray();
        }
        using var input = new MemoryStream(packed);
        using var z = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(packed.Length * 8);
        z.CopyTo(output);
        return output.ToArray();
    }
}
