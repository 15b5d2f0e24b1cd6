using System.Text.Json.Nodes;
using Fukan.Analysis.Conflicts;
using Fukan.Analysis.Landscape;
using Fukan.Analysis.Money;
using Fukan.Analysis.Ranking;
using Fukan.Analysis.Signals;
using Fukan.Analysis.Timeline;
using Fukan.Extraction.Entities;
using Fukan.Extraction.Landscape;
using Fukan.Extraction.Minutes;
using Fukan.Model;
using Fukan.Search;
using Fukan.Storage;

namespace Fukan.Contracts;

/// <summary>
/// The questions hosts ask the knowledge base, answered with the contract records both the CLI's <c>--json</c> and
/// the web API serialise. Parameters are checked here, once; a bad one throws <see cref="QueryException"/> with one
/// line naming it (hosts map it to an exit code or an HTTP problem).
/// </summary>
public sealed class FukanQueries(IKnowledgeStore store)
{
    public IKnowledgeStore Store { get; } = store;

    /// <summary>A document by reference (id prefix, file name prefix, path or title).</summary>
    public async Task<DocumentInfo> ResolveAsync(string reference, CancellationToken ct = default)
    {
        try { return await Store.ResolveAsync(reference, ct).ConfigureAwait(false); }
        catch (DocumentReferenceException e) { throw await UnknownDocumentAsync(reference, e, ct).ConfigureAwait(false); }
    }

    /// <summary>An unknown document names the documents there are; an ambiguous one keeps the store's message.</summary>
    private async Task<QueryException> UnknownDocumentAsync(string? reference, DocumentReferenceException e, CancellationToken ct)
    {
        if (reference is null || e is DocumentOutOfViewException) return QueryException.NotFound(e.Message);
        var all = await Store.ListDocumentsAsync(ct).ConfigureAwait(false);
        return QueryException.NotFound(DocumentNames.MatchesAny(all, reference) ? e.Message : DocumentNames.NoMatch(all, reference));
    }

    public async Task<IReadOnlyList<DocumentSummary>> DocumentsAsync(CancellationToken ct = default)
    {
        var docs = await Store.ListDocumentsAsync(ct).ConfigureAwait(false);
        var list = new List<DocumentSummary>(docs.Count);
        foreach (var d in docs) list.Add(DocumentSummary.Of(d));
        return list;
    }

    /// <summary>Documents with an international comparison (the ones landscape, gaps, area and diff can show), newest first as stored.</summary>
    public async Task<IReadOnlyList<DocumentInfo>> ComparisonDocumentsAsync(CancellationToken ct = default)
    {
        var docs = await Store.ListDocumentsAsync(ct).ConfigureAwait(false);
        var list = new List<DocumentInfo>();
        foreach (var d in docs)
            if ((await Store.QueryFactsAsync(new FactQuery(ComparisonRow.FactKind) { Document = d.Id, Limit = 1 }, ct).ConfigureAwait(false)).Facts.Count > 0) list.Add(d);
        return list;
    }

    public async Task<DocumentDetails> DocumentAsync(DocumentInfo info, CancellationToken ct = default)
    {
        var sections = await Store.GetSectionsAsync(info.Id, ct).ConfigureAwait(false);
        var diagnostics = await Store.GetDiagnosticsAsync(info.Id, ct).ConfigureAwait(false);
        return DocumentDetails.Of(info, sections, diagnostics);
    }

    public async Task<DocumentOutline> OutlineAsync(DocumentInfo info, CancellationToken ct = default) =>
        DocumentOutline.Of(info, await Store.GetSectionsAsync(info.Id, ct).ConfigureAwait(false));

    public async Task<SourceLines> SourceAsync(DocumentInfo info, string? lines, CancellationToken ct = default)
    {
        return Source(info, await Store.GetSourceAsync(info.Id, ct).ConfigureAwait(false), lines);
    }

