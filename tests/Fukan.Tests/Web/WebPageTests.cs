using System.Text.Json.Nodes;
using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Fukan.Tests.Web;

/// <summary>
/// The server-rendered pages through the in-memory test server: each answers HTML with the knowledge base in it,
/// links provenance to the reader, and carries document text only escaped (the hostile document included).
/// </summary>
public sealed partial class WebPageTests(WebFixture web) : IClassFixture<WebFixture>
{
    public static TheoryData<string, string> EveryPage => new()
    {
        { "/", "Watchlist verdicts" },
        { "/documents", "ナノテクノロジー" },
        { "/documents/001", "ナノテクノロジー" },
        { "/documents/001?lines=5354-5370", "line hl" },
        { "/landscape", "heatmap" },
        { "/landscape?doc=001&country=JP,US&phase=basic", "heatmap" },
        { "/landscape?doc=001&area=2.1.1&c=JP&slot=0", "id=\"evidence\"" },
        { "/areas/2.1.1?doc=001", "蓄電デバイス" },
        { "/gaps?doc=001&country=JP", "Gaps: JP" },
        { "/diff", "Pick two editions" },
        { "/diff?from=001&to=edition2025", "changed" },
        { "/search", "role=\"search\"" },
        { "/search?q=%E5%85%A8%E5%9B%BA%E4%BD%93%E9%9B%BB%E6%B1%A0", "<mark>" },
        { "/search?q=%E5%85%A8%E5%9B%BA%E4%BD%93%E9%9B%BB%E6%B1%A0&offset=20", "previous" },
        { "/timeline", "<svg" },
        { "/timeline?group=actor", $"Timeline {DateTime.UtcNow.Year - 2}–{DateTime.UtcNow.Year + 8}" },   // without a range: the years around now
        { "/timeline?from=2024&to=2030&group=actor", "<svg" },
        { "/timeline?from=2024&to=2030", "<option value=\"top\" selected=\"selected\">the 20 most salient</option>" },
        { "/timeline?from=2024&to=2030&top=5", "the 5 most salient" },
        { "/timeline?from=2024&to=2030&show=all", "<option value=\"all\" selected=\"selected\">every milestone</option>" },
        { "/facts", "Facts: quantity" },
        { "/facts?kind=statement", "Facts: statement" },
        { "/entities", "Entities" },
        { "/entities?type=org", "Entities" },
        { "/entities/Rapidus", "Rapidus" },
        { "/minutes/002", "Attendees" },
        { "/signals", "verdict" },
        { "/money", "Money by entity" },
        { "/money?by=year&currency=JPY&after=2020", "Money by year" },
        { "/money?by=tech&offset=10", "previous" },
        { "/rank", "id=\"ranking\"" },
        { "/rank?method=topsis&sensitivity=on&w.emergence=0.5", "stability" },
    };

