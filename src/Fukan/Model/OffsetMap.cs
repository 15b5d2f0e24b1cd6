namespace Fukan.Model;

/// <summary>
/// Maps offsets in a derived text (a repaired passage) back to offsets in the document's source text.
/// Stored as runs: characters <c>[DerivedStart, DerivedStart+Length)</c> came from
/// <c>[SourceStart, SourceStart+Length)</c> one to one. Characters inserted by repair (a joining space)
/// belong to no run and map to the source offset of the next run.
/// </summary>
public sealed class OffsetMap
{
    private readonly int[] _derived;
    private readonly int[] _source;
    private readonly int[] _length;

    /// <summary>Creates a map from parallel run arrays (derived starts ascending, runs not overlapping).</summary>
    public OffsetMap(int[] derivedStarts, int[] sourceStarts, int[] lengths)
    {
        if (derivedStarts.Length != sourceStarts.Length || derivedStarts.Length != lengths.Length)
            throw new ArgumentException("run arrays differ in length");
        _derived = derivedStarts;
        _source = sourceStarts;
        _length = lengths;
    }

    /// <summary>The identity map over one run.</summary>
    public static OffsetMap Identity(int sourceStart, int length) => new([0], [sourceStart], [length]);

    public int RunCount => _derived.Length;

    public (int DerivedStart, int SourceStart, int Length) Run(int i) => (_derived[i], _source[i], _length[i]);

    /// <summary>The source offset of derived offset <paramref name="offset"/>.</summary>
    public int ToSource(int offset)
    {
        if (_derived.Length == 0) return 0;
        int idx = Array.BinarySearch(_derived, offset);
        if (idx < 0) idx = ~idx - 1;
        if (idx < 0) return _source[0];
        int within = offset - _derived[idx];
        if (within < _length[idx]) return _source[idx] + within;
        // An inserted character: it stands for the gap before the next run.
        return idx + 1 < _derived.Length ? _source[idx + 1] : _source[idx] + _length[idx];
    }

    /// <summary>The source span covered by the derived span [start, end).</summary>
    public CharSpan ToSource(int start, int end)
    {
        if (end <= start) { int s = ToSource(start); return new CharSpan(s, s); }
        int first = ToSource(start);
        int last = ToSourceLast(end - 1);
        return new CharSpan(first, Math.Max(first, last + 1));
    }

    private int ToSourceLast(int offset)
    {
        int idx = Array.BinarySearch(_derived, offset);
        if (idx < 0) idx = ~idx - 1;
        if (idx < 0) return _source[0];
        int within = offset - _derived[idx];
        if (within < _length[idx]) return _source[idx] + within;
        return _source[idx] + _length[idx] - 1; // inserted char: stay with the run before it
    }

    /// <summary>Compact text form "d:s:l;d:s:l" for storage.</summary>
    public string Serialize()
    {
        var sb = new System.Text.StringBuilder(_derived.Length * 12);
        for (int i = 0; i < _derived.Length; i++)
        {
            if (i > 0) sb.Append(';');
            sb.Append(_derived[i]).Append(':').Append(_source[i]).Append(':').Append(_length[i]);
        }
        return sb.ToString();
    }

    /// <summary>Compact binary form for storage: run count, then delta-encoded runs as 7-bit varints.</summary>
    public byte[] ToBytes()
    {
        var buffer = new byte[5 + _derived.Length * 15];
        int at = 0;
        WriteVarint(buffer, ref at, (uint)_derived.Length);
        int prevDerived = 0, prevSource = 0;
        for (int i = 0; i < _derived.Length; i++)
        {
            WriteVarint(buffer, ref at, (uint)(_derived[i] - prevDerived));
            WriteVarint(buffer, ref at, ZigZag(_source[i] - prevSource));
            WriteVarint(buffer, ref at, (uint)_length[i]);
            prevDerived = _derived[i];
            prevSource = _source[i];
        }
        return buffer[..at];
    }