    /// <summary>The lines asked for (<c>A-B</c>, <c>A-</c> or <c>N</c>; all without) of a document's source already read.</summary>
    public static SourceLines Source(DocumentInfo info, SourceText source, string? lines)
    {
        var (from, to) = LineRange.Parse(lines, source.LineCount);
        return SourceLines.Of(info, source, from, to);
    }

    /// <summary>A query in the query language, checked with its paging.</summary>
    public static SearchQuery ParseSearch(string? query, int limit, int offset = 0)
    {
        if (string.IsNullOrWhiteSpace(query)) throw QueryException.BadParameter("q: an empty query");
        SearchQuery parsed;
        try { parsed = SearchQueryParser.Parse(query); }
        catch (SearchQueryException e) { throw QueryException.BadInput($"query '{query}': {e.Message}"); }
        if (limit is < 1 or > 1000) throw QueryException.BadParameter("--limit: between 1 and 1000");
        if (offset is < 0 or > 10_000) throw QueryException.BadParameter("--offset: between 0 and 10000");
        return parsed;
    }

    /// <summary>Hits <paramref name="offset"/>+1 … <paramref name="offset"/>+<paramref name="limit"/> of a query in the query language.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit, int offset = 0) => Search(ParseSearch(query, limit, offset), limit, offset);

    public IReadOnlyList<SearchHit> Search(SearchQuery parsed, int limit, int offset = 0)
    {
        var hits = Searched(() => Store.Search.Search(parsed, new SearchOptions(limit + offset)));
        if (offset == 0) return hits;
        var page = new List<SearchHit>(limit);
        for (int i = offset; i < hits.Count; i++) page.Add(hits[i]);
        return page;
    }

    /// <summary>How many passages a query matches in all (for paging; no ranking, no snippets).</summary>
    public int SearchTotal(string query) => Searched(() => Store.Search.Matches(ParseSearch(query, 1))).Count;

    public async Task<IReadOnlyList<SearchHit>> RelatedAsync(string passageId, int limit, CancellationToken ct = default)
    {
        if (limit is < 1 or > 1000) throw QueryException.BadParameter("--limit: between 1 and 1000");
        if ((await Store.GetPassagesByIdAsync([passageId], ct).ConfigureAwait(false)).Count == 0)
            throw QueryException.NotFound($"no passage '{passageId}' (ids look like d6df080bb3a3-1657; see `fukan search … --json`)");
        return Searched(() => Store.Search.Related(passageId, limit));
    }

    /// <summary>A search whose index cannot answer (out of date, read-only) is a one-line error.</summary>
    private static T Searched<T>(Func<T> search)
    {
        try { return search(); }
        catch (StoreException e) { throw QueryException.BadInput(e.Message); }
    }

    public static TimelineGrouping Grouping(string? group) => (group ?? "domain").ToLowerInvariant() switch
    {
        "domain" => TimelineGrouping.Domain,
        "actor" => TimelineGrouping.Actor,
        "document" or "doc" => TimelineGrouping.Document,
        var g => throw QueryException.BadParameter($"--group {g}: use domain, actor or document"),
    };

    public Task<TimelineView> TimelineAsync(int? fromYear, int? toYear, string? group, string? domain, DocumentInfo? document, CancellationToken ct = default) =>
        TimelineAsync(fromYear, toYear, group, domain, document, null, ct);

    /// <summary>
    /// The timeline: every milestone in the range, or with <paramref name="top"/> the N most salient ones with
    /// duplicates merged (<see cref="TimelineBuilder.BuildTopAsync"/>).
    /// </summary>
    public async Task<TimelineView> TimelineAsync(int? fromYear, int? toYear, string? group, string? domain, DocumentInfo? document, int? top, CancellationToken ct = default)
    {
        var grouping = Grouping(group);
        if (fromYear is < 1 or > 9998 || toYear is < 1 or > 9998) throw QueryException.BadParameter("--from/--to: a year between 1 and 9998");
        if (top is < 1 or > 100_000) throw QueryException.BadParameter($"--top {top}: a number of milestones between 1 and 100000");
        if (top is { } n) return await TimelineBuilder.BuildTopAsync(Store, fromYear, toYear, grouping, n, document?.Id, domain, ct).ConfigureAwait(false);
        return await TimelineBuilder.BuildAsync(Store, fromYear, toYear, grouping, document?.Id, domain, ct).ConfigureAwait(false);
    }

