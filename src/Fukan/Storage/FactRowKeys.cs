using System.Globalization;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Entities;
using Fukan.Extraction.Events;
using Fukan.Extraction.Landscape;
using Fukan.Extraction.Quantities;
using Fukan.Extraction.Signals;
using Fukan.Model;
using Fukan.Pipeline;

namespace Fukan.Storage;

/// <summary>The keys a fact is filtered and grouped by, stored beside its JSON as indexed columns.</summary>
internal sealed record FactRowKeys
{
    public string? DateStart { get; init; }
    public string? DateEnd { get; init; }
    public string? Precision { get; init; }
    public double? Value { get; init; }
    public double? ValueMax { get; init; }
    public string? Unit { get; init; }
    public string? Subject { get; init; }
    public string? AreaId { get; init; }
    public string? Country { get; init; }
    public string? Phase { get; init; }
    public string? Rating { get; init; }
    public string? Trend { get; init; }
    public string? Status { get; init; }
    public string? Domain { get; init; }

    /// <summary>Entities named in the fact's sentence (quantities and events), distinct, in order of appearance.</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Derives <see cref="FactRowKeys"/> for every fact of a document: the one place that knows which field of which
/// fact kind is a filter key. A quantity takes the date written in its sentence (else its document's date) and,
/// like an event, the entities its sentence names.
/// </summary>
internal sealed class FactRowKeyReader
{
    private readonly ProcessedDocument _document;
    private readonly (int Start, int End, string Id)[] _mentions;
    private readonly (int Start, DateFact Date)[] _dates;

    public FactRowKeyReader(ProcessedDocument document)
    {
        _document = document;
        var mentions = new List<(int, int, string)>();
        var dates = new List<(int, DateFact)>();
        foreach (var fact in document.Facts)
        {
            var f = StoredJsonFact.Unwrap(fact);
            if (f is MentionFact m) mentions.Add((m.Source.Span.Start, m.Source.Span.End, m.EntityId));
            else if (f is DateFact d && (d.Start ?? d.End) is not null) dates.Add((d.Source.Span.Start, d));
        }
        _mentions = mentions.OrderBy(m => m.Item1).ToArray();
        _dates = dates.OrderBy(d => d.Item1).ToArray();
    }

    public FactRowKeys Of(Fact fact) => fact switch
    {
        StoredJsonFact stored => stored.Typed is { } typed ? Of(typed) : new FactRowKeys(),
        QuantityFact q => Quantity(q),
        DateFact d => new FactRowKeys { DateStart = (d.Start ?? d.End) is { } s ? FactRowKeys.Day(s) : null, DateEnd = (d.End ?? d.Start) is { } e ? FactRowKeys.Day(e) : null, Precision = d.Precision.ToName() },
        EventFact e => new FactRowKeys
        {
            DateStart = (e.Date.Start ?? e.Date.End) is { } s ? FactRowKeys.Day(s) : null,
            DateEnd = (e.Date.End ?? e.Date.Start) is { } en ? FactRowKeys.Day(en) : null,
            Precision = e.Date.Precision, Status = e.Status, Domain = e.Domain, Entities = EntitiesAround(e.Source.Span),
            // An event's value is its salience: the timeline's top milestones are the highest values in a date range.
            // Its subject is the key of its exact statement (label and date), so copies of one statement are one row
            // for FactQuery.OnePerSubject.
            Value = e.Salience, Subject = StatementKey(e),
        },
        ComparisonRow c => new FactRowKeys { AreaId = c.AreaId, Country = c.Country, Phase = c.Phase, Rating = c.Rating, Trend = c.Trend, Subject = c.Area },
        AreaProfile a => new FactRowKeys { AreaId = a.AreaId, Subject = a.Title },
        SignalFact s => new FactRowKeys { Subject = s.Metric, Unit = s.Unit, Value = s.Threshold is { } t ? (double)t : null, Domain = s.Domain },
        _ => new FactRowKeys(),
    };

