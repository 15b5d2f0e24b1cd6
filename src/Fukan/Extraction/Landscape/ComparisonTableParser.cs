using System.Collections.Frozen;
using Fukan.Model;
using Fukan.Normalizing;

namespace Fukan.Extraction.Landscape;

/// <summary>The area a comparison table belongs to.</summary>
internal sealed record AreaRef(string Id, string Title, string? Division);

/// <summary>
/// Reads one international comparison table (（7）国際比較) from the original lines of a PDF-flattened report.
/// Hazards it handles, each seen in real reports: a country alone on its line or on the row's line (欧州 基礎研究
/// ◎ ↗), repeated on the second phase ( 欧州 応用研究・開発 ◎ ↗), or written over several lines (その他の / 国・地域
/// / （台湾））; a rating or trend on a line of its own; evidence on the row's line or after it, wrapped over blank
/// lines, in bullets or paragraphs, with ［EU］ sub-headings and →arrow items; page furniture and a repeated
/// column header inside a row (page breaks); an empty cell (phase label and nothing else); 〇 for ○; other rated
/// dimensions (取り組み水準 / 実効性) named in the table's legend; the legend notes (註1–註3), related areas and
/// references that end the table. Unreadable values become null with a warning naming the line.
/// </summary>
internal sealed class ComparisonTableParser
{
    private readonly ExtractionContext _context;
    private readonly SourceText _source;

    public ComparisonTableParser(ExtractionContext context)
    {
        _context = context;
        _source = context.Source;
    }

    /// <summary>A non-blank, non-furniture line of the table: trimmed text (pipes blanked) and its source offset.</summary>
    private readonly record struct Line(int No, int Offset, string Text, bool BlankBefore);

    private sealed class Country
    {
        public required string Label;
        public required string Code;
        public required int Line;
        /// <summary>A country whose label has not been read (yet): its rows came before any label.</summary>
        public bool Placeholder;
        public readonly List<string> Phases = new();
    }

    private sealed class Row
    {
        public required Country Country;
        public required string PhaseLabel;
        public required int PhaseLine;
        public required int Start;
        public int End;
        public int LastLine;
        public char? Rating;
        public char? Trend;
        public bool RatingDash;
        public bool TrendDash;
        public string? UnknownRating;
        public string? UnknownTrend;
        public readonly EvidenceBuilder Evidence = new();
    }

    /// <summary>What a row's first line says.</summary>
    private sealed record RowStart(
        string? CountryLabel, string PhaseLabel, int PhaseStart, int LinesUsed,
        char? Rating, char? Trend, bool RatingDash, bool TrendDash, string? UnknownRating, string? UnknownTrend,
        string Evidence, int EndOffset);

