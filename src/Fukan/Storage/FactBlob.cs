using System.IO.Compression;
using System.Text;

namespace Fukan.Storage;

/// <summary>
/// How a document's facts of one kind are stored: the JSON array, zlib-compressed (fastest level). Fact JSON
/// repeats its keys and document id thousands of times and shrinks about ninefold, which is most of what an
/// ingest writes. Rows written as plain JSON text (schema 2 before compression) still read.
/// </summary>
internal static class FactBlob
{
    public static byte[] Pack(string json) => Pack(Encoding.UTF8.GetBytes(json));

    public static byte[] Pack(ReadOnlySpan<byte> utf8Json)
    {
        // The compressed bytes go to a stream kept per thread; only the result is a new array.
        var output = Output ??= new MemoryStream(1 << 16);
        output.SetLength(0);
        using (var z = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true)) z.Write(utf8Json);
        return output.ToArray();
    }

    [ThreadStatic] private static MemoryStream? Output;

    /// <summary>A document's text, compressed harder than facts (it is written once and read for a few lines).</summary>
    public static byte[] PackText(string text)
    {
        using var output = new MemoryStream(text.Length);
        using (var z = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true)) z.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    public static string UnpackText(byte[] packed) => Encoding.UTF8.GetString(Unpack(packed));

    public static byte[] Unpack(object stored)
    {
        if (stored is string text) return Encoding.UTF8.GetBytes(text);
        var packed = (byte[])stored;
        using var input = new MemoryStream(packed);
        using var z = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(packed.Length * 8);
        z.CopyTo(output);
        return output.ToArray();
    }
}