    public static EntityType? EntityTypeOf(string? type)
    {
        if (string.IsNullOrWhiteSpace(type)) return null;
        if (!EntityTypeNames.TryParse(type, out var parsed)) throw QueryException.BadParameter($"--type {type}: use org, program, country or tech");
        return parsed;
    }

    /// <summary>Entities from the catalogue, most mentioned first.</summary>
    public async Task<IReadOnlyList<EntitySummary>> EntitySummariesAsync(string? type, DocumentInfo? document, int offset = 0, int limit = int.MaxValue, CancellationToken ct = default)
    {
        var only = EntityTypeOf(type);
        if (offset < 0) throw QueryException.BadParameter($"--offset {offset}: a whole number of at least 0");
        if (limit < 1) throw QueryException.BadParameter($"--limit {limit}: a whole number of at least 1");
        return await Store.ListEntitiesAsync(new EntityQuery { Type = only, Document = document?.Id, Offset = offset, Limit = limit }, ct).ConfigureAwait(false);
    }

    /// <summary>One entity by id, name or alias, with every mention.</summary>
    public async Task<EntityDetail> EntityAsync(string name, CancellationToken ct = default)
    {
        var detail = await Store.FindEntityAsync(name, ct).ConfigureAwait(false);
        if (detail is not null) return detail;
        // Name the known entities: those whose name contains what was asked, else the most mentioned.
        var known = await Store.ListEntitiesAsync(new EntityQuery { Limit = 2000 }, ct).ConfigureAwait(false);
        var near = known.Where(k => k.Name.Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
        var shown = (near.Count > 0 ? near : known).Select(k => k.Name);
        throw QueryException.NotFound(known.Count == 0
            ? $"no entity '{name}': the knowledge base has none"
            : $"no entity '{name}'; {(near.Count > 0 ? "similar" : "known")}: {DocumentNames.Some(shown, 8)} (`fukan entities` lists them)");
    }

    public async Task<MinutesDigest> MinutesAsync(DocumentInfo info, CancellationToken ct = default)
    {
        var facts = await Store.GetFactsAsync(MinutesFact.KindName, info.Id, ct).ConfigureAwait(false);
        if (facts.Count == 0)
            throw QueryException.NotFound($"{System.IO.Path.GetFileName(info.Path)}: not minutes (kind {info.Kind.ToName()}); no digest");
        return FactSerializer.Deserialize<MinutesFact>(facts[0]).Digest;
    }

    /// <summary>How many pieces of evidence a signal lists unless asked otherwise (status and counts use all of them).</summary>
    public const int DefaultEvidence = 20;

    public Task<WatchlistReport> SignalsAsync(Watchlist list, CancellationToken ct = default) => SignalsAsync(list, DefaultEvidence, ct);

    /// <summary>The watchlist's verdicts, each signal listing at most <paramref name="evidenceLimit"/> pieces of evidence; reads only the evidence the watchlist's terms find.</summary>
    public async Task<WatchlistReport> SignalsAsync(Watchlist list, int evidenceLimit, CancellationToken ct = default)
    {
        if (evidenceLimit < 0) throw QueryException.BadParameter($"--evidence {evidenceLimit}: a whole number of at least 0");
        var corpus = await EvidenceCorpus.FindAsync(Store, list, ct).ConfigureAwait(false);
        try { return await new SignalEvaluator().EvaluateAsync(list, corpus, evidenceLimit, ct).ConfigureAwait(false); }
        catch (WatchlistException e) { throw QueryException.BadInput(e.Message); }
    }

    /// <summary>
    /// The signals whose status (and the domains whose verdict) differ between the knowledge base as of
    /// <paramref name="since"/> and now, each with the evidence published since.
    /// </summary>
    public async Task<SignalChanges> SignalChangesAsync(Watchlist list, DateOnly since, int evidenceLimit, CancellationToken ct = default)
    {
        var now = await SignalsAsync(list, evidenceLimit, ct).ConfigureAwait(false);
        await using var view = new AsOfKnowledgeStore(Store, new AsOf(since, AsOfOf(Store)?.KnownAt), leaveOpen: true);
        var then = await new FukanQueries(view).SignalsAsync(list, evidenceLimit, ct).ConfigureAwait(false);
        var seen = (await view.ListDocumentsAsync(ct).ConfigureAwait(false)).Select(d => d.Id).ToHashSet();
        return SignalChanges.Compare(since, then, now, id => !seen.Contains(id));
    }

    /// <summary>
    /// The landscape then and now: the report the landscape showed as of <paramref name="since"/> against the one it
    /// shows now, compared cell by cell when a report published since replaced it.
    /// </summary>
    public async Task<LandscapeChanges> LandscapeChangesAsync(DateOnly since, CancellationToken ct = default)
    {
        var reader = new LandscapeReader(Store);
        LandscapeReader.Choice now;
        try { now = await reader.ChooseAsync(null, ct).ConfigureAwait(false); }
        catch (NoLandscapeException e) { throw QueryException.NotFound(e.Message); }
        LandscapeReader.Choice? then = null;
        await using (var view = new AsOfKnowledgeStore(Store, new AsOf(since, AsOfOf(Store)?.KnownAt), leaveOpen: true))
        {
            try { then = await new LandscapeReader(view).ChooseAsync(null, ct).ConfigureAwait(false); }
            catch (NoLandscapeException) { }
        }
        var sinceText = since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (then is null || then.Document.Id == now.Document.Id)
            return new LandscapeChanges(sinceText, then is null ? null : DocumentSummary.Of(then.Document), DocumentSummary.Of(now.Document), null);
        var diff = EditionDiff.Compare(await reader.LoadAsync(then.Document, ct).ConfigureAwait(false), await reader.LoadAsync(now.Document, ct).ConfigureAwait(false));
        return new LandscapeChanges(sinceText, DocumentSummary.Of(then.Document), DocumentSummary.Of(now.Document), diff);
    }

    /// <summary>
    /// Stores an analyst's decision on conflict group <paramref name="groupId"/>: <paramref name="prefer"/> one side,
    /// <paramref name="deprecate"/> others, or <paramref name="clear"/> the decision in force. Sides are named by
    /// their number in the group as listed (1, 2 …) or as <c>DOC:LINE</c> (a document id or file name prefix and a
    /// line). Returns the group with its new resolution. Nothing stored before is overwritten.
    /// </summary>
    public async Task<ConflictGroup> ResolveConflictAsync(string groupId, string? prefer, IReadOnlyList<string> deprecate, bool clear, string? note, string by, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deprecate);
        if (clear == (prefer is not null || deprecate.Count > 0))
            throw QueryException.BadParameter("conflicts resolve: give --prefer SIDE and/or --deprecate SIDE, or --clear");
        var groups = await ConflictFinder.FindAsync(Store, null, ct).ConfigureAwait(false);
        var group = groups.FirstOrDefault(g => string.Equals(g.Id, groupId.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw QueryException.NotFound($"no conflict group '{groupId}' (ids are listed by `fukan conflicts`; {groups.Count} group(s) now)");
        var docs = await Store.ListDocumentsAsync(ct).ConfigureAwait(false);
        string Side(string reference)
        {
            var r = reference.Trim();
            if (int.TryParse(r, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n))
                return n >= 1 && n <= group.Facts.Count ? StoredResolution.SideKey(group.Facts[n - 1].Provenance)
                    : throw QueryException.BadParameter($"side {r}: group {group.Id} has sides 1 to {group.Facts.Count}");
            int colon = r.LastIndexOf(':');
            if (colon > 0 && int.TryParse(r[(colon + 1)..], out int line))
            {
                var prefix = r[..colon];
                foreach (var side in group.Facts)
                {
                    var doc = docs.FirstOrDefault(d => d.Id.Value == side.DocumentId);
                    bool named = side.DocumentId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                        || (doc is not null && System.IO.Path.GetFileName(doc.Path).StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
                    if (named && side.Provenance.Line <= line && line <= side.Provenance.EndLine) return StoredResolution.SideKey(side.Provenance);
                }
            }
            throw QueryException.BadParameter($"side {r}: not a side of group {group.Id} (give its number 1–{group.Facts.Count} or DOC:LINE as listed)");
        }
        var preferred = prefer is null ? null : Side(prefer);
        var deprecated = deprecate.Select(Side).Distinct(StringComparer.Ordinal).ToList();
        if (preferred is not null && deprecated.Contains(preferred))
            throw QueryException.BadParameter($"side {prefer}: cannot be both preferred and deprecated");
        var decision = new StoredResolution(group.Id, preferred, deprecated, note?.Trim() ?? "", by, at);
        try { await Store.SaveResolutionAsync(decision, ct).ConfigureAwait(false); }
        catch (StoreException e) { throw QueryException.BadInput(e.Message); }
        return group with { Resolution = decision.Cleared ? null : ConflictResolution.Of(decision) };
    }

    /// <summary>The as-of bounds of a store that is a view, else null.</summary>
    private static AsOf? AsOfOf(IKnowledgeStore store) => (store as AsOfKnowledgeStore)?.AsOf;

    /// <summary>The ranking; the request's Area keeps one area (by id or title), its Limit the top N.</summary>
    public async Task<RankingReport> RankAsync(RankRequest request, CancellationToken ct = default)
    {
        var method = RankingMethods.Find(request.Method) ?? throw QueryException.BadParameter($"--method {request.Method}: use wsum or topsis");
        if (request.Draws is < 1 or > 100_000) throw QueryException.BadParameter("--draws: between 1 and 100000");
        var input = await RankingInputLoader.LoadAsync(Store, ct).ConfigureAwait(false);
        if (request.Document is { } only)
        {
            var areasOfDoc = input.Areas.Where(a => a.Document == only.Id).ToList();
            if (areasOfDoc.Count == 0) throw QueryException.BadInput($"--doc {request.DocumentReference}: the document has no research areas to rank (not a panoramic report?)");
            input = input with { Areas = areasOfDoc };
        }
        var settings = request.Sensitivity ? new SensitivitySettings(request.Draws, request.Seed, 0.2) : null;
        RankingReport report;
        try { report = new Ranker().Rank(input, request.Weights, method, request.Country, settings); }
        catch (RankingException e) { throw QueryException.BadInput($"{Store.Location}: {e.Message}"); }
        var areas = report.Areas;
        if (request.Area is { } wanted)
        {
            areas = areas.Where(a => a.AreaId == wanted || a.Title == wanted).ToList();
            if (areas.Count == 0)
                throw QueryException.NotFound($"--area {wanted}: no ranked area has that id or title; ranked: {DocumentNames.Some(report.Areas.Select(a => $"{a.AreaId} {a.Title}"), 6)}");
        }
        if (request.Limit is int top) areas = areas.Take(Math.Max(0, top)).ToList();
        return report with { Areas = areas };
    }

    /// <summary>A money grouping as typed (<c>entity</c>, <c>tech</c>, <c>country</c>, <c>year</c>; null is entity).</summary>
    public static MoneyGrouping MoneyGroupingOf(string? by) => (by ?? "entity").Trim().ToLowerInvariant() switch
    {
        "entity" or "org" or "organisation" or "organization" => MoneyGrouping.Entity,
        "tech" or "technology" => MoneyGrouping.Tech,
        "country" => MoneyGrouping.Country,
        "year" => MoneyGrouping.Year,
        var g => throw QueryException.BadParameter($"--by {g}: use entity, tech, country or year"),
    };

    /// <summary>The money report's question, checked: grouping, periods (YYYY, YYYY-MM, YYYY-MM-DD) and currency as typed.</summary>
    public static MoneyQuery Money(string? by, string? after, string? before, string? currency)
    {
        var query = new MoneyQuery
        {
            By = MoneyGroupingOf(by), After = FactFilter.PeriodOf(after, "--after", first: true), Before = FactFilter.PeriodOf(before, "--before", first: false),
            Currency = string.IsNullOrWhiteSpace(currency) ? null : currency.Trim().ToUpperInvariant(),
        };
        if (query is { After: { } a, Before: { } b } && a > b) throw QueryException.BadParameter($"--after {after} is later than --before {before}");
        return query;
    }

    /// <summary>Amounts of money grouped as asked, most amounts first (years in order), each group's sums per currency.</summary>
    public async Task<IReadOnlyList<MoneyGroup>> MoneyAsync(MoneyQuery query, DocumentInfo? document, CancellationToken ct = default) =>
        await MoneyReport.BuildAsync(Store, document is null ? query : query with { Document = document.Id }, ct).ConfigureAwait(false);

    /// <summary>The report chosen (named, or the newest with a comparison) and its landscape facts.</summary>
    public async Task<(LandscapeReader.Choice Choice, LandscapeDocument Landscape)> LandscapeAsync(string? reference, CancellationToken ct = default)
    {
        var reader = new LandscapeReader(Store);
        try
        {
            var choice = await reader.ChooseAsync(reference, ct).ConfigureAwait(false);
            return (choice, await reader.LoadAsync(choice.Document, ct).ConfigureAwait(false));
        }
        catch (DocumentReferenceException e) { throw await UnknownDocumentAsync(reference, e, ct).ConfigureAwait(false); }
        catch (NoLandscapeException) when (AsOfOf(Store) is { } asOf)
        {
            throw QueryException.NotFound($"{asOf}: no report published by then has an international comparison (国際比較) table");
        }
        catch (NoLandscapeException e) { throw QueryException.NotFound(e.Message); }
    }

    public static LandscapeFilter Filter(IEnumerable<string>? countries, string? phase)
    {
        try { return LandscapeFilter.Parse(countries, phase); }
        catch (ArgumentException e) { throw QueryException.BadParameter(e.Message); }
    }

    /// <summary>The comparison rows of a landscape that pass <paramref name="filter"/>; a report without rows is an error.</summary>
    public static List<ComparisonRowView> Rows(LandscapeDocument landscape, LandscapeFilter filter)
    {
        RequireComparison(landscape);
        var rows = new List<ComparisonRowView>();
        foreach (var r in landscape.Rows) if (filter.Matches(r)) rows.Add(ComparisonRowView.Of(r));
        return rows;
    }

    /// <summary>A report without comparison rows has no heatmap, gaps or countries: not found.</summary>
    public static void RequireComparison(LandscapeDocument landscape)
    {
        if (landscape.Rows.Count == 0) throw QueryException.NotFound($"{Name(landscape.Document)}: no international comparison (国際比較) rows in this document");
    }

    /// <summary>
    /// The countries asked for, as codes. A name that is no country, or a country the document does not rate, is
    /// bad input naming the countries it does rate: "nothing matched" is kept for valid filters.
    /// </summary>
    public static HashSet<string> Countries(IEnumerable<string> requested, LandscapeDocument landscape)
    {
        var rated = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var r in landscape.Rows) rated.Add(r.Country);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in requested)
            foreach (var part in value.Split([',', '、', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var code = LandscapeFilter.CountryCode(part);
                if (code is null)
                    throw QueryException.BadInput($"--country {part}: not a country code or name; countries rated: {string.Join(", ", rated)}");
                if (!rated.Contains(code))
                    throw QueryException.NotFound($"--country {part}: {Name(landscape.Document)} does not rate {code}; countries rated: {string.Join(", ", rated)}");
                set.Add(code);
            }
        return set;
    }

    public static string Name(DocumentInfo d) => System.IO.Path.GetFileName(d.Path);

    /// <summary>The area named by <paramref name="query"/>: an exact id, else the one title containing it, else the most similar title.</summary>
    public static (string AreaId, string Title, string? Division) FindArea(LandscapeDocument landscape, string query)
    {
        var doc = landscape.Document;
        var areas = landscape.AreaList();
        var q = query.Trim();
        foreach (var a in areas) if (a.AreaId == q) return a;
        var containing = new List<(string AreaId, string Title, string? Division)>();
        var nq = TitleSimilarity.Normalize(q);
        foreach (var a in areas) if (nq.Length > 0 && TitleSimilarity.Normalize(a.Title).Contains(nq, StringComparison.Ordinal)) containing.Add(a);
        if (containing.Count == 1) return containing[0];
        if (containing.Count > 1)
            throw QueryException.BadInput($"'{query}' matches {containing.Count} areas of {Name(doc)}: {string.Join(", ", containing.Take(6).Select(a => $"{a.AreaId} {a.Title}"))}");
        (string, string, string?)? best = null;
        double score = 0;
        foreach (var a in areas)
        {
            double s = TitleSimilarity.Of(q, a.Title);
            if (s > score) { score = s; best = a; }
        }
        if (best is { } b && score >= 0.5) return b;
        throw QueryException.NotFound($"no area '{query}' in {Name(doc)}; its areas: {DocumentNames.Some(areas.Select(a => $"{a.AreaId} {a.Title}"), 6)} (`fukan landscape` lists them)");
    }

    public static AreaView Area(LandscapeDocument landscape, string query)
    {
        var (areaId, title, division) = FindArea(landscape, query);
        var profile = landscape.Profile(areaId);
        var rows = landscape.RowsOf(areaId);
        var views = new List<ComparisonRowView>(rows.Count);
        foreach (var r in rows) views.Add(ComparisonRowView.Of(r));
        return new AreaView(landscape.Document.Id.Value, areaId, title, profile?.Division ?? division, profile?.DivisionId,
            profile?.Definition, profile?.Keywords ?? [], profile?.Overview, profile?.Trends, profile?.Projects, profile?.Challenges,
            profile?.Related ?? [], views, profile?.Source);
    }

    public static string CountryCode(string? country) =>
        LandscapeFilter.CountryCode(country ?? "JP")
        ?? throw QueryException.BadParameter($"--country {country}: not a country code or name (JP, US, EU, CN, KR, TW, IN, 日本 …)");

    /// <summary>The --kind of gaps: one of the three, or none.</summary>
    public static void GapKind(string? kind)
    {
        if (kind is not null && kind is not (Gap.AppliedLagsBasic or Gap.Falling or Gap.TrailsLeader))
            throw QueryException.BadParameter($"--kind {kind}: expected {Gap.AppliedLagsBasic}, {Gap.Falling} or {Gap.TrailsLeader}");
    }

    public static GapsView Gaps(LandscapeDocument landscape, string? country, string? kind)
    {
        GapKind(kind);
        RequireComparison(landscape);
        var codes = Countries([country ?? "JP"], landscape);
        if (codes.Count != 1) throw QueryException.BadParameter($"--country {country}: name one country");
        var code = codes.First();
        var gaps = new List<Gap>();
        foreach (var g in GapFinder.Find(landscape, code)) if (kind is null || g.Kind == kind) gaps.Add(g);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal) { [Gap.AppliedLagsBasic] = 0, [Gap.Falling] = 0, [Gap.TrailsLeader] = 0 };
        foreach (var g in gaps) counts[g.Kind]++;
        return new GapsView(landscape.Document.Id.Value, landscape.Document.Title, code, counts, gaps);
    }

    /// <summary>
    /// Two editions, older first. The same document twice is a bad parameter; when the dates say the first is the
    /// newer, the two are compared in date order and <paramref name="warning"/> is told so.
    /// </summary>
    public async Task<(LandscapeDocument From, LandscapeDocument To)> EditionsAsync(string from, string to, Action<string>? warning = null, CancellationToken ct = default)
    {
        var da = await ResolveAsync(from, ct).ConfigureAwait(false);
        var db = await ResolveAsync(to, ct).ConfigureAwait(false);
        if (da.Id == db.Id)
            throw QueryException.BadParameter($"diff {from} {to}: both name {Name(da)}; give two editions");
        if (da.Date is { } fa && db.Date is { } fb && fa > fb)
        {
            warning?.Invoke($"{Name(da)} ({da.DateText}) is newer than {Name(db)} ({db.DateText}); showing the changes from the older to the newer");
            (da, db) = (db, da);
        }
        var reader = new LandscapeReader(Store);
        var a = await reader.LoadAsync(da, ct).ConfigureAwait(false);
        var b = await reader.LoadAsync(db, ct).ConfigureAwait(false);
        foreach (var d in new[] { a, b })
            if (d.Rows.Count == 0 && d.Areas.Count == 0)
                throw QueryException.NotFound($"{Name(d.Document)}: no research areas or comparison in this document");
        return (a, b);
    }

    public Task<EditionDiffResult> DiffAsync(string from, string to, CancellationToken ct = default) => DiffAsync(from, to, null, ct);

    public async Task<EditionDiffResult> DiffAsync(string from, string to, Action<string>? warning, CancellationToken ct = default)
    {
        var (a, b) = await EditionsAsync(from, to, warning, ct).ConfigureAwait(false);
        return EditionDiff.Compare(a, b);
    }
}

/// <summary>
/// <c>fukan landscape --changes-since DATE --json</c>: the report the landscape showed then (null when none was
/// published by then) and now, and the cells that changed between them (null when no newer report replaced it).
/// </summary>
public sealed record LandscapeChanges(string Since, DocumentSummary? Then, DocumentSummary Now, EditionDiffResult? Diff);

/// <summary>What a ranking is asked with.</summary>
public sealed record RankRequest(RankingWeights Weights, string Method = "wsum", string Country = "JP", bool Sensitivity = false, int Draws = 1000, int Seed = 42)
{
    public string? Area { get; init; }
    public int? Limit { get; init; }
    public DocumentInfo? Document { get; init; }
    public string? DocumentReference { get; init; }
}

/// <summary>Weights edited by a user on top of a weights file: criterion id → weight.</summary>
public static class WeightOverrides
{
    /// <summary><paramref name="weights"/> with the given criteria set to new weights (≥ 0); an unknown criterion or a bad number is a bad parameter.</summary>
    public static Fukan.Analysis.Ranking.RankingWeights Apply(Fukan.Analysis.Ranking.RankingWeights weights, IEnumerable<KeyValuePair<string, string>> overrides)
    {
        var list = weights.Weights.ToList();
        bool changed = false;
        foreach (var (id, text) in overrides)
        {
            var criterion = Fukan.Analysis.Ranking.Criterion.Find(id)
                ?? throw QueryException.BadParameter($"weight {id}: unknown criterion (known: {string.Join(", ", Fukan.Analysis.Ranking.Criterion.All.Select(c => c.Id))})");
            if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var w) || w < 0 || !double.IsFinite(w))
                throw QueryException.BadParameter($"weight {id}={text}: a number of 0 or more");
            int at = list.FindIndex(x => x.Criterion == criterion.Id);
            if (at >= 0) list[at] = list[at] with { Weight = w };
            else list.Add(new Fukan.Analysis.Ranking.CriterionWeight(criterion.Id, w, criterion.DefaultDirection));
            changed = true;
        }
        if (!changed) return weights;
        var result = weights with { Source = weights.Source + " (edited)", Weights = list };
        if (result.Sum <= 0) throw QueryException.BadParameter("weights: at least one weight must be above 0");
        return result;
    }
}