    /// <summary>Parses the table whose heading is on <paramref name="headingLine"/>, up to <paramref name="lastLine"/>.</summary>
    public List<ComparisonRow> Parse(AreaRef area, int headingLine, int lastLine)
    {
        var (lines, legendLabels) = Collect(headingLine, lastLine);
        var phases = new PhaseLabels(legendLabels);
        var countries = new List<Country>();
        var rows = new List<Row>();
        Country? country = null;
        Row? row = null;
        string? firstPhaseKind = null;
        string where = $"{area.Id} {area.Title}";

        Country Placeholder(int line)
        {
            var c = new Country { Label = "", Code = CountryNames.Unknown, Line = line, Placeholder = true };
            countries.Add(c);
            return c;
        }

        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var t = line.Text;
            if (IsHeader(t)) continue;

            if (TryRow(lines, i, phases, out var start))
            {
                string key = PhaseLabels.Key(start.PhaseLabel);
                firstPhaseKind ??= PhaseLabels.KindOf(start.PhaseLabel);
                if (start.CountryLabel is { } label)
                {
                    // A label on the second row of a group whose first row had none: the label cell sat between the rows.
                    if (country is { Placeholder: true } && !country.Phases.Contains(key)) Resolve(country, label, line.No, where);
                    else if (country is null || !SameCountry(country, label)) country = NewCountry(countries, label, line.No, where);
                }
                else if (country is null) country = Placeholder(line.No);
                else if (country.Phases.Contains(key))
                {
                    // A second row for the same phase: the next country's label was glued to the last line, or is
                    // still to come (a label cell centred between its rows), or is missing.
                    var glued = GluedCountry(lines, i);
                    if (glued is not null && row is not null && row.Evidence.TryRemoveTrailing(glued))
                        country = NewCountry(countries, glued, lines[i - 1].No, where);
                    else country = Placeholder(line.No);
                }
                country.Phases.Add(key);
                row = new Row
                {
                    Country = country, PhaseLabel = start.PhaseLabel, PhaseLine = line.No, Start = start.PhaseStart,
                    End = start.EndOffset, LastLine = lines[i + start.LinesUsed - 1].No,
                    Rating = start.Rating, Trend = start.Trend, RatingDash = start.RatingDash, TrendDash = start.TrendDash,
                    UnknownRating = start.UnknownRating, UnknownTrend = start.UnknownTrend,
                };
                rows.Add(row);
                if (start.Evidence.Length > 0) row.Evidence.Add(start.Evidence, blankBefore: false);
                i += start.LinesUsed - 1;
                continue;
            }

            if (row is not null && row.Evidence.IsEmpty && (row.Rating is null || row.Trend is null) && IsSymbolsOnly(t))
            {
                FillSymbols(row, t);
                row.End = line.Offset + t.Length;
                row.LastLine = line.No;
                continue;
            }

            if (TryCountryLabel(lines, i, phases, country, firstPhaseKind, out var countryLabel, out int used, out var nextKey))
            {
                if (country is { Placeholder: true } && !country.Phases.Contains(nextKey)) Resolve(country, countryLabel, line.No, where);
                else country = NewCountry(countries, countryLabel, line.No, where);
                row = null;
                i += used - 1;
                continue;
            }

            // A known country alone on a line after a row that had no label: the label cell sat between its rows.
            if (country is { Placeholder: true } && t.Length <= 12 && CountryNames.MayStartName(t) && CountryNames.CodeOf(t) is not null)
            {
                Resolve(country, CountryNames.StripBrackets(t), line.No, where);
                continue;
            }

            if (row is not null)
            {
                row.Evidence.Add(t, line.BlankBefore);
                row.End = line.Offset + t.Length;
                row.LastLine = line.No;
            }
            else if (country is not null)
                _context.Warn(line.No, $"{where}: text between the country label {Describe(country)} and its first row is not a row: {Clip(t)}");
        }

