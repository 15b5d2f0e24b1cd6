using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Fukan.Tests.Web;

/// <summary>
/// The JSON API through the in-memory test server: every route answers, its JSON is the CLI's <c>--json</c> for the
/// same question (parsed and compared node by node), bad parameters and unknown names are problem+json 400/404.
/// </summary>
public sealed class WebApiTests(WebFixture web) : IClassFixture<WebFixture>
{
    /// <summary>API route ↔ the CLI command that must give the same JSON.</summary>
    public static TheoryData<string, string> SameAsCli => new()
    {
        { "/api/documents", "docs" },
        { "/api/documents/001", "show 001" },
        { "/api/documents/001/outline", "show 001 --outline" },
        { "/api/documents/002/source?lines=5-20", "source 002 --lines 5-20" },
        { "/api/documents/001/source?lines=5354-5370", "source 001 --lines 5354-5370" },
        { "/api/landscape", "landscape" },
        { "/api/landscape?doc=001&country=JP,US&phase=basic", "landscape --doc 001 --country JP,US --phase basic" },
        { "/api/landscape?doc=001&country=JP&country=CN", "landscape --doc 001 --country JP --country CN" },
        { "/api/areas/2.1.1?doc=001", "area 2.1.1 --doc 001" },
        { "/api/areas/%E8%93%84%E9%9B%BB?doc=001", "area 蓄電 --doc 001" },
        { "/api/gaps?doc=001", "gaps --doc 001" },
        { "/api/gaps?country=US&kind=falling&doc=001", "gaps --country US --kind falling --doc 001" },
        { "/api/diff?from=001&to=edition2025", "diff 001 edition2025" },
        { "/api/search?q=%E5%85%A8%E5%9B%BA%E4%BD%93%E9%9B%BB%E6%B1%A0&limit=5", "search 全固体電池 --limit 5" },
        { "/api/search?q=%E5%85%A8%E5%9B%BA%E4%BD%93%E9%9B%BB%E6%B1%A0&limit=5&offset=5", "search 全固体電池 --limit 5 --offset 5" },
        { "/api/search?q=%E8%93%84%E9%9B%BB%20kind:report", "search 蓄電 kind:report" },
        { "/api/related/d2e020d46928-33?limit=5", "related d2e020d46928-33 --limit 5" },
        { "/api/facts?kind=quantity&doc=000", "facts --kind quantity --doc 000" },
        { "/api/facts?kind=statement", "facts --kind statement" },
        { "/api/facts?kind=event&limit=7", "facts --kind event --limit 7" },
        { "/api/timeline?from=2024&to=2030&group=actor", "timeline --from 2024 --to 2030 --group actor --all" },
        { "/api/timeline?domain=semiconductors&group=document", "timeline --domain semiconductors --group document --all" },
        { "/api/timeline?from=2024&to=2030&top=5", "timeline --from 2024 --to 2030 --top 5" },
        { "/api/timeline?top=20&group=actor", "timeline --top 20 --group actor" },
        { "/api/entities?type=org", "entities --type org" },
        { "/api/entities?limit=15", "entities --limit 15" },
        { "/api/entities?limit=5&offset=5&type=tech", "entities --limit 5 --offset 5 --type tech" },
        { "/api/entities/Rapidus", "entities Rapidus" },
        { "/api/facts?kind=quantity&unit=JPY&min=1e8", "facts --kind quantity --unit JPY --min 1e8" },
        { "/api/facts?kind=event&status=planned&after=2025&limit=20&offset=3", "facts --kind event --status planned --after 2025 --limit 20 --offset 3" },
        { "/api/facts?kind=comparison&country=CN&rating=%E2%97%8E", "facts --kind comparison --country CN --rating ◎" },
        { "/api/facts?kind=quantity&entity=Rapidus", "facts --kind quantity --entity Rapidus" },
        { "/api/minutes/002", "minutes 002" },
        { "/api/signals", "signals" },
        { "/api/signals?evidence=2", "signals --evidence 2" },
        { "/api/money", "money" },
        { "/api/money?by=tech&doc=001", "money --by tech --doc 001" },
        { "/api/money?by=country&after=2024&before=2030", "money --by country --after 2024 --before 2030" },
        { "/api/money?by=year&currency=jpy", "money --by year --currency jpy" },
        { "/api/rank", "rank" },
        { "/api/rank?method=topsis&country=US&limit=5", "rank --method topsis --country US --limit 5" },
        { "/api/rank?sensitivity=true&draws=100&doc=001", "rank --sensitivity --draws 100 --doc 001" },
        { "/api/rank?area=2.1.1&doc=001", "rank --area 2.1.1 --doc 001" },
        { "/api/rank?limit=3&sensitivity=true&draws=50", "rank --limit 3 --sensitivity --draws 50" },
        { "/api/documents?asOf=2024", "docs --as-of 2024" },
        { "/api/landscape?asOf=2024", "landscape --as-of 2024" },
        { "/api/signals?asOf=2025-06", "signals --as-of 2025-06" },
        { "/api/facts?kind=event&asOf=2024&limit=7", "facts --kind event --as-of 2024 --limit 7" },
        { "/api/search?q=%E5%85%A8%E5%9B%BA%E4%BD%93%E9%9B%BB%E6%B1%A0&limit=5&asOf=2024", "search 全固体電池 --limit 5 --as-of 2024" },
        { "/api/rank?limit=5&asOf=2024", "rank --limit 5 --as-of 2024" },
        { "/api/timeline?from=2024&to=2030&top=5&asOf=2024", "timeline --from 2024 --to 2030 --top 5 --as-of 2024" },
    };

