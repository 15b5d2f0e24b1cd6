using System.Globalization;
using System.Text;
using Fukan.Analysis.Landscape;
using Fukan.Analysis.Ranking;
using Fukan.Analysis.Signals;
using Fukan.Contracts;
using Fukan.Extraction.Entities;
using Fukan.Extraction.Landscape;
using Fukan.Extraction.Minutes;
using Fukan.Model;
using Fukan.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fukan.Web;

/// <summary>
/// Server-rendered pages. Every document string goes through <see cref="Html"/>'s escaping; every provenance links
/// to the reader at its lines. Pages read with <see cref="FukanQueries"/>, like the API.
/// </summary>
internal static class Pages
{
    private static readonly (string Href, string Label)[] Nav =
    [
        ("/", "Overview"), ("/documents", "Documents"), ("/landscape", "Landscape"), ("/gaps", "Gaps"), ("/diff", "Diff"),
        ("/search", "Search"), ("/timeline", "Timeline"), ("/facts", "Facts"), ("/entities", "Entities"), ("/money", "Money"), ("/signals", "Signals"), ("/rank", "Rank"),
    ];

    public static void Map(IEndpointRouteBuilder e)
    {
        Get(e, "/", Overview);
        Get(e, "/documents", Documents);
        Get(e, "/documents/{doc}", Reader);
        Get(e, "/landscape", Landscape);
        Get(e, "/areas/{areaId}", Area);
        Get(e, "/gaps", Gaps);
        Get(e, "/diff", Diff);
        Get(e, "/search", Search);
        Get(e, "/timeline", Timeline);
        Get(e, "/facts", Facts);
        Get(e, "/entities", Entities);
        Get(e, "/entities/{name}", Entity);
        Get(e, "/minutes/{doc}", Minutes);
        Get(e, "/money", Money);
        Get(e, "/signals", Signals);
        Get(e, "/rank", Rank);
        e.MapGet("/landscape.csv", LandscapeCsv).ExcludeFromDescription();
        e.MapGet("/facts.csv", FactsCsv).ExcludeFromDescription();
        e.MapGet("/timeline.csv", TimelineCsv).ExcludeFromDescription();
        e.MapGet("/rank.csv", RankCsv).ExcludeFromDescription();
        e.MapGet("/money.csv", MoneyCsv).ExcludeFromDescription();
    }

    private static void Get(IEndpointRouteBuilder e, string pattern, Func<HttpContext, FukanQueries, CancellationToken, Task<(string Title, string Active, Html Body)>> page) =>
        e.MapGet(pattern, async (HttpContext context, KnowledgeBaseReader kb, CancellationToken ct) =>
        {
            var (title, active, body) = await kb.ReadAsync(q => page(context, q, ct), ct);
            return Results.Content(Layout(title, active, body.ToString()), "text/html; charset=utf-8");
        }).ExcludeFromDescription();

    private static string Layout(string title, string active, string body)
    {
        var h = new Html();
        h.Raw("<!doctype html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.El("title", title + " · Fukan");
        h.Raw("<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/static/app.css\"><script src=\"/static/app.js\" defer></script></head><body>");
        h.Raw("<header><a class=\"brand\" href=\"/\">俯瞰 Fukan</a><nav>");
        foreach (var (href, label) in Nav) h.El("a", label, "href", href, "class", label == active ? "active" : null);
        h.Raw("<a href=\"/openapi/v1.json\">API</a></nav></header><main>");
        h.Raw(body);
        h.Raw("</main></body></html>");
        return h.ToString();
    }

    /// <summary>An error page (the API answers with problem+json instead).</summary>
    public static Task ErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.Clear();
        FukanWeb.SecurityHeaders(context.Response);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var body = new Html().El("h1", status == 404 ? "Not found" : status == 400 ? "Bad request" : "Error").El("p", message, "class", "error");
        return context.Response.WriteAsync(Layout(status.ToString(CultureInfo.InvariantCulture), "", body.ToString()));
    }

    private static AnswerCache Cache(HttpContext c) => c.RequestServices.GetRequiredService<AnswerCache>();

    internal static string LinesUrl(DocumentId doc, int line, int endLine) => LinesUrl(doc.Value, line, endLine);

    internal static string LinesUrl(string doc, int line, int endLine) =>
        $"/documents/{Html.Url(doc[..Math.Min(12, doc.Length)])}?lines={line}-{Math.Max(line, endLine)}#L{line}";

    private static Html LinesLink(this Html h, Provenance p, string? text = null) =>
        h.A(LinesUrl(p.Document, p.Line, p.EndLine), text ?? (p.EndLine > p.Line ? $"lines {p.Line}–{p.EndLine}" : $"line {p.Line}"), "lines");

