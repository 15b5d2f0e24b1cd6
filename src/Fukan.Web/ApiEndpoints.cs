using Fukan.Analysis.Landscape;
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

        api.MapGet("/documents/{doc}/source", (string doc, string? lines, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q => Json(await q.SourceAsync(await q.ResolveAsync(doc, ct), lines, ct)), ct))
            .WithSummary("Original lines exactly as in the file; lines=A-B (1-based, inclusive), A- or N");

        api.MapGet("/landscape", (HttpRequest r, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var filter = FukanQueries.Filter(Params.List(r, "country"), Params.Str(r, "phase"));
                var (_, landscape) = await q.LandscapeAsync(Params.Str(r, "doc"), ct);
                return Json(FukanQueries.Rows(landscape, filter));
            }, ct))
            .WithSummary("International comparison rows of a report (default: the newest with a comparison); country= (repeatable, comma separated), phase=basic|applied|other")
            .Produces<List<ComparisonRowView>>();

        api.MapGet("/areas/{areaId}", (string areaId, HttpRequest r, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var (_, landscape) = await q.LandscapeAsync(Params.Str(r, "doc"), ct);
                return Json(FukanQueries.Area(landscape, areaId));
            }, ct))
            .WithSummary("A research area's profile and comparison rows; {areaId} is its number or a part of its title")
            .Produces<AreaView>();

        api.MapGet("/gaps", (HttpRequest r, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                FukanQueries.CountryCode(Params.Str(r, "country"));
                var (_, landscape) = await q.LandscapeAsync(Params.Str(r, "doc"), ct);
                return Json(FukanQueries.Gaps(landscape, Params.Str(r, "country"), Params.Str(r, "kind")));
            }, ct))
            .WithSummary("Where a country (default JP) is strong in basic but weak in applied research, falling, or behind the leader; kind=applied-lags-basic|falling|trails-leader")
            .Produces<GapsView>();

        api.MapGet("/diff", (HttpRequest r, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var from = Params.Str(r, "from") ?? throw QueryException.BadParameter("from: required (the older edition)");
                var to = Params.Str(r, "to") ?? throw QueryException.BadParameter("to: required (the newer edition)");
                return Json(await q.DiffAsync(from, to, ct));
            }, ct))
            .WithSummary("What changed between two editions of a report: ratings, trends, areas added, removed, renamed, keywords")
            .Produces<EditionDiffResult>();

        api.MapGet("/search", (HttpRequest r, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(q => Task.FromResult(Json(q.Search(Params.Str(r, "q") ?? throw QueryException.BadParameter("q: required"),
                Params.Int(r, "limit", 1, 1000) ?? 10, Params.Int(r, "offset", 0, 10_000) ?? 0))), ct))
            .WithSummary("Full-text search in the query language (terms, \"phrases\", OR, -exclusion, doc: kind: area: section: after: before:); limit, offset for paging")
            .Produces<List<SearchHit>>();

        api.MapGet("/related/{passageId}", (string passageId, HttpRequest r, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q => Json(await q.RelatedAsync(passageId, Params.Int(r, "limit", 1, 1000) ?? 10, ct)), ct))
            .WithSummary("Passages most like the given one")
            .Produces<List<SearchHit>>();

        api.MapGet("/facts", (HttpRequest r, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var kind = Params.Str(r, "kind") ?? throw QueryException.BadParameter("kind: required (quantity, date, event, entity, statement, signal, comparison, area, division, priority-theme, minutes)");
                var filter = Params.Facts(r);
                FactRows.Kind(kind);
                var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
                int limit = Params.Int(r, "limit", 1, int.MaxValue) ?? int.MaxValue, offset = Params.Int(r, "offset", 0, int.MaxValue) ?? 0;
                var (rows, _) = await FactRows.PageAsync(q.Store, kind, filter, doc?.Id, offset, limit, ct);
                return Results.Text(FactRows.ToJsonArray(rows).ToJsonString(FukanJson.Options), "application/json; charset=utf-8");
            }, ct))
            .WithSummary("Stored facts of one kind, each with its provenance; doc=, limit=, offset=, and the filters unit= min= max= subject= after= before= entity= status= domain= country= rating= phase= trend= area=")
            .Produces<System.Text.Json.Nodes.JsonArray>();

        api.MapGet("/timeline", (HttpRequest r, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
                var view = await q.TimelineAsync(Params.Int(r, "from", int.MinValue, int.MaxValue), Params.Int(r, "to", int.MinValue, int.MaxValue),
                    Params.Str(r, "group"), Params.Str(r, "domain"), doc, ct);
                return Json(TimelineEntry.Of(view));
            }, ct))
            .WithSummary("Dated milestones, planned or done; from=, to= (years), group=domain|actor|document, domain=")
            .Produces<List<TimelineEntry>>();

        api.MapGet("/entities", (HttpRequest r, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
                int limit = Params.Int(r, "limit", 1, int.MaxValue) ?? int.MaxValue, offset = Params.Int(r, "offset", 0, int.MaxValue) ?? 0;
                var entities = await q.EntitySummariesAsync(Params.Str(r, "type"), doc, offset, limit, ct);
                return Json(entities.Select(EntityListing.Of).ToList());
            }, ct))
            .WithSummary("Organisations, programmes, countries and technologies with mention counts per document; type=org|program|country|tech")
            .Produces<List<EntityListing>>();

        api.MapGet("/entities/{name}", (string name, HttpRequest r, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q => Json(EntityDetails.Of(await q.EntityAsync(name, ct), Params.Int(r, "offset", 0, int.MaxValue) ?? 0, Params.Int(r, "limit", 1, int.MaxValue) ?? int.MaxValue)), ct))
            .WithSummary("One entity (id, name or alias) with its aliases and every mention with its lines; offset=, limit= page the mentions")
            .Produces<EntityDetails>();

        api.MapGet("/minutes/{doc}", (string doc, KnowledgeBaseReader kb, CancellationToken ct) =>
            kb.ReadAsync(async q => Json(await q.MinutesAsync(await q.ResolveAsync(doc, ct), ct)), ct))
            .WithSummary("The digest of a set of minutes: date, place, attendees, agenda, statements by topic and side")
            .Produces<MinutesDigest>();

        api.MapGet("/signals", (KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q => Json(await Answers.SignalsAsync(cache, q, ct)), ct))
            .WithSummary("The watchlist evaluated: each signal's status and evidence, and a verdict per domain")
            .Produces<WatchlistReport>();

        api.MapGet("/rank", (HttpRequest r, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
            kb.ReadAsync(async q =>
            {
                var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
                return Json(await Answers.RankAsync(cache, q, Params.Rank(r, doc), ct));
            }, ct))
            .WithSummary("Research areas ranked; method=wsum|topsis, country=, sensitivity=true (draws=, seed=), weights=criterion:w,… or w.criterion=w, area=, limit=, doc=")
            .Produces<RankingReport>();
    }

    private static IResult Json<T>(T value) => TypedResults.Json(value, FukanJson.Options);
}
