using System.Buffers;
using System.Text;
using Fukan.Model;

namespace Fukan.Storage;

/// <summary>
/// How the embedded store keeps a document's text: its source and its passages' text together, in blocks of
/// <see cref="PassagesPerBlock"/> passages, each block holding the stretch of source those passages were cut from,
/// each passage's text and offset map right after its own piece of source, compressed as one stream. A passage
/// repeats its source almost character for character, so a few bytes back in the same stream it costs little: the
/// two texts together take 0.46 of the source's UTF-8 size (a 1.7 MB report: 788 KB; before, 580 KB of compressed
/// source and 1.7 MB of plain passage text). <c>fukan source</c> joins the
/// blocks' source stretches back into the exact original; a search hit decompresses one block (about 25 KB).
/// </summary>
/// <remarks>
/// Rows are keyed by one integer, <c>doc_key &lt;&lt; 24 | n</c> (<see cref="Key"/>): a passage's key is also its
/// row in the search index, and a document's rows are one key range.
/// </remarks>
internal static class TextBlocks
{
    public const int PassagesPerBlock = 32;
    private const int BlockShift = 5;

    /// <summary>Bits of a key that number a passage (or block) within its document.</summary>
    public const int OrdinalBits = 24;

    public const long OrdinalMask = (1L << OrdinalBits) - 1;

    /// <summary>Format of a stored block (first byte, before the Zstandard frame).</summary>
    private const byte Format = 1;

    /// <summary>
    /// Zstandard level: 9 is as small as zlib's default level here (a 1.7 MB report's blocks: 875 KB) and reads back
    /// 1.75 times faster (3.2 ms for its 143 blocks; what a search hit waits for); 19 saves 6 % at 30 times the cost.
    /// </summary>
    private const int Level = 9;

    /// <summary>The key of passage or block <paramref name="n"/> of document <paramref name="docKey"/>.</summary>
    public static long Key(long docKey, long n) => (docKey << OrdinalBits) | n;

    /// <summary>The first and last key a document's rows can have.</summary>
    public static (long First, long Last) Range(long docKey) => (docKey << OrdinalBits, (docKey << OrdinalBits) | OrdinalMask);

    public static int BlockOf(int ordinal) => ordinal >> BlockShift;

    /// <summary>Checks that a passage ordinal fits a key (a document of more than 16 million passages does not).</summary>
    public static void CheckOrdinal(Passage passage)
    {
        if (passage.Ordinal < 0 || passage.Ordinal > OrdinalMask)
            throw new StoreException($"passage {passage.Id}: ordinal {passage.Ordinal} is out of range (a document holds at most {OrdinalMask + 1} passages)");
    }

    /// <summary>
    /// The blocks of a document: (block number, stored bytes), in order. There is always at least one block (the
    /// source of a document without passages is block 0).
    /// </summary>
    public static List<(int Block, byte[] Data)> Pack(string source, IReadOnlyList<Passage> passages)
    {
        var groups = new SortedDictionary<int, List<Passage>>();
        foreach (var p in passages)
        {
            CheckOrdinal(p);
            int b = BlockOf(p.Ordinal);
            if (!groups.TryGetValue(b, out var list)) groups[b] = list = new List<Passage>(PassagesPerBlock);
            list.Add(p);
        }
        if (groups.Count == 0) groups[0] = [];
        // Block i holds the source from where its first passage starts up to where the next block's starts.
        var blocks = groups.ToList();
        var bounds = new int[blocks.Count + 1];
        bounds[blocks.Count] = source.Length;
        for (int i = 1; i < blocks.Count; i++)
        {
            int start = blocks[i].Value.Count == 0 ? bounds[i - 1] : blocks[i].Value.Min(p => p.Source.Span.Start);
            start = Math.Clamp(start, bounds[i - 1], source.Length);
            // Never between the halves of a surrogate pair: each stretch is encoded on its own.
            if (start > 0 && start < source.Length && char.IsLowSurrogate(source[start])) start--;
            bounds[i] = Math.Max(start, bounds[i - 1]);
        }
        var result = new List<(int, byte[])>(blocks.Count);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        for (int i = 0; i < blocks.Count; i++)
        {
            buffer.ResetWrittenCount();
            var items = blocks[i].Value;
            WriteVarint(buffer, (uint)items.Count);
            // Each passage follows the source from where it starts to where the next one starts (the first from the
            // block's start, the last to the block's end): its text repeats what is a few bytes back.
            int at = bounds[i];
            for (int k = 0; k < items.Count; k++)
            {
                int next = k + 1 < items.Count ? Math.Clamp(items[k + 1].Source.Span.Start, at, bounds[i + 1]) : bounds[i + 1];
                if (next > 0 && next < source.Length && char.IsLowSurrogate(source[next])) next = Math.Max(at, next - 1);
                var p = items[k];
                WriteString(buffer, source.AsSpan(at, next - at));
                at = next;
                WriteVarint(buffer, (uint)(p.Ordinal & ((1 << BlockShift) - 1)));
                WriteString(buffer, p.Text);
                var map = p.Map.ToBytes();
                WriteVarint(buffer, (uint)map.Length);
                buffer.Write(map);
            }
            // A block without passages (a document without any) holds its source alone.
            WriteString(buffer, source.AsSpan(at, bounds[i + 1] - at));
            result.Add((blocks[i].Key, Compress(buffer.WrittenSpan)));
        }
        return result;
    }

