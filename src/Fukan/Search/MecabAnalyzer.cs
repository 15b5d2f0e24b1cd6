using System.Runtime.InteropServices;
using System.Text;

namespace Fukan.Search;

/// <summary>
/// The morphological analyzer: runs of kana and ideographs are cut into MeCab morphemes (surface forms,
/// folded) instead of bigrams; letters and digits are words as in <see cref="BigramAnalyzer"/>. Needs
/// libmecab.so.2 and a dictionary (Debian: <c>apt-get install mecab libmecab2 mecab-ipadic-utf8</c>); use
/// <see cref="TryCreate"/> to find out. One MeCab tagger is shared under a lock.
/// </summary>
public sealed class MecabAnalyzer : ISearchAnalyzer, IDisposable
{
    private const string Library = "libmecab.so.2";
    // mecab_node_t on 64-bit: six pointers, then surface, feature, id (uint), length (ushort), rlength,
    // rcAttr, lcAttr, posid, char_type (byte), stat (byte).
    private const int NextOffset = 8, SurfaceOffset = 48, LengthOffset = 68, StatOffset = 79;
    private const byte BosNode = 2, EosNode = 3;

    private static readonly string[] Dictionaries = ["/var/lib/mecab/dic/ipadic-utf8", "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8", "/var/lib/mecab/dic/debian"];

    private readonly Lock _lock = new();
    private IntPtr _tagger;
    private byte[] _utf8 = new byte[1024];
    private int[] _charOfByte = new int[1024];

    private MecabAnalyzer(IntPtr tagger) => _tagger = tagger;

    public string Name => "mecab";

    /// <summary>A MeCab analyzer, or null with the reason when libmecab or a dictionary is missing.</summary>
    public static MecabAnalyzer? TryCreate(out string? reason)
    {
        reason = null;
        try
        {
            foreach (var dic in Dictionaries)
            {
                if (!Directory.Exists(dic)) continue;
                var tagger = mecab_new2("-d " + dic);
                if (tagger != IntPtr.Zero) return new MecabAnalyzer(tagger);
            }
            var fallback = mecab_new2("");
            if (fallback != IntPtr.Zero) return new MecabAnalyzer(fallback);
            reason = "libmecab found but no dictionary could be loaded (install mecab-ipadic-utf8)";
        }
        catch (DllNotFoundException)
        {
            reason = "libmecab.so.2 is not installed (apt-get install mecab libmecab2 mecab-ipadic-utf8)";
        }
        return null;
    }

    /// <summary>Like <see cref="TryCreate"/>, throwing <see cref="InvalidOperationException"/> with the reason.</summary>
    public static MecabAnalyzer Create() => TryCreate(out var reason) ?? throw new InvalidOperationException(reason);

    public void Analyze(ReadOnlySpan<char> text, TokenBuffer output)
    {
        output.Clear();
        output.Fold(text);
        var folded = output.Folded;
        int n = output.FoldedLength;
        int position = 0;
        int i = 0;
        while (i < n)
        {
            // Everything up to the next CJK run goes through the word tokenizer.
            int j = i;
            while (j < n && SearchCharClasses.Of(folded[j]) != SearchCharClass.Cjk) j++;
            if (j > i) position = BigramAnalyzer.Tokenize(output, i, j, position);
            if (j >= n) break;
            int k = j;
            while (k < n && SearchCharClasses.Of(folded[k]) == SearchCharClass.Cjk) k++;
            position = Segment(output, j, k, position);
            i = k;
        }
    }

    private int Segment(TokenBuffer output, int from, int to, int position)
    {
        var run = output.Folded.AsSpan(from, to - from);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_tagger == IntPtr.Zero, this);
            int max = Encoding.UTF8.GetMaxByteCount(run.Length);
            if (_utf8.Length < max + 1) { _utf8 = new byte[max + 1]; _charOfByte = new int[max + 1]; }
            int bytes = Encoding.UTF8.GetBytes(run, _utf8);
            // Map each UTF-8 byte offset to the folded char that starts there.
            int b = 0;
            for (int c = 0; c < run.Length; c++)
            {
                int len = Encoding.UTF8.GetByteCount(run.Slice(c, 1));
                for (int x = 0; x < len; x++) _charOfByte[b + x] = c;
                b += len;
            }
            _charOfByte[bytes] = run.Length;
            _utf8[bytes] = 0;
            var handle = GCHandle.Alloc(_utf8, GCHandleType.Pinned);
            try
            {
                IntPtr basePtr = handle.AddrOfPinnedObject();
                IntPtr node = mecab_sparse_tonode2(_tagger, basePtr, (nuint)bytes);
                if (node == IntPtr.Zero) return BigramAnalyzer.EmitBigrams(output, from, to, position);
                for (; node != IntPtr.Zero; node = Marshal.ReadIntPtr(node, NextOffset))
                {
                    byte stat = Marshal.ReadByte(node, StatOffset);
                    if (stat is BosNode or EosNode) continue;
                    int length = (ushort)Marshal.ReadInt16(node, LengthOffset);
                    if (length == 0) continue;
                    long start = Marshal.ReadIntPtr(node, SurfaceOffset) - basePtr;
                    if (start < 0 || start + length > bytes) continue;
                    int c0 = _charOfByte[start], c1 = _charOfByte[start + length];
                    if (c1 <= c0) continue;
                    output.Add(output.Folded.AsSpan(from + c0, c1 - c0), output.FoldedStart[from + c0], output.FoldedEnd[from + c1 - 1], position++);
                }
            }
            finally
            {
                handle.Free();
            }
        }
        return position;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_tagger == IntPtr.Zero) return;
            mecab_destroy(_tagger);
            _tagger = IntPtr.Zero;
        }
    }

    [DllImport(Library, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr mecab_new2(string arg);

    [DllImport(Library)]
    private static extern IntPtr mecab_sparse_tonode2(IntPtr mecab, IntPtr str, nuint len);

    [DllImport(Library)]
    private static extern void mecab_destroy(IntPtr mecab);
}