    public static OffsetMap FromBytes(ReadOnlySpan<byte> bytes)
    {
        int at = 0;
        int n = (int)ReadVarint(bytes, ref at);
        var d = new int[n]; var s = new int[n]; var l = new int[n];
        int prevDerived = 0, prevSource = 0;
        for (int i = 0; i < n; i++)
        {
            d[i] = prevDerived += (int)ReadVarint(bytes, ref at);
            s[i] = prevSource += UnZigZag(ReadVarint(bytes, ref at));
            l[i] = (int)ReadVarint(bytes, ref at);
        }
        return new OffsetMap(d, s, l);
    }

    private static uint ZigZag(int v) => (uint)((v << 1) ^ (v >> 31));

    private static int UnZigZag(uint v) => (int)(v >> 1) ^ -(int)(v & 1);

    private static void WriteVarint(byte[] buffer, ref int at, uint value)
    {
        while (value >= 0x80) { buffer[at++] = (byte)(value | 0x80); value >>= 7; }
        buffer[at++] = (byte)value;
    }

    private static uint ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        uint value = 0; int shift = 0;
        while (true)
        {
            byte b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return value;
            shift += 7;
        }
    }

    public static OffsetMap Parse(string text)
    {
        if (string.IsNullOrEmpty(text)) return new OffsetMap([], [], []);
        var parts = text.Split(';');
        var d = new int[parts.Length]; var s = new int[parts.Length]; var l = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            var f = parts[i].Split(':');
            d[i] = int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture);
            s[i] = int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture);
            l[i] = int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture);
        }
        return new OffsetMap(d, s, l);
    }
}

/// <summary>Builds a derived string and its <see cref="OffsetMap"/> together.</summary>
public sealed class MappedTextBuilder
{
    private readonly System.Text.StringBuilder _sb = new();
    private readonly List<int> _d = new(), _s = new(), _l = new();

    public int Length => _sb.Length;

    public char this[int index] => _sb[index];

    /// <summary>Appends source characters <paramref name="text"/> that start at source offset <paramref name="sourceStart"/>.</summary>
    public MappedTextBuilder Append(ReadOnlySpan<char> text, int sourceStart)
    {
        if (text.IsEmpty) return this;
        int n = _d.Count;
        if (n > 0 && _d[n - 1] + _l[n - 1] == _sb.Length && _s[n - 1] + _l[n - 1] == sourceStart)
            _l[n - 1] += text.Length; // contiguous with the previous run
        else
        {
            _d.Add(_sb.Length); _s.Add(sourceStart); _l.Add(text.Length);
        }
        _sb.Append(text);
        return this;
    }

    /// <summary>Appends characters that have no source (a joining space).</summary>
    public MappedTextBuilder AppendInserted(ReadOnlySpan<char> text)
    {
        _sb.Append(text);
        return this;
    }

    /// <summary>Empties the builder for the next text, keeping its buffers: one builder can serve many passages.</summary>
    public MappedTextBuilder Clear()
    {
        _sb.Clear();
        _d.Clear(); _s.Clear(); _l.Clear();
        return this;
    }

    /// <summary>Removes trailing characters (they leave the map consistent).</summary>
    public void TrimEnd()
    {
        int len = _sb.Length;
        while (len > 0 && char.IsWhiteSpace(_sb[len - 1])) len--;
        Truncate(len);
    }

    public void Truncate(int length)
    {
        if (length >= _sb.Length) return;
        _sb.Length = length;
        for (int i = _d.Count - 1; i >= 0; i--)
        {
            if (_d[i] >= length) { _d.RemoveAt(i); _s.RemoveAt(i); _l.RemoveAt(i); continue; }
            if (_d[i] + _l[i] > length) _l[i] = length - _d[i];
            break;
        }
    }

    public (string Text, OffsetMap Map) Build() => (_sb.ToString(), new OffsetMap(_d.ToArray(), _s.ToArray(), _l.ToArray()));

    public override string ToString() => _sb.ToString();
}