    /// <summary>A stored block: its stretch of source and its passages (ordinal within the block, text, map).</summary>
    public sealed record Block(string Source, IReadOnlyList<(int Index, string Text, byte[] Map)> Passages)
    {
        public (string Text, byte[] Map)? Passage(int ordinal)
        {
            int index = ordinal & ((1 << BlockShift) - 1);
            foreach (var p in Passages)
                if (p.Index == index) return (p.Text, p.Map);
            return null;
        }
    }

    public static Block Unpack(byte[] stored)
    {
        if (stored.Length == 0 || stored[0] != Format) throw new StoreException("a stored text block is of an unknown format (written by a newer fukan?)");
        var data = FactBlob.UnpackZstd(stored.AsSpan(1));
        int i = 0;
        int count = (int)ReadVarint(data, ref i);
        var source = new StringBuilder();
        var items = new List<(int, string, byte[])>(count);
        for (int k = 0; k < count; k++)
        {
            source.Append(ReadString(data, ref i));
            int index = (int)ReadVarint(data, ref i);
            var text = ReadString(data, ref i);
            int mapLength = (int)ReadVarint(data, ref i);
            items.Add((index, text, data.AsSpan(i, mapLength).ToArray()));
            i += mapLength;
        }
        source.Append(ReadString(data, ref i));
        return new Block(source.ToString(), items);
    }

    /// <summary>
    /// Only the passages at <paramref name="indexes"/> (ordinal within the block) of a stored block, the rest skipped
    /// undecoded: what a search hit needs.
    /// </summary>
    public static List<(int Index, string Text, byte[] Map)> ReadPassages(byte[] stored, IReadOnlyCollection<int> indexes)
    {
        if (stored.Length == 0 || stored[0] != Format) throw new StoreException("a stored text block is of an unknown format (written by a newer fukan?)");
        var frame = stored.AsSpan(1);
        var decompressor = Decompressor ??= new ZstdSharp.Decompressor();
        ulong size = ZstdSharp.Decompressor.GetDecompressedSize(frame);
        var data = Decompressed is { } kept && (ulong)kept.Length >= size ? kept : Decompressed = new byte[Math.Max((int)size, 1 << 17)];
        decompressor.Unwrap(frame, data.AsSpan());
        int i = 0;
        int count = (int)ReadVarint(data, ref i);
        var found = new List<(int, string, byte[])>(indexes.Count);
        for (int k = 0; k < count && found.Count < indexes.Count; k++)
        {
            int sourceLength = (int)ReadVarint(data, ref i);
            i += sourceLength;   // its piece of source
            int index = (int)ReadVarint(data, ref i);
            int textLength = (int)ReadVarint(data, ref i);
            int textAt = i;
            i += textLength;
            int mapLength = (int)ReadVarint(data, ref i);
            if (indexes.Contains(index)) found.Add((index, Encoding.UTF8.GetString(data, textAt, textLength), data.AsSpan(i, mapLength).ToArray()));
            i += mapLength;
        }
        return found;
    }

    [ThreadStatic] private static byte[]? Decompressed;

    [ThreadStatic] private static ZstdSharp.Decompressor? Decompressor;

    [ThreadStatic] private static ZstdSharp.Compressor? Compressor;

    /// <summary>A block is some 50 KB: a 128 KB window covers it, and each ingest thread's compressor stays small.</summary>
    private static ZstdSharp.Compressor NewCompressor()
    {
        var compressor = new ZstdSharp.Compressor(Level);
        compressor.SetParameter(ZstdSharp.Unsafe.ZSTD_cParameter.ZSTD_c_windowLog, 17);
        return compressor;
    }

    /// <summary>The ordinal of a passage within its block.</summary>
    public static int IndexInBlock(int ordinal) => ordinal & ((1 << BlockShift) - 1);

    private static byte[] Compress(ReadOnlySpan<byte> raw)
    {
        var frame = (Compressor ??= NewCompressor()).Wrap(raw);
        var result = new byte[frame.Length + 1];
        result[0] = Format;
        frame.CopyTo(result.AsSpan(1));
        return result;
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, ReadOnlySpan<char> text)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        WriteVarint(buffer, (uint)length);
        Encoding.UTF8.GetBytes(text, buffer.GetSpan(length));
        buffer.Advance(length);
    }

    private static string ReadString(byte[] data, ref int i)
    {
        int length = (int)ReadVarint(data, ref i);
        var s = Encoding.UTF8.GetString(data, i, length);
        i += length;
        return s;
    }

    private static void WriteVarint(ArrayBufferWriter<byte> buffer, uint value)
    {
        var span = buffer.GetSpan(5);
        int n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[n++] = (byte)value;
        buffer.Advance(n);
    }

    private static uint ReadVarint(byte[] data, ref int i)
    {
        uint value = 0;
        int shift = 0;
        while (true)
        {
            byte b = data[i++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return value;
            shift += 7;
        }
    }
}