    /// <summary>A short stable key of an event's statement: the same sentence and date in any document give the same key.</summary>
    internal static string StatementKey(EventFact e)
    {
        var text = string.Join('\u0001', e.Label, e.DateText, e.Date.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            e.Date.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", e.Date.Precision);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text), hash);
        return "ev:" + Convert.ToHexStringLower(hash[..8]);
    }

    private FactRowKeys Quantity(QuantityFact q)
    {
        var (start, end) = Sentence(q.Source.Span);
        string? dateStart = null, dateEnd = null, precision = null;
        int i = LowerBound(_dates, start);
        if (i < _dates.Length && _dates[i].Start < end)
        {
            var d = _dates[i].Date;
            dateStart = FactRowKeys.Day((d.Start ?? d.End)!.Value);
            dateEnd = FactRowKeys.Day((d.End ?? d.Start)!.Value);
            precision = d.Precision.ToName();
        }
        else if (_document.Info.Date is { } docDate)
        {
            dateStart = dateEnd = FactRowKeys.Day(docDate);
            precision = "document";
        }
        return new FactRowKeys
        {
            Value = (double)q.Value, ValueMax = q.ValueMax is { } m ? (double)m : null, Unit = q.Unit, Subject = q.Subject,
            DateStart = dateStart, DateEnd = dateEnd, Precision = precision, Entities = EntitiesIn(start, end),
        };
    }

    private IReadOnlyList<string> EntitiesAround(CharSpan span)
    {
        var (start, end) = Sentence(span);
        return EntitiesIn(start, end);
    }

    private IReadOnlyList<string> EntitiesIn(int start, int end)
    {
        List<string>? ids = null;
        for (int i = LowerBound(_mentions, start); i < _mentions.Length && _mentions[i].Start < end; i++)
        {
            if (_mentions[i].End > end) continue;
            ids ??= new List<string>(4);
            if (!ids.Contains(_mentions[i].Id)) ids.Add(_mentions[i].Id);
        }
        return ids ?? (IReadOnlyList<string>)[];
    }

    private static int LowerBound((int Start, int End, string Id)[] items, int start)
    {
        int lo = 0, hi = items.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (items[mid].Start < start) lo = mid + 1; else hi = mid; }
        return lo;
    }

    private static int LowerBound((int Start, DateFact Date)[] items, int start)
    {
        int lo = 0, hi = items.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (items[mid].Start < start) lo = mid + 1; else hi = mid; }
        return lo;
    }

    /// <summary>Longest a sentence is taken to run on either side of a fact.</summary>
    private const int SentenceReach = 240;

    /// <summary>
    /// The sentence around a span in the source: from after the previous sentence end (。．！？, a full stop and a
    /// space, or a blank line) to the next, at most <see cref="SentenceReach"/> characters either side. A single line
    /// break is no boundary: text extracted from PDF is wrapped mid-sentence.
    /// </summary>
    private (int Start, int End) Sentence(CharSpan span)
    {
        var text = _document.Source.Text;
        int s = Math.Clamp(span.Start, 0, text.Length), e = Math.Clamp(span.End, s, text.Length);
        int floor = Math.Max(0, s - SentenceReach);
        int start = s;
        while (start > floor && !EndsSentence(text, start - 1)) start--;
        int ceiling = Math.Min(text.Length, e + SentenceReach);
        int end = e;
        while (end < ceiling && !EndsSentence(text, end)) end++;
        return (start, Math.Min(text.Length, end + 1));
    }

    private static bool EndsSentence(string text, int i)
    {
        char c = text[i];
        if (c is '。' or '．' or '！' or '？') return true;
        if (c == '\n') return i + 1 < text.Length && text[i + 1] is '\n' or '\r';
        if (c is '.' or '!' or '?') return i + 1 >= text.Length || text[i + 1] is ' ' or '\n';
        return false;
    }
}