    private static string Q(params (string Name, string? Value)[] parts)
    {
        var sb = new StringBuilder();
        foreach (var (n, v) in parts)
        {
            if (string.IsNullOrEmpty(v)) continue;
            sb.Append(sb.Length == 0 ? '?' : '&').Append(n).Append('=').Append(Html.Url(v));
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- overview and documents

    private static async Task<(string, string, Html)> Overview(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var docs = await q.Store.ListDocumentsAsync(ct);
        var h = new Html().El("h1", "Overview");
        if (docs.Count == 0)
        {
            h.El("p", "The knowledge base is empty: run `fukan ingest DIR` (or `fukan demo`), then reload.");
            return ("Overview", "Overview", h);
        }
        h.Open("div", "class", "cards");
        foreach (var group in docs.GroupBy(d => d.Kind).OrderBy(g => g.Key))
        {
            h.Open("section", "class", "card").El("h2", $"{group.Key.ToName()} ({group.Count()})").Open("ul");
            foreach (var d in group.OrderByDescending(d => d.Date).Take(12))
            {
                h.Open("li").A($"/documents/{Html.Url(d.Id.Short)}", d.Title).Raw(" ").El("span", d.DateText ?? "undated", "class", "muted");
                if (d.Kind == DocumentKind.Minutes) h.Raw(" ").A($"/minutes/{Html.Url(d.Id.Short)}", "digest", "small");
                h.Close("li");
            }
            if (group.Count() > 12) h.Open("li").A("/documents", $"… {group.Count() - 12} more").Close("li");
            h.Close("ul").Close("section");
        }
        h.Close("div");
        var reports = await Answers.ComparisonDocumentsAsync(Cache(c), q, ct);
        h.El("h2", "Reports with comparison tables");
        if (reports.Count == 0) h.El("p", "None yet: ingest a panoramic report (俯瞰報告書) to see the landscape.", "class", "muted");
        else
        {
            h.Open("ul");
            foreach (var d in reports)
                h.Open("li").A($"/landscape{Q(("doc", d.Id.Short))}", d.Title).Raw(" ").El("span", d.DateText ?? "", "class", "muted").Raw(" · ")
                    .A($"/gaps{Q(("doc", d.Id.Short))}", "gaps", "small").Raw(" · ").A($"/rank{Q(("doc", d.Id.Short))}", "rank", "small").Close("li");
            h.Close("ul");
        }
        var report = await Answers.SignalsAsync(c.RequestServices.GetRequiredService<AnswerCache>(), q, ct);
        h.El("h2", "Watchlist verdicts");
        h.Open("table", "class", "grid").Raw("<thead><tr><th>domain</th><th>verdict</th><th>why</th></tr></thead><tbody>");
        foreach (var d in report.Domains)
            h.Open("tr").El("td", d.Domain).Open("td").El("span", d.Verdict.ToText(), "class", "verdict v-" + d.Verdict.ToText()).Close("td")
                .El("td", d.Reasons.Count > 0 ? d.Reasons[0] : "").Close("tr");
        h.Raw("</tbody></table>").Open("p").A("/signals", "every signal with its evidence →").Close("p");
        return ("Overview", "Overview", h);
    }

    private static async Task<(string, string, Html)> Documents(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var docs = await q.DocumentsAsync(ct);
        var h = new Html().El("h1", $"Documents ({docs.Count})");
        h.Open("table", "class", "grid").Raw("<thead><tr><th>id</th><th>kind</th><th>date</th><th>title</th><th>file</th><th class=\"num\">sections</th><th class=\"num\">passages</th><th class=\"num\">KB</th></tr></thead><tbody>");
        foreach (var d in docs)
            h.Open("tr").Open("td").A($"/documents/{Html.Url(d.Id[..12])}", d.Id[..12], "mono").Close("td").El("td", d.Kind).El("td", d.Date ?? "")
                .Open("td").A($"/documents/{Html.Url(d.Id[..12])}", d.Title).Close("td").El("td", Path.GetFileName(d.Path), "class", "muted")
                .El("td", d.Sections.ToString(CultureInfo.InvariantCulture), "class", "num").El("td", d.Passages.ToString(CultureInfo.InvariantCulture), "class", "num")
                .El("td", (d.Bytes / 1024).ToString(CultureInfo.InvariantCulture), "class", "num").Close("tr");
        h.Raw("</tbody></table>");
        return ("Documents", "Documents", h);
    }

    private static async Task<(string, string, Html)> Reader(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var info = await q.ResolveAsync((string)c.Request.RouteValues["doc"]!, ct);
        var source = await Answers.SourceAsync(Cache(c), q, info, ct);
        var spec = Params.Str(c.Request, "lines");
        int hlFrom = 0, hlTo = -1;
        if (spec is not null) (hlFrom, hlTo) = LineRange.Parse(spec, source.LineCount, "lines");
        var outline = await q.OutlineAsync(info, ct);
        var h = new Html();
        h.Open("div", "class", "doc-head").El("h1", info.Title).Open("p", "class", "muted")
            .Text($"{info.Kind.ToName()} · {info.DateText ?? "undated"} · {Path.GetFileName(info.Path)} · {source.LineCount} lines · ")
            .A($"/api/documents/{Html.Url(info.Id.Short)}", "JSON");
        if (info.Kind == DocumentKind.Minutes) h.Raw(" · ").A($"/minutes/{Html.Url(info.Id.Short)}", "digest");
        if (spec is not null) h.Raw(" · ").El("span", $"lines {hlFrom}–{hlTo} highlighted", "class", "hl-note");
        h.Close("p").Close("div");
        h.Open("div", "class", "reader");
        h.Open("nav", "class", "outline").El("h2", "Outline");
        if (outline.Sections.Count == 0) h.El("p", "no sections", "class", "muted");
        else { h.Open("ul"); foreach (var n in outline.Sections) OutlineItem(h, info, n); h.Close("ul"); }
        h.Close("nav");
        // A window of the document around what was asked for: a page costs the lines it shows, not the whole file.
        int at = Params.Int(c.Request, "at", 1, Math.Max(1, source.LineCount)) ?? 1;
        int from = spec is not null ? Math.Max(1, hlFrom - 200) : at;
        int to = Math.Min(source.LineCount, Math.Max(from + ReaderWindow - 1, spec is not null ? hlTo + 200 : 0));
        h.Open("div", "class", "source", "id", "source");
        if (from > 1) h.Open("p", "class", "pager").A($"?at={Math.Max(1, from - ReaderWindow)}", $"← lines {Math.Max(1, from - ReaderWindow)}–{from - 1}", "prev").Close("p");
        for (int l = from; l <= to; l++)
        {
            var num = l.ToString(CultureInfo.InvariantCulture);
            h.Raw(l >= hlFrom && l <= hlTo ? "<div class=\"line hl\" id=\"L" : "<div class=\"line\" id=\"L").Raw(num).Raw("\"><a class=\"ln\" href=\"?lines=")
                .Raw(num).Raw("#L").Raw(num).Raw("\">").Raw(num).Raw("</a><span class=\"lt\">").Text(source.LineString(l)).Raw("</span></div>\n");
        }
        if (to < source.LineCount) h.Open("p", "class", "pager").A($"?at={to + 1}", $"lines {to + 1}–{Math.Min(source.LineCount, to + ReaderWindow)} →", "next").Close("p");
        h.Close("div").Close("div");
        return (info.Title, "Documents", h);
    }

    /// <summary>Lines the reader shows at once.</summary>
    private const int ReaderWindow = 1500;

    private static void OutlineItem(Html h, DocumentInfo info, OutlineNode n)
    {
        h.Open("li").A($"?at={n.StartLine}#L{n.StartLine}", n.Kind == "area" ? $"{n.Id} {n.Title}" : n.Title, n.Kind == "area" ? "area" : null);
        if (n.Children.Count > 0) { h.Open("ul"); foreach (var child in n.Children) OutlineItem(h, info, child); h.Close("ul"); }
        h.Close("li");
    }

    // ---------------------------------------------------------------- landscape, area, gaps, diff

    private static readonly string[] Ratings = ["◎", "○", "△", "×"];

    private static string RatingClass(string? rating) => rating switch { "◎" => "r4", "○" => "r3", "△" => "r2", "×" => "r1", _ => "r0" };

    private static string Arrow(string? trend) => trend is null ? "" : ComparisonSymbols.Arrow(trend);

    private static async Task ReportPicker(HttpContext c, Html h, FukanQueries q, string name, string? selected, string label, CancellationToken ct, bool allowDefault = true)
    {
        var reports = await Answers.ComparisonDocumentsAsync(Cache(c), q, ct);
        h.Open("label").Text(label + " ").Open("select", "name", name);
        if (allowDefault) h.El("option", "newest report", "value", "");
        foreach (var d in reports)
        {
            bool sel = selected is not null && (d.Id.Value.StartsWith(selected, StringComparison.Ordinal) || d.Id.Short == selected);
            h.Open("option", "value", d.Id.Short, "selected", sel ? "selected" : null).Text($"{d.Title} ({d.DateText ?? "undated"}, {d.Id.Short[..6]})").Close("option");
        }
        h.Close("select").Close("label");
    }

    private static async Task<(string, string, Html)> Landscape(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var r = c.Request;
        var countries = Params.List(r, "country");
        var phase = Params.Str(r, "phase");
        var filter = FukanQueries.Filter(countries, phase);
        var (choice, landscape) = await Answers.LandscapeAsync(Cache(c), q, Params.Str(r, "doc"), ct);
        FukanQueries.Rows(landscape, filter);
        var doc = choice.Document;
        var matrix = LandscapeMatrix.Build(landscape, filter);
        var h = new Html().El("h1", "Landscape");
        h.Open("p", "class", "muted").Text($"{doc.Title} · {doc.DateText ?? "undated"} · ").A($"/documents/{Html.Url(doc.Id.Short)}", "read");
        if (choice.Defaulted && choice.Candidates > 1) h.Text($" · the newest of {choice.Candidates} reports with a comparison");
        h.Close("p");

        h.Open("form", "method", "get", "action", "/landscape", "class", "filters", "data-autosubmit", "1");
        await ReportPicker(c, h, q, "doc", Params.Str(r, "doc") is null ? null : doc.Id.Short, "report", ct);
        h.Open("label").Text("country ").Open("input", "name", "country", "value", string.Join(",", countries), "placeholder", "JP,US,CN …", "size", "14").Close("label");
        h.Open("label").Text("phase ").Open("select", "name", "phase");
        foreach (var (v, l) in new[] { ("", "both"), ("basic", "basic research"), ("applied", "applied research & development") })
            h.Open("option", "value", v, "selected", (phase ?? "") == v ? "selected" : null).Text(l).Close("option");
        h.Close("select").Close("label").Raw("<button type=\"submit\">show</button>");
        h.A($"/landscape.csv{Q(("doc", Params.Str(r, "doc")), ("country", string.Join(",", countries)), ("phase", phase))}", "CSV", "button");
        h.Close("form");

        var slots = filter.Phase switch { PhaseLabels.Basic => new[] { 0 }, PhaseLabels.Applied => new[] { 1 }, _ => new[] { 0, 1 } };
        string? cellArea = Params.Str(r, "area"), cellCountry = Params.Str(r, "c");
        int cellSlot = Params.Int(r, "slot", 0, 1) ?? -1;
        h.Open("div", "class", "heat-wrap").Open("table", "class", "heatmap").Open("thead").Open("tr").Raw("<th rowspan=\"2\">area</th>");
        foreach (var country in matrix.Countries) h.El("th", country, "colspan", slots.Length.ToString(CultureInfo.InvariantCulture));
        h.Close("tr").Open("tr");
        foreach (var _ in matrix.Countries) foreach (var s in slots) h.El("th", s == 0 ? "b" : "a", "class", "sub", "title", s == 0 ? "基礎研究 basic research" : "応用研究・開発 applied research & development");
        h.Close("tr").Close("thead").Open("tbody");
        string? division = null;
        ComparisonRow? selectedRow = null;
        foreach (var area in matrix.Areas)
        {
            if (area.Division is { } d && d != division)
            {
                division = d;
                h.Open("tr", "class", "division").El("td", d, "colspan", (1 + matrix.Countries.Count * slots.Length).ToString(CultureInfo.InvariantCulture)).Close("tr");
            }
            h.Open("tr").Open("th", "class", "area").A($"/areas/{Html.Url(area.AreaId)}{Q(("doc", doc.Id.Short))}", $"{area.AreaId} {area.Title}");
            if (area.OtherPhases) h.El("span", " *", "class", "muted", "title", string.Join(" / ", area.SlotLabels));
            h.Close("th");
            foreach (var country in matrix.Countries)
                foreach (var s in slots)
                {
                    var row = area.Cell(country, s);
                    if (row is null) { h.Raw("<td class=\"cell empty\"></td>"); continue; }
                    bool selected = cellArea == area.AreaId && cellCountry == country && cellSlot == s;
                    if (selected) selectedRow = row;
                    var href = $"/landscape{Q(("doc", doc.Id.Short), ("country", string.Join(",", countries)), ("phase", phase), ("area", area.AreaId), ("c", country), ("slot", s.ToString(CultureInfo.InvariantCulture)))}#evidence";
                    h.Open("td", "class", $"cell {RatingClass(row.Rating)}{(selected ? " selected" : "")}")
                        .A(href, (row.Rating ?? "?") + Arrow(row.Trend), "cell-link")
                        .Close("td");
                }
            h.Close("tr");
        }
        h.Close("tbody").Close("table").Close("div");
        h.El("p", "◎ particularly remarkable  ○ remarkable  △ not remarkable  × nothing notable · ↗ rising → steady ↘ falling · b = basic research, a = applied research & development. Click a cell for its evidence.", "class", "muted legend");
        if (cellArea is not null)
        {
            h.Open("section", "id", "evidence", "class", "evidence");
            if (selectedRow is null) h.El("p", $"no cell {cellArea} {cellCountry} in this view", "class", "error");
            else
            {
                var row = selectedRow;
                h.El("h2", $"{row.AreaId} {row.Area} — {row.Country} {row.CountryLabel}, {row.PhaseLabel}: {row.Rating ?? "?"}{Arrow(row.Trend)}");
                if (row.Evidence.Count == 0) h.El("p", "no evidence bullets in the table", "class", "muted");
                else { h.Open("ul"); foreach (var e in row.Evidence) h.El("li", e); h.Close("ul"); }
                h.Open("p").LinesLink(row.Source, $"source lines {row.Source.Line}–{row.Source.EndLine} →").Close("p");
            }
            h.Close("section");
        }
        return ("Landscape", "Landscape", h);
    }

    private static async Task<IResult> LandscapeCsv(HttpRequest r, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
        await kb.ReadAsync(async q =>
        {
            var filter = FukanQueries.Filter(Params.List(r, "country"), Params.Str(r, "phase"));
            var (_, landscape) = await Answers.LandscapeAsync(cache, q, Params.Str(r, "doc"), ct);
            var sb = new StringBuilder().Append(ComparisonRowView.CsvHeader).Append('\n');
            foreach (var row in FukanQueries.Rows(landscape, filter)) sb.Append(row.ToCsv()).Append('\n');
            return Csv(sb.ToString(), "landscape.csv");
        }, ct);

    private static IResult Csv(string text, string name) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), "text/csv; charset=utf-8", name);

    private static async Task<(string, string, Html)> Area(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var (_, landscape) = await Answers.LandscapeAsync(Cache(c), q, Params.Str(c.Request, "doc"), ct);
        var a = FukanQueries.Area(landscape, (string)c.Request.RouteValues["areaId"]!);
        var h = new Html().El("h1", $"{a.AreaId} {a.Title}");
        h.Open("p", "class", "muted").Text(a.Division ?? "").Text(" · ").Text(landscape.Document.Title);
        if (a.Provenance is { } p) h.Text(" · ").LinesLink(p);
        h.Text(" · ").A($"/api/areas/{Html.Url(a.AreaId)}{Q(("doc", landscape.Document.Id.Short))}", "JSON").Close("p");
        void Part(string title, string? text) { if (!string.IsNullOrWhiteSpace(text)) h.El("h2", title).El("p", text, "class", "prose"); }
        Part("Definition", a.Definition);
        if (a.Keywords.Count > 0) h.El("h2", "Keywords").El("p", string.Join("、", a.Keywords));
        Part("Overview", a.Overview);
        Part("Trends", a.Trends);
        Part("Projects", a.Projects);
        Part("Challenges", a.Challenges);
        if (a.Related.Count > 0)
        {
            h.El("h2", "Related areas").Open("ul");
            foreach (var rel in a.Related)
            {
                h.Open("li").Text(rel.Text);
                if (rel.AreaId is { } id) h.Raw(" ").A($"/areas/{Html.Url(id)}{Q(("doc", landscape.Document.Id.Short))}", "→ " + id);
                h.Close("li");
            }
            h.Close("ul");
        }
        h.El("h2", "International comparison");
        ComparisonTable(h, a.Comparison);
        return (a.Title, "Landscape", h);
    }

    private static void ComparisonTable(Html h, IReadOnlyList<ComparisonRowView> rows)
    {
        if (rows.Count == 0) { h.El("p", "No comparison rows for this area.", "class", "muted"); return; }
        h.Open("table", "class", "grid").Raw("<thead><tr><th>country</th><th>phase</th><th></th><th>evidence</th><th>lines</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            h.Open("tr").El("td", $"{r.Country} {r.CountryLabel}").El("td", r.PhaseLabel)
                .El("td", (r.Rating ?? "?") + Arrow(r.Trend), "class", "cell " + RatingClass(r.Rating)).Open("td").Open("ul");
            foreach (var e in r.Evidence) h.El("li", e);
            h.Close("ul").Close("td").Open("td").LinesLink(r.Provenance).Close("td").Close("tr");
        }
        h.Raw("</tbody></table>");
    }

    private static async Task<(string, string, Html)> Gaps(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var r = c.Request;
        var country = Params.Str(r, "country") ?? "JP";
        FukanQueries.CountryCode(country);
        var (_, landscape) = await Answers.LandscapeAsync(Cache(c), q, Params.Str(r, "doc"), ct);
        var view = FukanQueries.Gaps(landscape, country, Params.Str(r, "kind"));
        var h = new Html().El("h1", $"Gaps: {view.Country}");
        h.Open("form", "method", "get", "action", "/gaps", "class", "filters", "data-autosubmit", "1");
        await ReportPicker(c, h, q, "doc", Params.Str(r, "doc") is null ? null : landscape.Document.Id.Short, "report", ct);
        h.Open("label").Text("country ").Open("input", "name", "country", "value", country, "size", "6").Close("label");
        h.Open("label").Text("kind ").Open("select", "name", "kind");
        foreach (var k in new[] { "", Gap.AppliedLagsBasic, Gap.Falling, Gap.TrailsLeader })
            h.Open("option", "value", k, "selected", (Params.Str(r, "kind") ?? "") == k ? "selected" : null).Text(k.Length == 0 ? "all" : k).Close("option");
        h.Close("select").Close("label").Raw("<button type=\"submit\">show</button>").Close("form");
        h.El("p", string.Join(" · ", view.Counts.Select(kv => $"{kv.Key}: {kv.Value}")), "class", "muted");
        if (view.Gaps.Count == 0) h.El("p", $"No gaps for {view.Country}.");
        else
        {
            h.Open("table", "class", "grid").Raw("<thead><tr><th>kind</th><th>area</th><th>phase</th><th></th><th>why</th><th>lines</th></tr></thead><tbody>");
            foreach (var g in view.Gaps)
                h.Open("tr").El("td", g.Kind).Open("td").A($"/areas/{Html.Url(g.AreaId)}{Q(("doc", landscape.Document.Id.Short))}", $"{g.AreaId} {g.Area}").Close("td")
                    .El("td", g.PhaseLabel).El("td", (g.Rating ?? "?") + Arrow(g.Trend), "class", "cell " + RatingClass(g.Rating)).El("td", g.Reason)
                    .Open("td").LinesLink(g.Provenance).Close("td").Close("tr");
            h.Raw("</tbody></table>");
        }
        return ("Gaps", "Gaps", h);
    }

    private static async Task<(string, string, Html)> Diff(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var r = c.Request;
        string? from = Params.Str(r, "from"), to = Params.Str(r, "to");
        var h = new Html().El("h1", "Edition diff");
        h.Open("form", "method", "get", "action", "/diff", "class", "filters");
        await ReportPicker(c, h, q, "from", from, "older", ct, allowDefault: false);
        await ReportPicker(c, h, q, "to", to, "newer", ct, allowDefault: false);
        h.Raw("<button type=\"submit\">compare</button>").Close("form");
        if (from is null || to is null) { h.El("p", "Pick two editions of a report.", "class", "muted"); return ("Diff", "Diff", h); }
        var (a, b) = await Answers.EditionsAsync(Cache(c), q, from, to, ct);
        var diff = EditionDiff.Compare(a, b);
        h.El("p", $"{diff.From.Title} ({diff.From.Date}) → {diff.To.Title} ({diff.To.Date}): {diff.Matches.Count} areas matched, {diff.AreasAdded.Count} added, {diff.AreasRemoved.Count} removed, {diff.AreasRenamed.Count} renamed, {diff.Cells.Count} cells changed", "class", "muted");
        var changed = new HashSet<(string, string, string)>();
        foreach (var cell in diff.Cells) changed.Add((cell.AreaId, cell.Country, cell.Phase));
        if (diff.Cells.Count > 0)
        {
            h.El("h2", "Rating and trend changes").Open("table", "class", "grid").Raw("<thead><tr><th>area</th><th>country</th><th>phase</th><th>before</th><th>after</th></tr></thead><tbody>");
            foreach (var cell in diff.Cells)
                h.Open("tr", "class", "changed").Open("td").A($"/areas/{Html.Url(cell.AreaId)}{Q(("doc", b.Document.Id.Short))}", $"{cell.AreaId} {cell.Area}").Close("td")
                    .El("td", cell.Country).El("td", cell.PhaseLabel)
                    .El("td", cell.Before is null ? "—" : (cell.Before.Rating ?? "?") + Arrow(cell.Before.Trend), "class", "cell " + RatingClass(cell.Before?.Rating))
                    .El("td", cell.After is null ? "—" : (cell.After.Rating ?? "?") + Arrow(cell.After.Trend), "class", "cell " + RatingClass(cell.After?.Rating)).Close("tr");
            h.Raw("</tbody></table>");
        }
        void Areas(string title, IEnumerable<string> items) { var l = items.ToList(); if (l.Count == 0) return; h.El("h2", title).Open("ul"); foreach (var i in l) h.El("li", i); h.Close("ul"); }
        Areas("Renamed", diff.AreasRenamed.Select(x => $"{x.FromAreaId} {x.From} → {x.AreaId} {x.To}"));
        Areas("Renumbered", diff.AreasRenumbered.Select(x => $"{x.From} → {x.To} {x.Title}"));
        Areas("Added", diff.AreasAdded.Select(x => $"{x.AreaId} {x.Title}"));
        Areas("Removed", diff.AreasRemoved.Select(x => $"{x.AreaId} {x.Title}"));
        Areas("Keywords", diff.KeywordsChanged.Select(k => $"{k.AreaId} {k.Area}: + {string.Join("、", k.Added)}  − {string.Join("、", k.Removed)}"));
        // The newer edition's heatmap with the changed cells marked.
        var matrix = LandscapeMatrix.Build(b, LandscapeFilter.All);
        if (matrix.Areas.Count > 0)
        {
            h.El("h2", "Newer edition, changed cells outlined").Open("div", "class", "heat-wrap").Open("table", "class", "heatmap").Open("thead").Open("tr").Raw("<th>area</th>");
            foreach (var country in matrix.Countries) h.El("th", country, "colspan", "2");
            h.Close("tr").Close("thead").Open("tbody");
            foreach (var area in matrix.Areas)
            {
                h.Open("tr").El("th", $"{area.AreaId} {area.Title}", "class", "area");
                foreach (var country in matrix.Countries)
                    for (int s = 0; s < 2; s++)
                    {
                        var row = area.Cell(country, s);
                        if (row is null) { h.Raw("<td class=\"cell empty\"></td>"); continue; }
                        bool ch = changed.Contains((area.AreaId, country, row.Phase));
                        h.Open("td", "class", $"cell {RatingClass(row.Rating)}{(ch ? " changed" : "")}").A(LinesUrl(row.Source.Document, row.Source.Line, row.Source.EndLine), (row.Rating ?? "?") + Arrow(row.Trend), "cell-link").Close("td");
                    }
                h.Close("tr");
            }
            h.Close("tbody").Close("table").Close("div");
        }
        return ("Diff", "Diff", h);
    }

    // ---------------------------------------------------------------- search, facts, timeline

    private static Task<(string, string, Html)> Search(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var r = c.Request;
        var query = Params.Str(r, "q");
        int limit = Params.Int(r, "limit", 1, 100) ?? 20, offset = Params.Int(r, "offset", 0, 10_000) ?? 0;
        var h = new Html();
        bool fragment = Params.Bool(r, "fragment");
        if (!fragment)
        {
            h.El("h1", "Search");
            h.Open("form", "method", "get", "action", "/search", "class", "filters search", "role", "search")
                .Open("input", "type", "search", "name", "q", "value", query, "size", "60", "autofocus", "autofocus", "data-live", "1",
                    "placeholder", "全固体電池 kind:report after:2024 \"AI エージェント\" -蓄電")
                .Raw("<button type=\"submit\">search</button>").Close("form");
            h.El("p", "Terms (AND), \"phrases\", OR, -exclusion; filters doc: kind: area: section: after: before:", "class", "muted");
        }
        h.Open("div", "id", "results");
        if (query is not null)
        {
            var hits = q.Search(query, limit + 1, offset);
            bool more = hits.Count > limit;
            if (hits.Count == 0) h.El("p", $"No passage matches {query}.");
            h.Open("ol", "class", "hits", "start", (offset + 1).ToString(CultureInfo.InvariantCulture));
            foreach (var hit in hits.Take(limit))
            {
                h.Open("li", "class", "hit").Open("div", "class", "hit-head").A($"/documents/{Html.Url(hit.DocumentId.Short)}", hit.DocumentTitle, "title")
                    .Raw(" ").LinesLink(hit.Provenance).Raw(" ").El("span", Html.Number(hit.Score, "0.00"), "class", "muted").Close("div");
                if (hit.SectionPath.Length > 0) h.El("div", hit.SectionPath, "class", "path");
                // SnippetHtml is built by the library: the snippet HTML-encoded, matches in <mark>.
                h.Open("p", "class", "snippet").Raw(hit.SnippetHtml).Close("p");
                h.Close("li");
            }
            h.Close("ol");
            h.Open("p", "class", "pager");
            if (offset > 0) h.A($"/search{Q(("q", query), ("offset", Math.Max(0, offset - limit).ToString(CultureInfo.InvariantCulture)))}", "← previous", "prev");
            if (more) h.Raw(" ").A($"/search{Q(("q", query), ("offset", (offset + limit).ToString(CultureInfo.InvariantCulture)))}", "next →", "next");
            h.Close("p");
        }
        h.Close("div");
        return Task.FromResult(("Search", "Search", h));
    }

    private static async Task<(string, string, Html)> Facts(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var r = c.Request;
        var kind = Params.Str(r, "kind") ?? "quantity";
        var (requested, _) = FactRows.Kind(kind);
        var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
        int limit = Params.Int(r, "limit", 1, 1000) ?? 100, offset = Params.Int(r, "offset", 0, int.MaxValue) ?? 0;
        // The remembered page is JSON text; each request parses its own rows.
        var (json, total) = await Answers.FactsJsonAsync(Cache(c), q, kind, Params.Facts(r), doc?.Id, offset, limit, ct);
        var rows = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsArray().Select(n => n!.AsObject()).ToList();
        var h = new Html().El("h1", $"Facts: {kind} ({total})");
        h.Open("form", "method", "get", "action", "/facts", "class", "filters", "data-autosubmit", "1").Open("label").Text("kind ").Open("select", "name", "kind");
        foreach (var k in FactRows.Kinds.Keys.Where(k => k != "mention"))
            h.Open("option", "value", k, "selected", k == kind ? "selected" : null).Text(k).Close("option");
        h.Close("select").Close("label").Open("label").Text("document ").Open("input", "name", "doc", "value", Params.Str(r, "doc"), "size", "14").Close("label")
            .Raw("<button type=\"submit\">show</button>").A($"/facts.csv{Q(("kind", kind), ("doc", Params.Str(r, "doc")))}", "CSV", "button").Close("form");
        var columns = FactRows.Columns(requested);
        h.Open("table", "class", "grid").Open("thead").Open("tr").El("th", "lines");
        foreach (var col in columns) h.El("th", col);
        h.Close("tr").Close("thead").Open("tbody");
        foreach (var row in rows)
        {
            h.Open("tr").Open("td");
            var docId = FactRows.Cell(row, "provenance.documentId");
            if (int.TryParse(FactRows.Cell(row, "provenance.line"), CultureInfo.InvariantCulture, out var line) && docId.Length > 0)
            {
                int.TryParse(FactRows.Cell(row, "provenance.endLine"), CultureInfo.InvariantCulture, out var end);
                h.A(LinesUrl(docId, line, end), $"{docId[..Math.Min(6, docId.Length)]}:{line}", "lines");
            }
            h.Close("td");
            foreach (var col in columns) h.El("td", FactRows.Cell(row, col));
            h.Close("tr");
        }
        h.Close("tbody").Close("table");
        h.Open("p", "class", "pager");
        if (offset > 0) h.A($"/facts{Q(("kind", kind), ("doc", Params.Str(r, "doc")), ("offset", Math.Max(0, offset - limit).ToString(CultureInfo.InvariantCulture)))}", "← previous");
        if (offset + limit < total) h.Raw(" ").A($"/facts{Q(("kind", kind), ("doc", Params.Str(r, "doc")), ("offset", (offset + limit).ToString(CultureInfo.InvariantCulture)))}", "next →");
        h.Close("p");
        return ("Facts", "Facts", h);
    }

    private static async Task<IResult> FactsCsv(HttpRequest r, KnowledgeBaseReader kb, CancellationToken ct) =>
        await kb.ReadAsync(async q =>
        {
            var kind = Params.Str(r, "kind") ?? throw QueryException.BadParameter("kind: required");
            var (requested, _) = FactRows.Kind(kind);
            var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
            var w = new StringWriter();
            FactRows.WriteCsv(w, requested, (await FactRows.PageAsync(q.Store, kind, Params.Facts(r), doc?.Id, 0, int.MaxValue, ct)).Rows);
            return Csv(w.ToString(), $"facts-{requested}.csv");
        }, ct);

    private static async Task<(string, string, Html)> Timeline(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var r = c.Request;
        int? from = Params.Int(r, "from", 1, 9998), to = Params.Int(r, "to", 1, 9998);
        // Every year of a large corpus is more than a page can draw or a capped heap can hold (×100: every
        // milestone ever dated); the page opens on the years around now, the API and the CSV default to all.
        if (from is null && to is null) (from, to) = (DateTime.UtcNow.Year - TimelineYearsBack, DateTime.UtcNow.Year + TimelineYearsAhead);
        // As the CLI: the most salient milestones, duplicates merged (top=N), or every statement with show=all.
        bool all = string.Equals(Params.Str(r, "show"), "all", StringComparison.OrdinalIgnoreCase);
        int? top = all ? null : Params.Int(r, "top", 1, 1000) ?? TimelineTop;
        var view = await Answers.TimelineAsync(Cache(c), q, from, to, Params.Str(r, "group"), Params.Str(r, "domain"), null, top, ct);
        var h = new Html().El("h1", $"Timeline {view.FromYear}–{view.ToYear}");
        h.Open("form", "method", "get", "action", "/timeline", "class", "filters", "data-autosubmit", "1")
            .Open("label").Text("from ").Open("input", "type", "number", "name", "from", "value", view.FromYear.ToString(CultureInfo.InvariantCulture), "min", "1", "max", "9998").Close("label")
            .Open("label").Text("to ").Open("input", "type", "number", "name", "to", "value", view.ToYear.ToString(CultureInfo.InvariantCulture), "min", "1", "max", "9998").Close("label")
            .Open("label").Text("lanes ").Open("select", "name", "group");
        foreach (var g in new[] { "domain", "actor", "document" })
            h.Open("option", "value", g, "selected", (Params.Str(r, "group") ?? "domain") == g ? "selected" : null).Text(g).Close("option");
        h.Close("select").Close("label").Open("label").Text("domain ").Open("input", "name", "domain", "value", Params.Str(r, "domain"), "size", "12").Close("label")
            .Open("label").Text("show ").Open("select", "name", "show");
        foreach (var (value, label) in new[] { ("top", $"the {top ?? TimelineTop} most salient"), ("all", "every milestone") })
            h.Open("option", "value", value, "selected", (all ? "all" : "top") == value ? "selected" : null).Text(label).Close("option");
        h.Close("select").Close("label")
            .Raw("<button type=\"submit\">show</button>")
            .A($"/timeline.csv{Q(("from", from?.ToString(CultureInfo.InvariantCulture)), ("to", to?.ToString(CultureInfo.InvariantCulture)), ("group", Params.Str(r, "group")), ("domain", Params.Str(r, "domain")))}", "CSV", "button")
            .Close("form");
        h.El("p", "Filled marks are done, hollow dashed ones planned; hover for the sentence, click for its lines.", "class", "muted");
        if (view.Count == 0) { h.El("p", "No dated milestones in that range."); return ("Timeline", "Timeline", h); }
        if (view.Count > TimelineShown)
        {
            // A page people read: the first milestones of each lane; the whole answer is in the CSV and the API.
            int perLane = Math.Max(5, TimelineShown / Math.Max(1, view.Lanes.Count));
            h.El("p", $"{view.Count} milestones: showing the first {perLane} of each lane. Narrow the years or the domain, or download the CSV for all of them.", "class", "hl-note");
            view = view with { Lanes = view.Lanes.Select(l => l with { Events = l.Events.Take(perLane).ToList() }).ToList() };
        }
        h.Open("div", "class", "timeline-svg").Raw(new TimelineSvgRenderer().Render(view, $"Milestones {view.FromYear}–{view.ToYear}",
            e => LinesUrl(e.Source.Document, e.Source.Line, e.Source.EndLine))).Close("div");
        foreach (var lane in view.Lanes)
        {
            h.El("h2", $"{lane.Name} ({lane.Events.Count})").Open("table", "class", "grid").Raw("<thead><tr><th>when</th><th>status</th><th>milestone</th><th>actors</th><th>lines</th></tr></thead><tbody>");
            foreach (var e in lane.Events)
                h.Open("tr").El("td", e.DateText).El("td", e.Status, "class", "status-" + e.Status).El("td", e.Label).El("td", string.Join(", ", e.Actors))
                    .Open("td").LinesLink(e.Source).Close("td").Close("tr");
            h.Raw("</tbody></table>");
        }
        return ("Timeline", "Timeline", h);
    }

    private static async Task<IResult> TimelineCsv(HttpRequest r, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
        await kb.ReadAsync(async q =>
        {
            var view = await Answers.TimelineAsync(cache, q, Params.Int(r, "from", 1, 9998), Params.Int(r, "to", 1, 9998), Params.Str(r, "group"), Params.Str(r, "domain"), null, ct);
            var sb = new StringBuilder("lane,start,end,precision,dateText,status,domain,label,actors,technologies,documentId,line,endLine\r\n");
            foreach (var e in TimelineEntry.Of(view))
                sb.Append(Fukan.Contracts.Csv.Record([e.Lane, e.Date.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Date.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    e.Date.Precision, e.DateText, e.Status, e.Domain, e.Label, string.Join("; ", e.Actors), string.Join("; ", e.Technologies),
                    e.Provenance.Document.Value, e.Provenance.Line.ToString(CultureInfo.InvariantCulture), e.Provenance.EndLine.ToString(CultureInfo.InvariantCulture)])).Append("\r\n");
            return Csv(sb.ToString(), "timeline.csv");
        }, ct);

    /// <summary>The years a timeline page opens on without a range: this year minus these …</summary>
    private const int TimelineYearsBack = 2;

    /// <summary>… to this year plus these.</summary>
    private const int TimelineYearsAhead = 8;

    /// <summary>How many milestones the page shows by default, most salient first (the CLI's default too).</summary>
    private const int TimelineTop = 20;

    /// <summary>Milestones a timeline page draws at most; the CSV and the API have them all.</summary>
    private const int TimelineShown = 400;

    // ---------------------------------------------------------------- entities, minutes, signals, rank

    private static async Task<(string, string, Html)> Entities(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var r = c.Request;
        var type = Params.Str(r, "type");
        int limit = Params.Int(r, "limit", 1, 10_000) ?? 200;
        var entities = await q.EntitySummariesAsync(type, null, 0, limit + 1, ct);
        var h = new Html().El("h1", "Entities");
        h.Open("form", "method", "get", "action", "/entities", "class", "filters", "data-autosubmit", "1").Open("label").Text("type ").Open("select", "name", "type");
        foreach (var t in new[] { "", "org", "program", "country", "tech" })
            h.Open("option", "value", t, "selected", (type ?? "") == t ? "selected" : null).Text(t.Length == 0 ? "all" : t).Close("option");
        h.Close("select").Close("label").Raw("<button type=\"submit\">show</button>").Close("form");
        h.Open("table", "class", "grid").Raw("<thead><tr><th>entity</th><th>type</th><th class=\"num\">mentions</th><th class=\"num\">documents</th><th>also written</th></tr></thead><tbody>");
        foreach (var e in entities.Take(limit))
            h.Open("tr").Open("td").A($"/entities/{Html.Url(e.Id)}", e.Name).Close("td").El("td", e.Type.ToName()).El("td", e.Mentions.ToString(CultureInfo.InvariantCulture), "class", "num")
                .El("td", e.Documents.Count.ToString(CultureInfo.InvariantCulture), "class", "num").El("td", string.Join(", ", e.Aliases.Where(a => a != e.Name).Take(5)), "class", "muted").Close("tr");
        h.Raw("</tbody></table>");
        if (entities.Count > limit) h.Open("p").A($"/entities{Q(("type", type), ("limit", (limit * 5).ToString(CultureInfo.InvariantCulture)))}", "… more").Close("p");
        return ("Entities", "Entities", h);
    }

    private static async Task<(string, string, Html)> Entity(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var details = await q.EntityAsync((string)c.Request.RouteValues["name"]!, ct);
        int limit = Params.Int(c.Request, "limit", 1, 100_000) ?? 500;
        var e = details.Entity;
        var docs = (await q.Store.ListDocumentsAsync(ct)).ToDictionary(d => d.Id.Value, d => d.Title);
        var h = new Html().El("h1", e.Name).El("p", $"{e.Type.ToName()} · {e.Mentions} mentions in {e.Documents.Count} document(s) · also written {string.Join(", ", e.Aliases)}", "class", "muted");
        h.Open("table", "class", "grid").Raw("<thead><tr><th>document</th><th>as written</th><th>lines</th></tr></thead><tbody>");
        foreach (var m in details.Mentions.Take(limit))
            h.Open("tr").El("td", docs.GetValueOrDefault(m.Provenance.Document.Value, m.Provenance.Document.Short)).El("td", m.Surface).Open("td").LinesLink(m.Provenance).Close("td").Close("tr");
        h.Raw("</tbody></table>");
        if (details.Mentions.Count > limit) h.Open("p").A($"/entities/{Html.Url(e.Id)}?limit={limit * 10}", $"… {details.Mentions.Count - limit} more mentions").Close("p");
        return (e.Name, "Entities", h);
    }

    private static async Task<(string, string, Html)> Minutes(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var info = await q.ResolveAsync((string)c.Request.RouteValues["doc"]!, ct);
        var digest = await q.MinutesAsync(info, ct);
        var h = new Html().El("h1", digest.Title);
        h.Open("p", "class", "muted").Text($"{digest.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "date unknown"}{(digest.StartTime is null ? "" : $" {digest.StartTime}–{digest.EndTime}")} · {digest.Place ?? "place unknown"} · ")
            .A($"/documents/{Html.Url(info.Id.Short)}", "read the minutes").Close("p");
        if (digest.Attendees.Count > 0)
        {
            h.El("h2", $"Attendees ({digest.Attendees.Count})").Open("table", "class", "grid").Raw("<thead><tr><th>name</th><th>organisation</th><th>title</th><th>role</th></tr></thead><tbody>");
            foreach (var a in digest.Attendees) h.Open("tr").El("td", a.Name).El("td", a.Organization).El("td", a.Title).El("td", a.Role.ToString()).Close("tr");
            h.Raw("</tbody></table>");
        }
        if (digest.Agenda.Count > 0) { h.El("h2", "Agenda").Open("ol"); foreach (var item in digest.Agenda) Agenda(h, item); h.Close("ol"); }
        foreach (var side in digest.Statements.GroupBy(s => s.Side))
        {
            h.El("h2", $"{(side.Key == StatementSide.Secretariat ? "Secretariat" : "Members")} ({side.Count()} statements)");
            foreach (var topic in side.GroupBy(s => s.Topic ?? ""))
            {
                if (topic.Key.Length > 0) h.El("h3", $"【{topic.Key}】");
                h.Open("ul", "class", "statements");
                foreach (var s in topic)
                {
                    h.Open("li");
                    if (s.Speaker is not null) h.El("strong", s.Speaker + ": ");
                    h.Text(s.Text).Raw(" ").LinesLink(s.Provenance).Close("li");
                }
                h.Close("ul");
            }
        }
        return (digest.Title, "Overview", h);
    }

    private static void Agenda(Html h, AgendaItem item)
    {
        h.Open("li").Text($"{(item.Number is null ? "" : item.Number + " ")}{item.Text}");
        if (item.Items.Count > 0) { h.Open("ol"); foreach (var child in item.Items) Agenda(h, child); h.Close("ol"); }
        h.Close("li");
    }

    /// <summary>The money groups a page shows at once; the CSV and the API have them all.</summary>
    private const int MoneyPage = 50;

    /// <summary>The money report's question from the query string (by, currency, after, before; doc separately).</summary>
    private static Fukan.Analysis.Money.MoneyQuery MoneyQueryOf(HttpRequest r) =>
        FukanQueries.Money(Params.Str(r, "by"), Params.Str(r, "after"), Params.Str(r, "before"), Params.Str(r, "currency"));

    private static async Task<(string, string, Html)> Money(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var r = c.Request;
        var query = MoneyQueryOf(r);
        var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
        int offset = Params.Int(r, "offset", 0, int.MaxValue) ?? 0;
        var groups = await Answers.MoneyAsync(Cache(c), q, query, doc, ct);
        var by = query.By.ToString().ToLowerInvariant();
        var h = new Html().El("h1", $"Money by {by} ({groups.Count})");
        h.Open("form", "method", "get", "action", "/money", "class", "filters", "data-autosubmit", "1").Open("label").Text("by ").Open("select", "name", "by");
        foreach (var g in new[] { "entity", "tech", "country", "year" })
            h.Open("option", "value", g, "selected", g == by ? "selected" : null).Text(g).Close("option");
        h.Close("select").Close("label")
            .Open("label").Text("currency ").Open("input", "name", "currency", "value", query.Currency, "size", "5", "placeholder", "JPY").Close("label")
            .Open("label").Text("after ").Open("input", "name", "after", "value", Params.Str(r, "after"), "size", "8", "placeholder", "2024").Close("label")
            .Open("label").Text("before ").Open("input", "name", "before", "value", Params.Str(r, "before"), "size", "8", "placeholder", "2030-03").Close("label")
            .Open("label").Text("document ").Open("input", "name", "doc", "value", Params.Str(r, "doc"), "size", "14").Close("label")
            .Raw("<button type=\"submit\">show</button>")
            .A($"/money.csv{Q(("by", by), ("currency", query.Currency), ("after", Params.Str(r, "after")), ("before", Params.Str(r, "before")), ("doc", Params.Str(r, "doc")))}", "CSV", "button")
            .Close("form");
        h.El("p", "Amounts linked to what their sentence names, summed per currency (never converted); an amount restated in one document counts once.", "class", "muted");
        if (groups.Count == 0) { h.El("p", "No amounts of money match."); return ("Money", "Money", h); }
        h.Open("table", "class", "grid money").Raw("<thead><tr><th>").Text(by).Raw("</th><th>type</th><th>total per currency</th><th class=\"num\">amounts</th><th>largest</th><th>amounts and their lines</th></tr></thead><tbody>");
        foreach (var g in Paging.Slice(groups, offset, MoneyPage))
        {
            var largest = g.Amounts.OrderByDescending(a => a.Value).First();
            h.Open("tr").El("td", g.Label).El("td", g.Type ?? "").Open("td");
            foreach (var t in g.Totals) h.El("div", $"{Amount(t.Total)} {t.Currency}", "class", "num");
            h.Close("td").El("td", g.Amounts.Count.ToString(CultureInfo.InvariantCulture), "class", "num")
                .Open("td").Text(largest.Text).Raw(" ").LinesLink(largest.Provenance).Close("td")
                .Open("td").Open("details").El("summary", $"{g.Amounts.Count} amount(s)").Open("ul", "class", "evidence-list");
            foreach (var a in g.Amounts.Take(100))
                h.Open("li").El("span", a.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", "class", "muted").Raw(" ").Text(a.Text)
                    .Raw(a.Subject is null ? "" : " · ").Text(a.Subject).Raw(" ").LinesLink(a.Provenance).Close("li");
            if (g.Amounts.Count > 100) h.El("li", $"… {g.Amounts.Count - 100} more in the CSV", "class", "muted");
            h.Close("ul").Close("details").Close("td").Close("tr");
        }
        h.Raw("</tbody></table>");
        h.Open("p", "class", "pager");
        string PageUrl(int at) => $"/money{Q(("by", by), ("currency", query.Currency), ("after", Params.Str(r, "after")), ("before", Params.Str(r, "before")), ("doc", Params.Str(r, "doc")), ("offset", at.ToString(CultureInfo.InvariantCulture)))}";
        if (offset > 0) h.A(PageUrl(Math.Max(0, offset - MoneyPage)), "← previous");
        if (offset + MoneyPage < groups.Count) h.Raw(" ").A(PageUrl(offset + MoneyPage), "next →");
        h.Close("p");
        return ("Money", "Money", h);
    }

    /// <summary>A sum as written in full with thousands separators (currencies are never converted or rounded away).</summary>
    private static string Amount(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static async Task<IResult> MoneyCsv(HttpRequest r, KnowledgeBaseReader kb, AnswerCache cache, CancellationToken ct) =>
        await kb.ReadAsync(async q =>
        {
            var query = MoneyQueryOf(r);
            var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
            var groups = await Answers.MoneyAsync(cache, q, query, doc, ct);
            var sb = new StringBuilder("group,label,type,currency,value,valueMax,text,subject,date,entities,restatements,documentId,line,endLine\r\n");
            foreach (var g in groups)
                foreach (var a in g.Amounts)
                    sb.Append(Fukan.Contracts.Csv.Record([g.Key, g.Label, g.Type, a.Currency, a.Value.ToString(CultureInfo.InvariantCulture), a.ValueMax?.ToString(CultureInfo.InvariantCulture),
                        a.Text, a.Subject, a.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join("; ", a.Entities.Select(e => e.Name)),
                        a.RestatedAt.Count.ToString(CultureInfo.InvariantCulture), a.Provenance.Document.Value, a.Provenance.Line.ToString(CultureInfo.InvariantCulture),
                        a.Provenance.EndLine.ToString(CultureInfo.InvariantCulture)])).Append("\r\n");
            return Csv(sb.ToString(), $"money-by-{query.By.ToString().ToLowerInvariant()}.csv");
        }, ct);

    private static async Task<(string, string, Html)> Signals(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var report = await Answers.SignalsAsync(c.RequestServices.GetRequiredService<AnswerCache>(), q, ct);
        var h = new Html().El("h1", "Signals").El("p", $"{report.Watchlist} · {report.Signals.Count} signal(s) against {report.Documents} document(s)", "class", "muted");
        var byId = report.Signals.ToDictionary(s => s.Id);
        foreach (var d in report.Domains)
        {
            h.Open("section", "class", "domain").Open("h2").Text(d.Domain + " ").El("span", d.Verdict.ToText(), "class", "verdict v-" + d.Verdict.ToText()).Close("h2");
            h.Open("ul", "class", "reasons"); foreach (var reason in d.Reasons) h.El("li", reason); h.Close("ul");
            h.Open("table", "class", "grid").Raw("<thead><tr><th>signal</th><th>status</th><th>threshold</th><th>evidence</th></tr></thead><tbody>");
            foreach (var id in d.Signals)
            {
                var s = byId[id];
                h.Open("tr").Open("td").El("strong", s.Id).El("div", s.Description, "class", "small muted").Close("td")
                    .El("td", s.Status.ToString(), "class", "status-" + s.Status.ToString().ToLowerInvariant())
                    .El("td", s.Comparator == "occurs" ? "occurs" : $"{s.Comparator} {s.Threshold} {s.Unit}").Open("td");
                h.El("div", s.Reason, "class", "small");
                if (s.Evidence.Count > 0)
                {
                    h.Open("ul", "class", "evidence-list");
                    foreach (var e in s.Evidence.Take(5))
                        h.Open("li").El("span", e.Date ?? "", "class", "muted").Raw(" ").Text(e.Sentence).Raw(" ").LinesLink(e.Provenance, $"{e.DocumentTitle} l.{e.Line}").Close("li");
                    if (s.Evidence.Count > 5) h.Open("li", "class", "muted").A($"/api/signals/{Html.Url(s.Id)}?limit=100", "all evidence (JSON)").Close("li");
                    h.Close("ul");
                }
                h.Close("td").Close("tr");
            }
            h.Raw("</tbody></table>").Close("section");
        }
        return ("Signals", "Signals", h);
    }

    /// <summary>Ranked areas a rank page shows at once.</summary>
    private const int RankShown = 100;

    private static async Task<(string, string, Html)> Rank(HttpContext c, FukanQueries q, CancellationToken ct)
    {
        var r = c.Request;
        var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
        var request = Params.Rank(r, doc);
        var report = await Answers.RankAsync(c.RequestServices.GetRequiredService<AnswerCache>(), q, request, ct);
        int offset = Params.Int(r, "offset", 0, int.MaxValue) ?? 0;
        var h = new Html().El("h1", "Rank");
        h.Open("form", "method", "get", "action", "/rank", "class", "filters rank-form", "id", "rank-form", "data-autosubmit", "1");
        if (Params.Str(r, "doc") is { } docRef) h.Raw("<input type=\"hidden\" name=\"doc\" value=\"").Text(docRef).Raw("\">");
        h.Open("label").Text("method ").Open("select", "name", "method");
        foreach (var m in new[] { "wsum", "topsis" }) h.Open("option", "value", m, "selected", request.Method == m ? "selected" : null).Text(m).Close("option");
        h.Close("select").Close("label")
            .Open("label").Text("country ").Open("input", "name", "country", "value", request.Country, "size", "4").Close("label")
            .Open("label").Open("input", "type", "checkbox", "name", "sensitivity", "value", "on", "checked", request.Sensitivity ? "checked" : null).Text(" sensitivity (±20 %, 200 draws)").Close("label");
        h.Open("fieldset", "class", "weights").El("legend", "weights (edit and the ranking is recomputed)");
        var defaults = WeightsLoader.LoadDefault();
        foreach (var w in request.Weights.Weights)
        {
            var crit = Criterion.Find(w.Criterion)!;
            h.Open("label", "title", crit.Description).Text(w.Criterion + " ")
                .Open("input", "type", "number", "step", "any", "min", "0", "name", "w." + w.Criterion, "value", Html.Number(w.Weight, "0.####"), "data-default",
                    Html.Number(defaults.Weights.First(x => x.Criterion == w.Criterion).Weight, "0.####"))
                .Close("label");
        }
        h.Close("fieldset").Raw("<button type=\"submit\">rank</button>").A("/rank", "reset", "button")
            .A($"/rank.csv{c.Request.QueryString}", "CSV", "button").Close("form");
        h.El("p", $"{report.Method} · country {report.Country} · weights {report.Weights}", "class", "muted");
        double maxScore = report.Areas.Count == 0 ? 1 : Math.Max(1e-9, report.Areas.Max(a => a.Criteria.Sum(x => Math.Max(0, x.Contribution))));
        h.Open("table", "class", "grid rank", "id", "ranking").Open("thead").Open("tr").Raw("<th class=\"num\">#</th><th>area</th><th class=\"num\">score</th><th>contributions</th>");
        if (report.Sensitivity is not null) h.El("th", "stability (rank 5–95 %)");
        h.Close("tr").Close("thead").Open("tbody");
        string[] colours = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"];
        foreach (var a in Paging.Slice(report.Areas, offset, RankShown))
        {
            h.Open("tr", "data-area", a.AreaId).El("td", a.Rank.ToString(CultureInfo.InvariantCulture), "class", "num")
                .Open("td").A($"/areas/{Html.Url(a.AreaId)}{Q(("doc", a.DocumentId.Short))}", $"{a.AreaId} {a.Title}").Close("td")
                .El("td", Html.Number(a.Score, "0.000"), "class", "num").Open("td");
            // Contributions as stacked bars: SVG attributes, not inline styles (the CSP forbids those).
            h.Raw("<svg class=\"bars\" width=\"320\" height=\"16\" viewBox=\"0 0 320 16\" role=\"img\">");
            double x = 0;
            for (int i = 0; i < a.Criteria.Count; i++)
            {
                var cs = a.Criteria[i];
                if (cs.Contribution <= 0) continue;
                double w = 320 * cs.Contribution / maxScore;
                h.Raw($"<rect x=\"{Html.Number(x, "0.#")}\" y=\"2\" width=\"{Html.Number(w, "0.#")}\" height=\"12\" fill=\"{colours[i % colours.Length]}\"><title>")
                    .Text($"{cs.Id}: {Html.Number(cs.Contribution, "0.000")} — {cs.Detail}").Raw("</title></rect>");
                x += w;
            }
            h.Raw("</svg>").Close("td");
            if (a.Stability is { } st) h.El("td", $"{st.Stability:P0} ({st.P05}–{st.P95})");
            h.Close("tr");
        }
        h.Close("tbody").Close("table");
        if (report.Areas.Count > RankShown || offset > 0)
        {
            // A ×100 corpus ranks thousands of areas: a page of them at a time (bars keep one scale), the CSV has all.
            h.Open("p", "class", "pager").Text($"areas {Math.Min(offset + 1, report.Areas.Count)}–{Math.Min(offset + RankShown, report.Areas.Count)} of {report.Areas.Count} ");
            if (offset > 0) h.A(Paging.With(r, Math.Max(0, offset - RankShown), null), "← previous");
            if (offset + RankShown < report.Areas.Count) h.Raw(" ").A(Paging.With(r, offset + RankShown, null), "next →");
            h.Close("p");
        }
        h.Open("p", "class", "legend");
        for (int i = 0; i < report.Criteria.Count; i++)
            h.Raw($"<svg width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\" fill=\"{colours[i % colours.Length]}\"/></svg> ").Text($"{report.Criteria[i].Id} {Html.Number(report.Criteria[i].Weight, "0.###")}  ");
        h.Close("p");
        return ("Rank", "Rank", h);
    }

    private static async Task<IResult> RankCsv(HttpRequest r, KnowledgeBaseReader kb, CancellationToken ct) =>
        await kb.ReadAsync(async q =>
        {
            var doc = Params.Str(r, "doc") is { } d ? await q.ResolveAsync(d, ct) : null;
            var report = await Answers.RankAsync(r.HttpContext.RequestServices.GetRequiredService<AnswerCache>(), q, Params.Rank(r, doc), ct);
            var header = new List<string> { "rank", "areaId", "title", "documentId", "score" };
            header.AddRange(report.Criteria.Select(x => x.Id + ".contribution"));
            header.AddRange(["stability", "p05", "p95"]);
            var sb = new StringBuilder(Fukan.Contracts.Csv.Record(header)).Append("\r\n");
            foreach (var a in report.Areas)
            {
                var fields = new List<string?> { a.Rank.ToString(CultureInfo.InvariantCulture), a.AreaId, a.Title, a.DocumentId.Value, Html.Number(a.Score, "0.######") };
                fields.AddRange(a.Criteria.Select(x => Html.Number(x.Contribution, "0.######")));
                fields.AddRange([a.Stability is { } s ? Html.Number(s.Stability, "0.###") : "", a.Stability?.P05.ToString(CultureInfo.InvariantCulture), a.Stability?.P95.ToString(CultureInfo.InvariantCulture)]);
                sb.Append(Fukan.Contracts.Csv.Record(fields)).Append("\r\n");
            }
            return Csv(sb.ToString(), "rank.csv");
        }, ct);
}