    [Theory]
    [MemberData(nameof(EveryPage))]
    public async Task Page_renders(string route, string expected)
    {
        using var client = web.Client();
        var response = await client.GetAsync(route);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {(int)response.StatusCode} {html[..Math.Min(400, html.Length)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        AssertInert(route, html);
    }

    [Fact]
    public async Task Reader_highlights_exactly_the_lines_asked_for()
    {
        using var client = web.Client();
        var html = await client.GetStringAsync("/documents/001?lines=5354-5370");
        var highlighted = HighlightedLine().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(5354, 17), highlighted);
        var source = (await web.CliAsync("source", "001", "--lines", "5360")).Out.TrimEnd('\n');
        Assert.Contains(System.Net.WebUtility.HtmlEncode(source), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_page_shows_the_most_salient_milestones_unless_asked_for_all()
    {
        using var client = web.Client();
        static int Milestones(string html) => Regex.Matches(html, "<td class=\"status-").Count;
        int top5 = Milestones(await client.GetStringAsync("/timeline?from=2024&to=2030&top=5"));
        int top20 = Milestones(await client.GetStringAsync("/timeline?from=2024&to=2030"));
        int all = Milestones(await client.GetStringAsync("/timeline?from=2024&to=2030&show=all"));
        Assert.InRange(top5, 1, 5);
        Assert.InRange(top20, top5, 20);
        Assert.True(all > top20, $"all {all}, top 20 {top20}");
    }

    [Fact]
    public async Task Every_provenance_link_opens_the_reader_at_real_lines()
    {
        using var client = web.Client();
        var links = new HashSet<string>();
        foreach (var page in new[] { "/gaps?doc=001", "/signals", "/timeline?from=2024&to=2030", "/facts?kind=event", "/areas/2.1.1?doc=001" })
            foreach (Match m in LinesLink().Matches(await client.GetStringAsync(page))) links.Add(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
        Assert.True(links.Count >= 20, $"only {links.Count} provenance links");
        foreach (var link in links.Take(25))
        {
            var response = await client.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, link);
            Assert.Contains("line hl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Csv_downloads_of_the_current_view()
    {
        using var client = web.Client();
        foreach (var (route, header) in new[]
        {
            ("/landscape.csv?doc=001&country=JP", "documentId,areaId,area"),
            ("/facts.csv?kind=quantity&doc=000", "text,value,valueMax"),
            ("/timeline.csv?from=2024&to=2030", "lane,start,end"),
            ("/rank.csv?method=topsis", "rank,areaId,title"),
            ("/money.csv?by=country", "group,label,type,currency"),
        })
        {
            var response = await client.GetAsync(route);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
            Assert.StartsWith(header, text, StringComparison.Ordinal);
            Assert.True(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 2, route);
        }
        var jp = (await client.GetStringAsync("/landscape.csv?doc=001&country=JP")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1);
        Assert.All(jp, line => Assert.Contains(",JP,", line, StringComparison.Ordinal));
        var facts = await web.CliAsync("facts", "--kind", "quantity", "--doc", "000", "--csv");
        Assert.Equal(facts.Out, (await client.GetStringAsync("/facts.csv?kind=quantity&doc=000")).TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task Money_csv_has_every_amount_of_the_api_answer()
    {
        using var client = web.Client();
        var groups = JsonNode.Parse(await client.GetStringAsync("/api/money?by=year&currency=JPY"))!.AsArray();
        var csv = (await client.GetStringAsync("/money.csv?by=year&currency=JPY")).TrimStart('\uFEFF');
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(groups.Sum(g => g!["amounts"]!.AsArray().Count), rows.Count);
        Assert.All(rows, r => Assert.Contains(",JPY,", r, StringComparison.Ordinal));
        // Each group's total on the page is the sum of its amounts in the CSV (values are plain numbers there).
        foreach (var g in groups)
        {
            var key = g!["key"]!.GetValue<string>();
            var sum = rows.Where(r => r.StartsWith(key + ",", StringComparison.Ordinal)).Sum(r => decimal.Parse(r.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(g["totals"]![0]!["total"]!.GetValue<decimal>(), sum);
        }
        var page = await client.GetStringAsync("/money?by=year&currency=JPY");
        Assert.Contains($"Money by year ({groups.Count})", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rank_page_pages_its_areas_in_the_api_order()
    {
        using var client = web.Client();
        var areas = JsonNode.Parse(await client.GetStringAsync("/api/rank?method=topsis"))!["areas"]!.AsArray()
            .Select(a => a!["areaId"]!.GetValue<string>()).ToList();
        Assert.True(areas.Count > 3);
        var html = await client.GetStringAsync("/rank?method=topsis&offset=3");
        Assert.Equal(areas.Skip(3).Take(100).ToList(), RankedAreas(html));
        Assert.Contains("previous", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/rank?method=topsis&amp;offset=0\"", html, StringComparison.Ordinal);   // the question kept, the offset changed
    }

    [Fact]
    public async Task Edited_weights_change_the_ranking()
    {
        using var client = web.Client();
        var before = RankedAreas(await client.GetStringAsync("/rank?doc=001"));
        var after = RankedAreas(await client.GetStringAsync("/rank?doc=001&w.emergence=0&w.basicPosition=0&w.appliedPosition=0&w.gapToLeader=0&w.trend=0&w.globalMomentum=0&w.basicNotApplied=0&w.investment=0&w.attention=1"));
        Assert.Equal(before.Count, after.Count);
        Assert.NotEqual(before, after);
    }

    [Theory]
    [InlineData("/documents/nosuchdoc", 404)]
    [InlineData("/documents/001?lines=9-2", 400)]
    [InlineData("/areas/9.9.9?doc=001", 404)]
    [InlineData("/search?q=AI&offset=abc", 400)]
    [InlineData("/rank?w.nosuch=1", 400)]
    [InlineData("/nosuchpage", 404)]
    public async Task Bad_requests_are_an_html_page_naming_the_reason(string route, int status)
    {
        using var client = web.Client();
        var response = await client.GetAsync(route);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("class=\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hostile_document_reaches_every_page_escaped()
    {
        using var client = web.Client();
        var docs = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/documents"))!.AsArray();
        var xss = docs.Single(d => d!["path"]!.GetValue<string>().EndsWith(WebFixture.XssFileName, StringComparison.Ordinal))!;
        var id = xss["id"]!.GetValue<string>()[..12];
        Assert.Contains("<script>", xss["title"]!.GetValue<string>(), StringComparison.Ordinal);   // stored as written
        var pages = new[]
        {
            "/", "/documents", $"/documents/{id}", $"/documents/{id}?lines=1-12", "/search?q=Rapidus", "/search?q=%E5%85%A8%E5%9B%BA%E4%BD%93%E9%9B%BB%E6%B1%A0",
            "/timeline?from=2024&to=2030", "/timeline?from=2024&to=2030&group=document", $"/facts?kind=event&doc={id}", $"/facts?kind=date&doc={id}",
            $"/facts?kind=quantity&doc={id}", "/entities", "/entities/Rapidus", "/signals", "/money", $"/money?doc={id}&by=year",
        };
        bool sawTitle = false;
        foreach (var page in pages)
        {
            var html = await client.GetStringAsync(page);
            AssertInert(page, html);
            sawTitle |= html.Contains("XSS &lt;script&gt;", StringComparison.Ordinal);
        }
        Assert.True(sawTitle, "the hostile title never showed (escaped) on any page");
        var reader = await client.GetStringAsync($"/documents/{id}");
        Assert.Contains("]]&gt;&lt;script&gt;window.__xss=&#39;cdata&#39;&lt;/script&gt;", reader, StringComparison.Ordinal);
        Assert.Contains("[こちら](javascript:window.__xss=&#39;link&#39;)", reader, StringComparison.Ordinal);
    }

    /// <summary>No markup of the hostile document survives as markup: only the server's own script tag, no handlers, no javascript: URLs.</summary>
    internal static void AssertInert(string route, string html)
    {
        foreach (Match m in ScriptTag().Matches(html))
            Assert.True(m.Value == "<script src=\"/static/app.js\" defer>", $"{route}: unexpected {m.Value}");
        Assert.False(EventHandler().IsMatch(html), $"{route}: an event handler attribute: {EventHandler().Match(html).Value}");
        Assert.False(JavascriptUrl().IsMatch(html), $"{route}: a javascript: URL in an attribute");
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg onload", html, StringComparison.Ordinal);
    }

    private static List<string> RankedAreas(string html) => RankRow().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<div class=\"line hl\" id=\"L(\\d+)\"")]
    private static partial Regex HighlightedLine();

    [GeneratedRegex("href=\"(/documents/[0-9a-f]{12}\\?lines=\\d+-\\d+#L\\d+)\"")]
    private static partial Regex LinesLink();

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<[a-z][^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex("(href|src|action)\\s*=\\s*\"\\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptUrl();

    [GeneratedRegex("<tr data-area=\"([^\"]+)\"")]
    private static partial Regex RankRow();
}
