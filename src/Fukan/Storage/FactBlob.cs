using System.IO.Compression;
using System.Text;

namespace Fukan.Storage;

/// <summary>
/// How a document's facts of one kind are stored: the JSON array, compressed with Zstandard (level 3). Fact JSON
/// repeats its keys, its document id and (area facts) whole paragraphs of the report. Measured on the facts of the
/// 1.7 MB seed report (5.8 MB of JSON): zlib at its fastest level (used before) 1,283 KB, compressed in 35 ms, read
/// back in 12 ms; Brotli q5 740 KB, 90 ms, 22 ms (reads twice as slow: dropped); Zstandard 3 857 KB, 46 ms, 7.5 ms.
/// A Zstandard blob starts with its frame magic (28 B5 2F FD); zlib blobs (0x78 ...) and rows written as plain JSON
/// text (schema 2 before compression) still read.
/// </summary>
internal static class FactBlob
{
    private const int Level = 3;

    public static byte[] Pack(string json) => Pack(Encoding.UTF8.GetBytes(json));

    public static byte[] Pack(ReadOnlySpan<byte> utf8Json) => (Compressor ??= NewCompressor()).Wrap(utf8Json).ToArray();

    /// <summary>A 1 MB window (a chunk of 256 facts is at most about that) keeps each ingest thread's compressor small.</summary>
    private static ZstdSharp.Compressor NewCompressor()
    {
        var compressor = new ZstdSharp.Compressor(Level);
        compressor.SetParameter(ZstdSharp.Unsafe.ZSTD_cParameter.ZSTD_c_windowLog, 20);
        return compressor;
    }

    [ThreadStatic] private static ZstdSharp.Compressor? Compressor;

    [ThreadStatic] private static ZstdSharp.Decompressor? Decompressor;

    /// <summary>True for a Zstandard frame (its magic number, little-endian).</summary>
    public static bool IsZstd(ReadOnlySpan<byte> packed) => packed.Length >= 4 && packed[0] == 0x28 && packed[1] == 0xB5 && packed[2] == 0x2F && packed[3] == 0xFD;

    /// <summary>Decompresses a Zstandard frame written by <see cref="Pack(ReadOnlySpan{byte})"/> (it records its size).</summary>
    public static byte[] UnpackZstd(ReadOnlySpan<byte> packed) => (Decompressor ??= new ZstdSharp.Decompressor()).Unwrap(packed).ToArray();

    public static string UnpackText(byte[] packed) => Encoding.UTF8.GetString(Unpack(packed));

    public static byte[] Unpack(object stored)
    {
        if (stored is string text) return Encoding.UTF8.GetBytes(text);
        var packed = (byte[])stored;
        if (IsZstd(packed)) return UnpackZstd(packed);
        using var input = new MemoryStream(packed);
        using var z = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(packed.Length * 8);
        z.CopyTo(output);
        return output.ToArray();
    }
}
