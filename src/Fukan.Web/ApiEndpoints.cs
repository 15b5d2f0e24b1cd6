using Fukan.Analysis.Landscape;
using Fukan.Analysis.Money;
using Fukan.Analysis.Ranking;
using Fukan.Analysis.Signals;
using Fukan.Contracts;
using Fukan.Extraction.Minutes;
using Fukan.Model;
using Fukan.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fukan.Web;

/// <summary>
/// <c>/api/…</c>: the library's contract records, serialised with the same options as the CLI's <c>--json</c>.
/// Handlers only read parameters and call <see cref="FukanQueries"/>.
/// </summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("knowledge base")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/documents", (KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q => Json(await q.DocumentsAsync(ct)), ct))
            .WithSummary("Every document: id, path, title, kind, date, language, size, sections, passages");

        api.MapGet("/documents/{doc}", (string doc, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q => Json(await q.DocumentAsync(await q.ResolveAsync(doc, ct), ct)), ct))
            .WithSummary("One document with its metadata and diagnostics; {doc} is an id prefix, file name prefix, path or title");

        api.MapGet("/documents/{doc}/outline", (string doc, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q => Json(await q.OutlineAsync(await q.ResolveAsync(doc, ct), ct)), ct))
            .WithSummary("The section tree of a document, each section with its lines");

        api.MapGet("/documents/{doc}/source", (string doc, string? lines, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var info = await q.ResolveAsync(doc, ct);
                return Json(FukanQueries.Source(info, await Answers.SourceAsync(cache, q, info, ct), lines));
            }, ct))
            .WithSummary("Original lines exactly as in the file; lines=A-B (1-based, inclusive), A- or N");

        api.MapGet("/landscape", (HttpRequest r, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var filter = FukanQueries.Filter(Params.List(r, "country"), Params.Str(r, "phase"));
                var (_, landscape) = await Answers.LandscapeAsync(cache, q, Params.Str(r, "doc"), ct);
                return Json(FukanQueries.Rows(landscape, filter));
            }, ct))
            .WithSummary("International comparison rows of a report (default: the newest with a comparison); country= (repeatable, comma separated), phase=basic|applied|other")
            .Produces<List<ComparisonRowView>>();

        api.MapGet("/areas/{areaId}", (string areaId, HttpRequest r, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var (_, landscape) = await Answers.LandscapeAsync(cache, q, Params.Str(r, "doc"), ct);
                return Json(FukanQueries.Area(landscape, areaId));
            }, ct))
            .WithSummary("A research area's profile and comparison rows; {areaId} is its number or a part of its title")
            .Produces<AreaView>();

        api.MapGet("/gaps", (HttpRequest r, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                FukanQueries.CountryCode(Params.Str(r, "country"));
                var (_, landscape) = await Answers.LandscapeAsync(cache, q, Params.Str(r, "doc"), ct);
                return Json(FukanQueries.Gaps(landscape, Params.Str(r, "country"), Params.Str(r, "kind")));
            }, ct))
            .WithSummary("Where a country (default JP) is strong in basic but weak in applied research, falling, or behind the leader; kind=applied-lags-basic|falling|trails-leader")
            .Produces<GapsView>();

        api.MapGet("/diff", (HttpRequest r, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var from = Params.Str(r, "from") ?? throw QueryException.BadParameter("from: required (the older edition)");
                var to = Params.Str(r, "to") ?? throw QueryException.BadParameter("to: required (the newer edition)");
                return Json(await Answers.DiffAsync(cache, q, from, to, ct));
            }, ct))
            .WithSummary("What changed between two editions of a report: ratings, trends, areas added, removed, renamed, keywords")
            .Produces<EditionDiffResult>();

        api.MapGet("/search", (HttpContext c, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(q =>
            {
                var query = Params.Str(c.Request, "q") ?? throw QueryException.BadParameter("q: required");
                var (offset, limit) = Paging.Read(c.Request, 10, 1000, 10_000);
                var hits = q.Search(query, limit, offset);
                Paging.Headers(c, offset, limit, q.SearchTotal(query));
                return Task.FromResult(Json(hits));
            }, ct))
            .WithSummary("Full-text search in the query language (terms, \"phrases\", OR, -exclusion, doc: kind: area: section: after: before:); limit (default 10), offset for paging; X-Total-Count and Link headers")
            .Produces<List<SearchHit>>();

        api.MapGet("/related/{passageId}", (string passageId, HttpContext c, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var (offset, limit) = Paging.Read(c.Request, 10, 1000, 999);
                if (offset + limit > 1000) throw QueryException.BadParameter($"offset {offset} + limit {limit}: at most 1000 related passages");
                // One more than the page tells whether another page follows.
                var hits = await Answers.RelatedAsync(cache, q, passageId, Math.Min(1000, offset + limit + 1), ct);
                Paging.Headers(c, offset, limit, null, more: hits.Count > offset + limit && offset + limit < 1000);
                return Json(Paging.Slice(hits, offset, limit));
            }, ct))
            .WithSummary("Passages most like the given one; limit (default 10), offset (together at most 1000); Link header")
            .Produces<List<SearchHit>>();

        api.MapGet("/facts", (HttpContext c, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var r = c.Request;
                var kind = Params.Str(r, "kind") ?? throw QueryException.BadParameter("kind: required (quantity, date, event, entity, statement, signal, comparison, area, division, priority-theme, minutes)");
                var filter = Params.Facts(r);
                FactRows.Kind(kind);
                var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
                var (offset, limit) = Paging.Read(r);
                var (json, total) = await Answers.FactsJsonAsync(cache, q, kind, filter, doc?.Id, offset, limit, ct);
                Paging.Headers(c, offset, limit, total);
                return Results.Text(json, "application/json; charset=utf-8");
            }, ct))
            .WithSummary("Stored facts of one kind, each with its provenance; doc=, limit=, offset= (X-Total-Count and Link headers), and the filters unit= min= max= subject= after= before= entity= status= domain= country= rating= phase= trend= area=")
            .Produces<System.Text.Json.Nodes.JsonArray>();

        api.MapGet("/timeline", (HttpContext c, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var r = c.Request;
                var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
                var (offset, limit) = Paging.Read(r);
                var view = await Answers.TimelineAsync(cache, q, Params.Int(r, "from", int.MinValue, int.MaxValue), Params.Int(r, "to", int.MinValue, int.MaxValue),
                    Params.Str(r, "group"), Params.Str(r, "domain"), doc, Params.Int(r, "top", int.MinValue, int.MaxValue), ct);
                Paging.Headers(c, offset, limit, view.Count);
                return Json(Answers.Page(view, offset, limit));
            }, ct))
            .WithSummary("Dated milestones, planned or done, lane by lane: every one (the CLI's --all), or top=N the N most salient with duplicates merged (--top N); from=, to= (years), group=domain|actor|document, domain=, doc=; offset=, limit= page them (X-Total-Count and Link headers)")
            .Produces<List<TimelineEntry>>();

        api.MapGet("/entities", (HttpContext c, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var r = c.Request;
                var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
                var (offset, limit) = Paging.Read(r, maxLimit: int.MaxValue - 1);
                // One more than the page tells whether another page follows.
                var entities = await q.EntitySummariesAsync(Params.Str(r, "type"), doc, offset, limit == int.MaxValue ? limit : limit + 1, ct);
                Paging.Headers(c, offset, limit, null, more: entities.Count > limit);
                return Json(entities.Take(limit).Select(EntityListing.Of).ToList());
            }, ct))
            .WithSummary("Organisations, programmes, countries and technologies with mention counts per document; type=org|program|country|tech; offset=, limit= (Link header)")
            .Produces<List<EntityListing>>();

        api.MapGet("/entities/{name}", (string name, HttpContext c, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var (offset, limit) = Paging.Read(c.Request);
                var detail = await q.EntityAsync(name, ct);
                Paging.Headers(c, offset, limit, detail.Mentions.Count);
                return Json(EntityDetails.Of(detail, offset, limit));
            }, ct))
            .WithSummary("One entity (id, name or alias) with its aliases and every mention with its lines; offset=, limit= page the mentions (X-Total-Count and Link headers)")
            .Produces<EntityDetails>();

        api.MapGet("/minutes/{doc}", (string doc, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q => Json(await q.MinutesAsync(await q.ResolveAsync(doc, ct), ct)), ct))
            .WithSummary("The digest of a set of minutes: date, place, attendees, agenda, statements by topic and side")
            .Produces<MinutesDigest>();

        api.MapGet("/signals", (HttpRequest r, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q => Json(await Answers.SignalsAsync(cache, q, Params.Int(r, "evidence", 0, 100_000) ?? FukanQueries.DefaultEvidence, ct)), ct))
            .WithSummary("The watchlist evaluated: each signal's status and evidence (evidence=N per signal, default 20, newest first; status and counts use all), and a verdict per domain")
            .Produces<WatchlistReport>();

        api.MapGet("/signals/{id}", (string id, HttpContext c, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var (offset, limit) = Paging.Read(c.Request, FukanQueries.DefaultEvidence);
                var report = await Answers.SignalsAsync(cache, q, int.MaxValue, ct);
                var signal = report.Signals.FirstOrDefault(s => s.Id == id)
                    ?? throw QueryException.NotFound($"no signal '{id}' in the watchlist; signals: {DocumentNames.Some(report.Signals.Select(s => s.Id), 8)}");
                Paging.Headers(c, offset, limit, signal.Evidence.Count);
                return Json(signal with { Evidence = Paging.Slice(signal.Evidence, offset, limit) });
            }, ct))
            .WithSummary("One signal of the watchlist with a page of its evidence, newest first: offset=, limit= (default 20; X-Total-Count and Link headers)")
            .Produces<SignalReport>();

        api.MapGet("/money", (HttpContext c, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var r = c.Request;
                var query = FukanQueries.Money(Params.Str(r, "by"), Params.Str(r, "after"), Params.Str(r, "before"), Params.Str(r, "currency"));
                var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
                var (offset, limit) = Paging.Read(r);
                var groups = await Answers.MoneyAsync(cache, q, query, doc, ct);
                Paging.Headers(c, offset, limit, groups.Count);
                return Json(Paging.Slice(groups, offset, limit));
            }, ct))
            .WithSummary("Amounts of money linked to the organisations, technologies or countries their sentence names, summed per currency: by=entity|tech|country|year, doc=, after=, before= (YYYY, YYYY-MM, YYYY-MM-DD), currency=; offset=, limit= page the groups (X-Total-Count and Link headers)")
            .Produces<List<MoneyGroup>>();

        api.MapGet("/rank", (HttpContext c, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var r = c.Request;
                var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
                var request = Params.Rank(r, doc);
                int offset = Params.Int(r, "offset", 0, int.MaxValue) ?? 0, limit = request.Limit ?? int.MaxValue;
                // One ranking serves every page of it: limit= is the CLI's --limit (the top N), offset= skips.
                var full = await Answers.RankAsync(cache, q, request with { Limit = null }, ct);
                Paging.Headers(c, offset, limit, full.Areas.Count);
                return Json(full with { Areas = Paging.Slice(full.Areas, offset, Math.Max(0, limit)) });
            }, ct))
            .WithSummary("Research areas ranked; method=wsum|topsis, country=, sensitivity=true (draws=, seed=), weights=criterion:w,… or w.criterion=w, area=, doc=; limit= (the top N), offset= page the areas (X-Total-Count and Link headers)")
            .Produces<RankingReport>();
    }

    private static IResult Json<T>(T value) => TypedResults.Json(value, FukanJson.Options);
}