    [Theory]
    [MemberData(nameof(SameAsCli))]
    public async Task Route_gives_the_same_json_as_the_cli(string route, string command)
    {
        using var client = web.Client();
        var response = await client.GetAsync(route);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var cli = await web.CliAsync([.. Contracts.CliJsonGoldenTests.Words(command), "--json"]);
        Assert.True(cli.ExitCode == 0, cli.ToString());
        var api = JsonNode.Parse(body);
        var expected = JsonNode.Parse(cli.Out);
        Assert.True(JsonNode.DeepEquals(expected, api), $"{route} differs from `fukan {command} --json`:\nAPI {Head(body)}\nCLI {Head(cli.Out)}");
        Assert.True(api is JsonArray { Count: > 0 } or JsonObject { Count: > 0 }, $"{route}: an empty answer proves nothing");
    }

    [Fact]
    public async Task One_entity_pages_its_mentions()
    {
        using var client = web.Client();
        var all = JsonNode.Parse(await client.GetStringAsync("/api/entities/Rapidus"))!;
        var occurrences = all["occurrences"]!.AsArray();
        Assert.True(occurrences.Count > 1);
        Assert.Equal(all["mentions"]!.GetValue<int>(), occurrences.Count);
        var paged = JsonNode.Parse(await client.GetStringAsync("/api/entities/Rapidus?limit=1&offset=1"))!;
        Assert.Single(paged["occurrences"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(occurrences[1], paged["occurrences"]![0]));
    }

    [Fact]
    public async Task Facts_page_with_limit_and_offset()
    {
        using var client = web.Client();
        var all = JsonNode.Parse(await client.GetStringAsync("/api/facts?kind=date"))!.AsArray();
        var page = JsonNode.Parse(await client.GetStringAsync("/api/facts?kind=date&limit=3&offset=4"))!.AsArray();
        Assert.Equal(3, page.Count);
        for (int i = 0; i < 3; i++) Assert.True(JsonNode.DeepEquals(all[4 + i], page[i]));
    }

    /// <summary>A paged route, the same question unpaged, the page asked for, and whether the total is known.</summary>
    public static TheoryData<string, string, int, int, bool> Pages => new()
    {
        { "/api/timeline?from=2024&to=2030&group=actor", "/api/timeline?from=2024&to=2030&group=actor", 5, 7, true },
        { "/api/timeline?domain=semiconductors", "/api/timeline?domain=semiconductors", 0, 3, true },
        { "/api/money", "/api/money", 10, 10, true },
        { "/api/money?by=tech", "/api/money?by=tech", 0, 4, true },
        { "/api/facts?kind=date", "/api/facts?kind=date", 4, 3, true },
        { "/api/facts?kind=statement", "/api/facts?kind=statement", 2, 5, true },
        { "/api/search?q=%E5%85%A8%E5%9B%BA%E4%BD%93%E9%9B%BB%E6%B1%A0", "/api/search?q=%E5%85%A8%E5%9B%BA%E4%BD%93%E9%9B%BB%E6%B1%A0&limit=1000", 10, 10, true },
        { "/api/related/d2e020d46928-33", "/api/related/d2e020d46928-33?limit=1000", 20, 10, false },
        { "/api/entities?type=tech", "/api/entities?type=tech", 5, 5, false },
        { "/api/signals/n2-volume-production", "/api/signals/n2-volume-production?limit=1000", 2, 3, true },
        { "/api/rank?method=topsis", "/api/rank?method=topsis", 3, 4, true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Listings_page_with_offset_limit_a_total_and_links(string route, string unpaged, int offset, int limit, bool totalKnown)
    {
        using var client = web.Client();
        var whole = JsonNode.Parse(await client.GetStringAsync(unpaged))!;
        JsonArray Items(JsonNode n) => n as JsonArray ?? (n["evidence"] ?? n["areas"])!.AsArray();
        var all = Items(whole);
        Assert.True(all.Count > offset + limit, $"{unpaged}: {all.Count} items are too few to page {offset}+{limit}");
        var sep = route.Contains('?') ? '&' : '?';
        var response = await client.GetAsync($"{route}{sep}offset={offset}&limit={limit}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var paged = JsonNode.Parse(body)!;
        var page = Items(paged);
        Assert.Equal(limit, page.Count);
        for (int i = 0; i < limit; i++) Assert.True(JsonNode.DeepEquals(all[offset + i], page[i]), $"{route}: item {offset + i} differs");
        if (totalKnown) Assert.Equal(all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join("", response.Headers.GetValues("X-Total-Count")));
        else Assert.False(response.Headers.Contains("X-Total-Count"));

        // The Link header leads on and back, keeping the question.
        var links = string.Join(",", response.Headers.GetValues("Link"));
        var next = System.Text.RegularExpressions.Regex.Match(links, "<([^>]+)>; rel=\"next\"");
        Assert.True(next.Success, links);
        Assert.Contains($"offset={offset + limit}&limit={limit}", next.Groups[1].Value, StringComparison.Ordinal);
        Assert.Equal(offset > 0, links.Contains("rel=\"prev\"", StringComparison.Ordinal));
        var following = JsonNode.Parse(await client.GetStringAsync(next.Groups[1].Value))!;
        var second = Items(following);
        Assert.True(JsonNode.DeepEquals(all[offset + limit], second[0]), $"{next.Groups[1].Value} does not continue the page");

        // The last page has no next link.
        var last = await client.GetAsync($"{route}{sep}offset={all.Count - 1}&limit={limit}");
        var lastLinks = last.Headers.TryGetValues("Link", out var l) ? string.Join(",", l) : "";
        Assert.DoesNotContain("rel=\"next\"", lastLinks, StringComparison.Ordinal);
        var lastBody = JsonNode.Parse(await last.Content.ReadAsStringAsync())!;
        Assert.Single(Items(lastBody));
    }

    [Fact]
    public async Task Signals_evidence_route_keeps_the_signal_and_pages_only_its_evidence()
    {
        using var client = web.Client();
        var report = JsonNode.Parse(await client.GetStringAsync("/api/signals"))!;
        var listed = report["signals"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "n2-volume-production")!;
        var one = JsonNode.Parse(await client.GetStringAsync("/api/signals/n2-volume-production?limit=20"))!;
        Assert.True(JsonNode.DeepEquals(listed, one), "the signal with its first 20 pieces of evidence is the one /api/signals lists");
    }

    public static TheoryData<string, int, string> Problems => new()
    {
        { "/api/documents/nosuchdoc", 404, "nosuchdoc" },
        { "/api/documents/nosuchdoc/outline", 404, "nosuchdoc" },
        { "/api/documents/001/source?lines=9-2", 400, "lines" },
        { "/api/documents/001/source?lines=abc", 400, "lines" },
        { "/api/documents/002/source?lines=999999", 400, "lines" },
        { "/api/areas/9.9.9?doc=001", 404, "9.9.9" },
        { "/api/areas/2.1.1?doc=nosuchdoc", 404, "nosuchdoc" },
        { "/api/landscape?phase=middle", 400, "phase" },
        { "/api/landscape?asOf=2024-13", 400, "asOf 2024-13: not a date" },
        { "/api/documents?knownAt=yesterday", 400, "knownAt yesterday: not a date" },
        { "/api/landscape?asOf=2001", 404, "as of 2001-12-31: no report published by then" },
        { "/api/landscape?country=ZZZZZ", 400, "country" },
        { "/api/landscape?doc=000", 404, "comparison" },
        { "/api/gaps?kind=bogus", 400, "kind" },
        { "/api/gaps?country=%E7%81%AB%E6%98%9F", 400, "country" },
        { "/api/diff?from=001", 400, "to" },
        { "/api/diff?from=001&to=nosuchdoc", 404, "nosuchdoc" },
        { "/api/search", 400, "q" },
        { "/api/search?q=AI&limit=0", 400, "limit" },
        { "/api/search?q=AI&limit=abc", 400, "limit" },
        { "/api/search?q=AI&offset=-1", 400, "offset" },
        { "/api/related/nope-1", 404, "nope-1" },
        { "/api/facts", 400, "kind" },
        { "/api/facts?kind=bogus", 400, "kind" },
        { "/api/facts?kind=date&limit=x", 400, "limit" },
        { "/api/facts?kind=quantity&after=2024-13", 400, "after" },
        { "/api/facts?kind=quantity&min=abc", 400, "min" },
        { "/api/facts?kind=quantity&min=5&max=1", 400, "min" },
        { "/api/facts?kind=comparison&rating=A", 400, "rating" },
        { "/api/entities?offset=-1", 400, "offset" },
        { "/api/timeline?group=bogus", 400, "group" },
        { "/api/timeline?from=abc", 400, "from" },
        { "/api/timeline?from=0", 400, "from" },
        { "/api/entities?type=bogus", 400, "type" },
        { "/api/entities/NoSuchEntityXyz", 404, "NoSuchEntityXyz" },
        { "/api/minutes/001", 404, "not minutes" },
        { "/api/rank?method=bogus", 400, "method" },
        { "/api/rank?weights=bogus:1", 400, "bogus" },
        { "/api/rank?w.emergence=-1", 400, "emergence" },
        { "/api/rank?weights=emergence", 400, "weights" },
        { "/api/rank?draws=0&sensitivity=true", 400, "draws" },
        { "/api/nosuchroute", 404, "nosuchroute" },
        { "/api/money?by=planet", 400, "planet" },
        { "/api/money?after=2024-13", 400, "after" },
        { "/api/money?after=2030&before=2024", 400, "after" },
        { "/api/money?doc=nosuchdoc", 404, "nosuchdoc" },
        { "/api/money?limit=0", 400, "limit" },
        { "/api/money?offset=abc", 400, "offset" },
        { "/api/timeline?limit=0", 400, "limit" },
        { "/api/timeline?offset=-3", 400, "offset" },
        { "/api/timeline?top=0", 400, "top" },
        { "/api/timeline?top=abc", 400, "top" },
        { "/api/related/d2e020d46928-33?offset=995&limit=10", 400, "1000" },
        { "/api/related/d2e020d46928-33?offset=x", 400, "offset" },
        { "/api/signals?evidence=-1", 400, "evidence" },
        { "/api/signals/no-such-signal", 404, "no-such-signal" },
        { "/api/signals/n2-volume-production?limit=0", 400, "limit" },
        { "/api/rank?offset=-1", 400, "offset" },
        { "/api/entities/Rapidus?offset=-1", 400, "offset" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task Bad_requests_are_problem_json(string route, int status, string mentioned)
    {
        using var client = web.Client();
        var response = await client.GetAsync(route);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{route}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains(mentioned, detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);   // never a stack trace
        Assert.DoesNotContain('\n', detail);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task The_server_is_read_only(string method)
    {
        using var client = web.Client();
        var before = await client.GetStringAsync("/api/documents");
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/documents/001"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(before, await client.GetStringAsync("/api/documents"));
    }

    [Theory]
    [InlineData("/api/documents/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/documents/%2Fetc%2Fpasswd/source")]
    [InlineData("/documents/%2Fetc%2Fpasswd")]
    [InlineData("/static/..%2F..%2FFukan.Web.csproj")]
    [InlineData("/static/%2Fetc%2Fpasswd")]
    [InlineData("/api/minutes/..%2Fweb.db")]
    public async Task No_route_reads_a_file_outside_the_knowledge_base(string route)
    {
        using var client = web.Client();
        var response = await client.GetAsync(route);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<Project", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite format", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_lists_every_route()
    {
        using var client = web.Client();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("3.", doc["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var route in new[]
        {
            "/api/documents", "/api/documents/{doc}", "/api/documents/{doc}/outline", "/api/documents/{doc}/source", "/api/landscape",
            "/api/areas/{areaId}", "/api/gaps", "/api/diff", "/api/search", "/api/related/{passageId}", "/api/facts", "/api/timeline",
            "/api/entities", "/api/entities/{name}", "/api/minutes/{doc}", "/api/signals", "/api/signals/{id}", "/api/rank", "/api/money",
        })
            Assert.Contains(route, paths);
        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/", StringComparison.Ordinal));   // pages stay out of the API document
        Assert.NotNull(doc["paths"]!["/api/search"]!["get"]!["responses"]!["400"]);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/documents")]
    [InlineData("/api/nosuchroute")]
    [InlineData("/documents/nosuchdoc")]
    public async Task Every_response_carries_a_strict_content_security_policy(string route)
    {
        using var client = web.Client();
        var response = await client.GetAsync(route);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }

    private static string Head(string s) => s.Length <= 600 ? s : s[..600] + "…";
}