        foreach (var c in countries)
            if (c.Placeholder && c.Phases.Count > 0)
                _context.Warn(c.Line, $"{where}: comparison row {string.Join(" / ", rows.Where(r => r.Country == c).Select(r => r.PhaseLabel))} has no country label; country UNKNOWN");
        var result = new List<ComparisonRow>(rows.Count);
        foreach (var r in rows) result.Add(Emit(area, r, where));
        CheckCompleteness(countries, result, where, headingLine);
        return result;
    }

    private Country NewCountry(List<Country> countries, string label, int line, string where)
    {
        var c = new Country { Label = "", Code = CountryNames.Unknown, Line = line };
        Resolve(c, label, line, where);
        countries.Add(c);
        return c;
    }

    private void Resolve(Country c, string label, int line, string where)
    {
        string code;
        if (CountryNames.IsOtherLabel(label)) code = CountryNames.CodeOfOther(label);
        else if (CountryNames.CodeOf(label) is { } known) code = known;
        else
        {
            code = CountryNames.Other;
            _context.Warn(line, $"{where}: country or region '{label}' has no code; coded OTHER");
        }
        c.Label = label;
        c.Code = code;
        c.Placeholder = false;
    }

    private static bool SameCountry(Country c, string label) =>
        CountryNames.Key(CountryNames.StripBrackets(label)) == CountryNames.Key(CountryNames.StripBrackets(c.Label));

    private ComparisonRow Emit(AreaRef area, Row row, string where)
    {
        string who = $"{where}: {Describe(row.Country)} {row.PhaseLabel}";
        string? rating = row.Rating is char r ? ComparisonSymbols.NormalizeRating(r) : null;
        string? trend = row.Trend is char tr ? ComparisonSymbols.NormalizeTrend(tr) : null;
        if (row.UnknownRating is { } ur) _context.Warn(row.PhaseLine, $"{who}: unknown rating symbol '{ur}'; rating left empty");
        else if (rating is null && !row.RatingDash) _context.Warn(row.PhaseLine, $"{who}: no rating in the cell; rating left empty");
        if (row.UnknownTrend is { } ut) _context.Warn(row.PhaseLine, $"{who}: unknown trend symbol '{ut}'; trend left empty");
        else if (trend is null && !row.TrendDash && !(rating is null && row.RatingDash)) _context.Warn(row.PhaseLine, $"{who}: no trend in the cell; trend left empty");
        var span = new CharSpan(row.Start, Math.Max(row.Start + 1, row.End));
        var prov = Provenance.Of(_context.Document.Id, _source, span);
        return new ComparisonRow(prov, area.Id, area.Title, area.Division, row.Country.Code, row.Country.Label,
            PhaseLabels.KindOf(row.PhaseLabel), row.PhaseLabel, rating, ComparisonSymbols.Score(rating), trend, row.Evidence.Build());
    }

    private void CheckCompleteness(List<Country> countries, List<ComparisonRow> rows, string where, int headingLine)
    {
        if (rows.Count == 0)
        {
            _context.Warn(headingLine, $"{where}: the comparison table has no rows");
            return;
        }
        // Every phase some country is rated for is a column of the table; a country lacking one is truncated.
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in rows) columns.TryAdd(PhaseLabels.Key(r.PhaseLabel), r.PhaseLabel);
        foreach (var c in countries)
        {
            if (c.Phases.Count == 0)
            {
                _context.Warn(c.Line, $"{where}: {Describe(c)} has no rows (truncated table?)");
                continue;
            }
            foreach (var (p, label) in columns)
                if (!c.Phases.Contains(p))
                    _context.Warn(c.Line, $"{where}: {Describe(c)} has no {label} row");
        }
    }

    private static string Describe(Country c) => c.Label.Length > 0 ? c.Label : c.Code;

    private static string Clip(string t) => t.Length <= 40 ? t : t[..40] + "…";

    // ---- lines -------------------------------------------------------------------------------------------

    /// <summary>The table's content lines (up to the legend, related areas or references) and the legend's phase labels.</summary>
    private (List<Line> Lines, List<string> LegendLabels) Collect(int headingLine, int lastLine)
    {
        var lines = new List<Line>();
        var legend = new List<string>();
        bool blank = false;
        int n = Math.Min(lastLine, _source.LineCount);
        int l = headingLine + 1;
        bool legendFirst = false;
        for (; l <= n; l++)
        {
            if (_context.IsSkipped(l)) { blank = true; continue; }
            var raw = _source.Line(l);
            var (text, offset) = Clean(raw, _source.LineStart(l));
            if (text.Length == 0) { blank = true; continue; }
            if (IsTableEnd(text))
            {
                // Notes before any row are a legend placed above the table, not its end.
                if (!IsNote(text) || !OnlyHeaders(lines)) break;
                legendFirst = true;
                ReadLegendLine(text, legend);
                continue;
            }
            if (legendFirst)
            {
                if (IsLegendLine(text)) { ReadLegendLine(text, legend); continue; }
                legendFirst = false;
            }
            lines.Add(new Line(l, offset, text, blank));
            blank = false;
        }
        // The legend (（註1）フェーズ / 基礎研究：… / 取り組み水準：…) names the phases this table rates.
        bool legendFollows = l <= n && _source.Line(l).Trim() is var first && (first.StartsWith("（註") || first.StartsWith("(註") || first.StartsWith("註") || first.StartsWith("※註"));
        int read = 0;
        for (; legendFollows && l <= n && read < 12; l++)
        {
            if (_context.IsSkipped(l)) continue;
            var t = _source.Line(l).Trim();
            if (t.IsEmpty) continue;
            read++;
            if (read > 1 && (t.StartsWith("（註") || t.StartsWith("(註") || t.StartsWith("関連する"))) break;
            ReadLegendLine(t, legend);
        }
        return (lines, legend);
    }

    /// <summary>A legend line 「基礎研究：大学・国研などでの…」 names a phase (rating and trend keys are not phases).</summary>
    private static void ReadLegendLine(ReadOnlySpan<char> t, List<string> legend)
    {
        int colon = t.IndexOfAny('：', ':');
        if (colon is <= 0 or > 20) return;
        var label = t[..colon].Trim().Trim('\u3000').ToString();
        if (label.Length > 0 && !label.Contains('（') && !label.Contains('(') && !label.Contains('註') && !label.Contains('※')
            && !ComparisonSymbols.IsRating(label[0]) && !ComparisonSymbols.IsTrend(label[0]))
            legend.Add(label);
    }

    private static bool IsNote(ReadOnlySpan<char> t) =>
        t.StartsWith("（註") || t.StartsWith("(註") || t.StartsWith("※註") || t.StartsWith("（注") || t.StartsWith("(注") || t.StartsWith("註") || t.StartsWith("注");

    /// <summary>A line of a legend: a note, a 「key：meaning」 line, or a ※ remark.</summary>
    private static bool IsLegendLine(string t)
    {
        if (IsNote(t) || t.StartsWith('※')) return true;
        int colon = t.IndexOfAny(['：', ':']);
        return colon is > 0 and <= 20;
    }

    private static bool OnlyHeaders(List<Line> lines)
    {
        foreach (var l in lines) if (!IsHeader(l.Text)) return false;
        return true;
    }

    /// <summary>The trimmed line with table pipes blanked (same length, so offsets hold), and its source offset.</summary>
    private static (string Text, int Offset) Clean(ReadOnlySpan<char> raw, int lineStart)
    {
        Span<char> buffer = raw.Length <= 512 ? stackalloc char[raw.Length] : new char[raw.Length];
        raw.CopyTo(buffer);
        bool pipes = false;
        for (int i = 0; i < buffer.Length; i++)
            if (buffer[i] is '|' or '｜' or '\t') { pipes |= buffer[i] != '\t'; buffer[i] = ' '; }
        ReadOnlySpan<char> b = buffer;
        int s = 0, e = b.Length;
        while (s < e && (char.IsWhiteSpace(b[s]) || b[s] == '\u3000')) s++;
        while (e > s && (char.IsWhiteSpace(b[e - 1]) || b[e - 1] == '\u3000')) e--;
        var text = b[s..e];
        // A markdown separator row (|---|:---|) carries nothing.
        if (pipes && !text.IsEmpty && !text.ContainsAnyExcept("-: ")) return ("", lineStart + s);
        return (text.ToString(), lineStart + s);
    }

    /// <summary>The legend, related areas or references: the table is over.</summary>
    private static bool IsTableEnd(ReadOnlySpan<char> t)
    {
        if (t.StartsWith("（註") || t.StartsWith("(註") || t.StartsWith("※註")) return true;
        if ((t.StartsWith("（注") || t.StartsWith("(注") || t.StartsWith("註") || t.StartsWith("注")) && t.Length > 2
            && (char.IsAsciiDigit(TextFolding.Fold(t[t[0] is '（' or '(' ? 2 : 1])) || t.Contains("フェーズ", StringComparison.Ordinal) || t.Contains("現状", StringComparison.Ordinal) || t.Contains("トレンド", StringComparison.Ordinal)))
            return true;
        return t.StartsWith("関連する他の研究開発領域") || t.StartsWith("参考・引用文献") || t.StartsWith("参考文献") || t.StartsWith("引用文献")
            || t.StartsWith("References", StringComparison.OrdinalIgnoreCase);
        // (span StartsWith is ordinal: no culture lookups on every line)
    }

    private static readonly FrozenSet<string> HeaderWords = new[]
    {
        "国・地域", "国・ 地域", "国/地域", "国・地域名", "フェーズ", "現状", "トレンド", "各国の状況、評価の際に参考にした根拠など", "各国の状況", "評価の際に参考にした根拠など",
        "country/region", "country", "region", "phase", "status", "trend",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HeaderLookup = HeaderWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The column header (国・地域 フェーズ 現状 トレンド 各国の状況…), which repeats after a page break.</summary>
    private static bool IsHeader(string t)
    {
        if (t.Contains("フェーズ", StringComparison.Ordinal) && (t.Contains("現状", StringComparison.Ordinal) || t.Contains("トレンド", StringComparison.Ordinal))) return true;
        if (t.Contains("phase", StringComparison.OrdinalIgnoreCase) && t.Contains("trend", StringComparison.OrdinalIgnoreCase)) return true;
        // The header split over lines: one column name per line (short lines only; most lines are longer).
        if (t.Length > 24) return false;
        Span<char> folded = stackalloc char[t.Length];
        for (int i = 0; i < t.Length; i++) folded[i] = TextFolding.Fold(t[i]);
        return HeaderLookup.Contains(folded);
    }

    // ---- rows --------------------------------------------------------------------------------------------

    /// <summary>Reads a row's first line: [country] phase [rating] [trend] [evidence…].</summary>
    private bool TryRow(List<Line> lines, int i, PhaseLabels phases, out RowStart start)
    {
        start = null!;
        var line = lines[i];
        var t = line.Text;
        // Most lines are evidence: a row line is short (a label alone) or has a rating or trend near its start.
        if (t.Length > 24 && t.AsSpan(0, Math.Min(t.Length, 48)).IndexOfAny(ComparisonSymbols.Cells) < 0) return false;
        int pos = 0;
        string? countryLabel = null;

        // 1. An optional country in front: 欧州 基礎研究 …, その他の国・地域（台湾） 基礎研究 …, 日本基礎研究 …
        if (CountryNames.IsOtherLabel(t))
        {
            int end = OtherLabelEnd(t);
            if (end > 0 && end < t.Length)
            {
                int p = SkipSpaces(t, end);
                if (p > end || phases.MatchAt(t, p) > 0) { countryLabel = t[..end]; pos = p; }
            }
            if (countryLabel is null) return false;
        }
        else
        {
            int sp = t.IndexOfAny([' ', '\u3000']);
            if (sp is > 0 and <= 16 && CountryNames.CodeOf(t[..sp]) is not null)
            {
                int p = SkipSpaces(t, sp);
                if (phases.MatchAt(t, p) > 0 || FallbackLabelEnd(t, p) > 0) { countryLabel = t[..sp]; pos = p; }
            }
            if (countryLabel is null)
            {
                int len = CountryNames.PrefixLength(t);
                if (len > 0 && len < t.Length && phases.MatchAt(t, len) > 0) { countryLabel = t[..len]; pos = len; }
            }
        }

        // 2. The phase label, perhaps wrapped (応用研究・ / 開発 ◎ →), else a short label before a rating (取り組み水準 △ →).
        int used = 1;
        string tail = "";
        int tailOffset = 0;
        string phaseLabel = "";
        bool found = false;
        if (t.Length - pos <= 12 && i + 1 < lines.Count && t.AsSpan(pos).IndexOfAny(ComparisonSymbols.Cells) < 0 && phases.IsLabelPrefix(t.AsSpan(pos)))
        {
            var next = lines[i + 1];
            var joined = t[pos..] + next.Text;
            int end = phases.MatchAt(joined, 0);
            int firstPart = t.Length - pos;
            if (end > firstPart)
            {
                phaseLabel = Tidy(joined[..end]);
                tail = next.Text[(end - firstPart)..];
                tailOffset = next.Offset + (end - firstPart);
                used = 2;
                found = true;
            }
        }
        if (!found)
        {
            int labelEnd = phases.MatchAt(t, pos);
            // 基礎研究フェーズ ◎ ↗: a known label that goes on is read as the longer label before the rating.
            if (labelEnd <= 0 || !CellsFollow(t, labelEnd)) labelEnd = FallbackLabelEnd(t, pos);
            if (labelEnd <= 0) return false;
            phaseLabel = Tidy(t[pos..labelEnd]);
            tail = t[labelEnd..];
            tailOffset = line.Offset + labelEnd;
        }

        // 3. The cells: rating and trend symbols (any order), a dash for an empty cell, or an unknown symbol.
        char? rating = null, trend = null;
        bool ratingDash = false, trendDash = false;
        string? unknownRating = null, unknownTrend = null;
        int k = 0;
        bool any = false;
        while (true)
        {
            k = SkipSpaces(tail, k);
            if (k >= tail.Length) break;
            char c = tail[k];
            bool isolated = k + 1 >= tail.Length || char.IsWhiteSpace(tail[k + 1]) || tail[k + 1] == '\u3000'
                || ComparisonSymbols.IsRating(tail[k + 1]) || ComparisonSymbols.IsTrend(tail[k + 1]);
            if (ComparisonSymbols.IsRating(c) && rating is null && !ratingDash && unknownRating is null && isolated) { rating = c; k++; any = true; continue; }
            if (ComparisonSymbols.IsTrend(c) && trend is null && !trendDash && unknownTrend is null && isolated) { trend = c; k++; any = true; continue; }
            if (ComparisonSymbols.IsDash(c) && isolated && !(k + 1 < tail.Length && ComparisonSymbols.IsDash(tail[k + 1])))
            {
                if (rating is null && !ratingDash && unknownRating is null) { ratingDash = true; k++; any = true; continue; }
                if (trend is null && !trendDash && unknownTrend is null) { trendDash = true; k++; any = true; continue; }
            }
            if (isolated && IsOddSymbol(c) && (rating is null || trend is null))
            {
                bool bullet = EvidenceBuilder.MarkerLength(tail.AsSpan(k)) > 0;
                int after = SkipSpaces(tail, k + 1);
                bool beforeTrend = after < tail.Length && ComparisonSymbols.IsTrend(tail[after]);
                if (!bullet || (rating is null && beforeTrend))
                {
                    if (rating is null && !ratingDash && unknownRating is null) { unknownRating = c.ToString(); k++; any = true; continue; }
                    if (trend is null && !trendDash && unknownTrend is null && !bullet) { unknownTrend = c.ToString(); k++; any = true; continue; }
                }
            }
            break;
        }
        var evidence = tail[k..].Trim().Trim('\u3000');
        // A label followed by ordinary text is a sentence that happens to begin with 基礎研究…, not a row.
        if (!any && evidence.Length > 0) return false;
        int phaseStart = line.Offset + pos;
        int endOffset = evidence.Length > 0 ? tailOffset + tail.TrimEnd().Length : tailOffset + k;
        start = new RowStart(countryLabel is null ? null : Tidy(countryLabel), phaseLabel, phaseStart, used, rating, trend, ratingDash, trendDash,
            unknownRating, unknownTrend, evidence, endOffset);
        return true;
    }

    /// <summary>
    /// The end of a short label standing before a rating symbol (取り組み水準 △ →): at most 16 characters, no sentence
    /// punctuation, not a bullet; -1 when the line is not shaped so.
    /// </summary>
    private static int FallbackLabelEnd(string t, int pos)
    {
        int r = -1;
        for (int k = pos; k < t.Length && k - pos <= 17; k++)
            if (ComparisonSymbols.IsRating(t[k])) { r = k; break; }
        if (r <= pos) return -1;
        var label = t.AsSpan(pos, r - pos).Trim();
        if (label.IsEmpty || label.Length > 16) return -1;
        if (EvidenceBuilder.MarkerLength(label) > 0 || ComparisonSymbols.IsTrend(label[0])) return -1;
        foreach (char c in label) if (c is '。' or '、' or '，' or ',' or '．' or '「' or '」') return -1;
        if (r + 1 < t.Length && !(char.IsWhiteSpace(t[r + 1]) || t[r + 1] == '\u3000' || ComparisonSymbols.IsTrend(t[r + 1]))) return -1;
        int end = pos + (t.AsSpan(pos, r - pos).TrimEnd().Length);
        return end;
    }

    /// <summary>True when what follows a label is empty or starts with a cell (a rating, trend, dash or stray symbol).</summary>
    private static bool CellsFollow(string t, int k)
    {
        k = SkipSpaces(t, k);
        if (k >= t.Length) return true;
        char c = t[k];
        return ComparisonSymbols.IsRating(c) || ComparisonSymbols.IsTrend(c) || ComparisonSymbols.IsDash(c) || IsOddSymbol(c);
    }

    /// <summary>A symbol that could be a mistyped or unfamiliar rating or trend: not a letter, digit or bracket.</summary>
    private static bool IsOddSymbol(char c) =>
        !char.IsLetterOrDigit(c) && !TextFolding.IsCjk(c) && c is not ('（' or '(' or '「' or '『' or '［' or '[' or '【' or '"' or '“' or '・' or '、' or '。');

    private static bool IsSymbolsOnly(string t)
    {
        int count = 0;
        foreach (char c in t)
        {
            if (c is ' ' or '\u3000') continue;
            if (!(ComparisonSymbols.IsRating(c) || ComparisonSymbols.IsTrend(c) || ComparisonSymbols.IsDash(c))) return false;
            count++;
        }
        return count is > 0 and <= 2;
    }

    private static void FillSymbols(Row row, string t)
    {
        foreach (char c in t)
        {
            if (ComparisonSymbols.IsRating(c) && row.Rating is null && !row.RatingDash) row.Rating = c;
            else if (ComparisonSymbols.IsTrend(c) && row.Trend is null && !row.TrendDash) row.Trend = c;
            else if (ComparisonSymbols.IsDash(c))
            {
                if (row.Rating is null && !row.RatingDash) row.RatingDash = true;
                else if (row.Trend is null) row.TrendDash = true;
            }
        }
    }

    // ---- countries ---------------------------------------------------------------------------------------

    /// <summary>
    /// A country label on lines of its own: a known name (日本, 【米国】), an その他 label over up to three lines,
    /// or an unknown short name where the next row would otherwise repeat a phase of the current country. It counts
    /// only when a row follows (［EU］ inside evidence is followed by text, so it stays evidence).
    /// </summary>
    private bool TryCountryLabel(List<Line> lines, int i, PhaseLabels phases, Country? current, string? firstPhaseKind, out string label, out int used, out string nextPhase)
    {
        label = "";
        used = 1;
        nextPhase = "";
        var t = lines[i].Text;
        if (t.Length > 24) return false;
        string candidate;
        if (CountryNames.IsOtherLabel(t))
        {
            var sb = new System.Text.StringBuilder(t);
            while (i + used < lines.Count && used < 4)
            {
                var next = lines[i + used].Text;
                if (next.Length > 16 || TryRow(lines, i + used, phases, out _) || EvidenceBuilder.MarkerLength(next) > 0 || next.Contains('。')) break;
                sb.Append(next);
                used++;
            }
            candidate = Tidy(sb.ToString());
        }
        else if (CountryNames.MayStartName(t) && CountryNames.CodeOf(t) is not null) candidate = Tidy(t);
        else if (IsUnknownLabelShape(t) && firstPhaseKind is not null) candidate = Tidy(t);
        else return false;

        if (i + used >= lines.Count)
        {
            // The last line of a truncated table: a known country with no rows (warned as such), not evidence.
            if (!CountryNames.IsOtherLabel(candidate) && CountryNames.CodeOf(candidate) is null) return false;
            label = CountryNames.StripBrackets(candidate);
            return true;
        }
        if (!TryRow(lines, i + used, phases, out var next1)) return false;
        nextPhase = PhaseLabels.Key(next1.PhaseLabel);
        if (!CountryNames.IsOtherLabel(candidate) && CountryNames.CodeOf(candidate) is null)
        {
            // An unknown name is a country only where it must be one: the next row repeats a phase the current country has.
            if (next1.CountryLabel is not null || PhaseLabels.KindOf(next1.PhaseLabel) != firstPhaseKind) return false;
            if (current is not null && !current.Placeholder && !current.Phases.Contains(nextPhase)) return false;
        }
        label = CountryNames.StripBrackets(candidate);
        return true;
    }

    private static bool IsUnknownLabelShape(string t)
    {
        if (t.Length > 12 || EvidenceBuilder.MarkerLength(t) > 0) return false;
        foreach (char c in t)
            if (c is '。' or '、' or '，' or ',' or '．' or '.' or '：' or ':' || ComparisonSymbols.IsRating(c) || ComparisonSymbols.IsTrend(c)) return false;
        return true;
    }

    /// <summary>A known country that PDF extraction appended to the previous line ("…である。 米国").</summary>
    private static string? GluedCountry(List<Line> lines, int i)
    {
        if (i == 0) return null;
        var prev = lines[i - 1].Text;
        int sp = prev.LastIndexOfAny([' ', '\u3000']);
        if (sp <= 0) return null;
        var name = prev[(sp + 1)..];
        return CountryNames.CodeOf(name) is not null ? name : null;
    }

    private static int OtherLabelEnd(string t)
    {
        int open = t.IndexOfAny(['（', '(']);
        if (open >= 0 && open <= 14)
        {
            int close = t.IndexOfAny(['）', ')'], open);
            return close > open ? close + 1 : -1;
        }
        int region = t.IndexOf("地域", StringComparison.Ordinal);
        if (region >= 0 && region <= 12) return region + 2;
        int sp = t.IndexOfAny([' ', '\u3000']);
        return sp > 0 ? sp : t.Length;
    }

    private static int SkipSpaces(string t, int k)
    {
        while (k < t.Length && (char.IsWhiteSpace(t[k]) || t[k] == '\u3000')) k++;
        return k;
    }

    /// <summary>A label as written, with runs of spaces folded (「応用研究 ・ 開発」 keeps its spaces, trimmed).</summary>
    private static string Tidy(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (c is ' ' or '\t' or '\u3000') { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
