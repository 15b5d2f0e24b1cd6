using Microsoft.Playwright;
using Xunit;

namespace Fukan.Tests.Web;

/// <summary>
/// Debian's Chromium driven by Playwright against a real Kestrel server: a browser to click through. Locally a
/// missing /usr/bin/chromium skips these tests (`scripts/install-test-deps.sh` installs it); on CI (CI=true) it fails.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public WebFixture Web { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public IBrowser? Browser { get; private set; }

    private IPlaywright? _playwright;

    /// <summary>Where screenshots go (a test output folder).</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return;
        // The machine is shared and slow at times: wait for a state up to 15 s rather than 5.
        Assertions.SetDefaultExpectTimeout(15_000);
        await Web.InitializeAsync();
        BaseUrl = await Web.KestrelAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A fresh page at laptop width that fails the test on a script error, a CSP violation or a dialog.</summary>
    public async Task<(IPage Page, List<string> Problems)> PageAsync()
    {
        if (Browser is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail($"{ChromiumPath} is missing: CI runs the browser tests (apt-get install chromium fonts-noto-cjk)");
            Assert.Skip($"{ChromiumPath} is missing (scripts/install-test-deps.sh installs it)");
        }
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"console: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        page.Dialog += async (_, d) => { problems.Add($"dialog: {d.Message}"); await d.DismissAsync(); };
        return (page, problems);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Web.DisposeAsync();
    }
}

public sealed class BrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private string Url(string path) => fx.BaseUrl + path;

    public static TheoryData<string, string> Pages => new()
    {
        { "/", "overview" },
        { "/documents", "documents" },
        { "/documents/001?lines=5354-5370", "reader" },
        { "/landscape?doc=001", "landscape" },
        { "/areas/2.1.1?doc=001", "area" },
        { "/gaps?doc=001", "gaps" },
        { "/diff?from=001&to=edition2025", "diff" },
        { "/search?q=%E5%85%A8%E5%9B%BA%E4%BD%93%E9%9B%BB%E6%B1%A0", "search" },
        { "/timeline?from=2024&to=2030", "timeline" },
        { "/facts?kind=event", "facts" },
        { "/entities", "entities" },
        { "/entities/Rapidus", "entity" },
        { "/minutes/002", "minutes" },
        { "/signals", "signals" },
        { "/money?by=country", "money" },
        { "/rank?doc=001&sensitivity=on", "rank" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_opens_without_an_error(string path, string name)
    {
        var (page, problems) = await fx.PageAsync();
        var response = await page.GotoAsync(Url(path));
        Assert.Equal(200, response!.Status);
        Assert.EndsWith("· Fukan", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("header nav a").CountAsync() >= 10);
        // The page fits a laptop: the header does not overflow 1280 px.
        var headerWidth = await page.EvaluateAsync<int>("() => document.querySelector('header').scrollWidth");
        Assert.True(headerWidth <= 1280, $"header is {headerWidth}px wide");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png") });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_heatmap_cell_click_lands_on_its_source_lines()
    {
        var (page, problems) = await fx.PageAsync();
        await page.GotoAsync(Url("/landscape?doc=001"));
        var cell = page.Locator("table.heatmap td.cell a.cell-link").First;
        await cell.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("area=", StringComparison.Ordinal));
        var evidence = page.Locator("#evidence");
        await Assertions.Expect(evidence).ToBeVisibleAsync();
        Assert.True(await evidence.Locator("li").CountAsync() > 0, "no evidence bullets");
        var heading = await evidence.Locator("h2").InnerTextAsync();
        await evidence.Locator("a.lines").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/documents/", StringComparison.Ordinal) && u.Contains("lines=", StringComparison.Ordinal));
        var highlighted = page.Locator(".line.hl");
        Assert.True(await highlighted.CountAsync() > 0);
        await Assertions.Expect(highlighted.First).ToBeInViewportAsync();
        // The highlighted lines are the comparison row's own: its rating symbol is among them.
        var text = string.Join("\n", await highlighted.AllInnerTextsAsync());
        var rating = heading[(heading.LastIndexOf(':') + 1)..].Trim()[..1];
        Assert.Contains(rating, text, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "reader-from-cell.png") });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_search_finds_marks_and_pages()
    {
        var (page, problems) = await fx.PageAsync();
        await page.GotoAsync(Url("/search"));
        var box = page.Locator("input[name=q]");
        await box.PressSequentiallyAsync("全固体電池", new LocatorPressSequentiallyOptions { Delay = 30 });
        // Search as you type fills the results without a submit.
        await Assertions.Expect(page.Locator("li.hit").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.hit mark").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("全固体|固体|電池"));
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("q=", StringComparison.Ordinal));
        var first = await page.Locator("li.hit .hit-head a.title").First.InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(first));
        await page.Locator("a.next").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("offset=20", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("ol.hits")).ToHaveAttributeAsync("start", "21");
        await page.Locator("li.hit a.lines").First.ClickAsync();
        await Assertions.Expect(page.Locator(".line.hl").First).ToBeInViewportAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Changing_a_weight_recomputes_the_ranking()
    {
        var (page, problems) = await fx.PageAsync();
        await page.GotoAsync(Url("/rank?doc=001"));
        var before = await page.Locator("#ranking tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.area)");
        Assert.True(before.Length > 5);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "rank-before.png"), FullPage = false });
        foreach (var other in new[] { "basicPosition", "appliedPosition", "gapToLeader", "trend", "globalMomentum", "basicNotApplied", "emergence", "investment" })
            await page.Locator($"input[name='w.{other}']").EvaluateAsync("(e) => { e.value = '0'; }");
        var attention = page.Locator("input[name='w.attention']");
        await attention.FillAsync("1");
        await attention.DispatchEventAsync("change");
        await page.WaitForURLAsync(u => u.Contains("w.attention=1", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("input[name='w.attention']")).ToHaveValueAsync("1");
        var after = await page.Locator("#ranking tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.area)");
        Assert.Equal(before.Length, after.Length);
        Assert.NotEqual(before, after);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_timeline_milestone_links_to_its_lines()
    {
        var (page, problems) = await fx.PageAsync();
        await page.GotoAsync(Url("/timeline?from=2024&to=2030"));
        var milestone = page.Locator(".timeline-svg svg a").First;
        Assert.False(string.IsNullOrWhiteSpace(await milestone.Locator("title").TextContentAsync()));   // hover text
        await milestone.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("lines=", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".line.hl").First).ToBeInViewportAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Money_regroups_from_its_form_and_an_amount_opens_its_lines()
    {
        var (page, problems) = await fx.PageAsync();
        await page.GotoAsync(Url("/money"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Money by entity");
        await page.Locator("select[name=by]").SelectOptionAsync("country");
        await page.WaitForURLAsync(u => u.Contains("by=country", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Money by country");
        var row = page.Locator("table.money tbody tr").First;
        await row.Locator("summary").ClickAsync();
        var amount = row.Locator("details ul a.lines").First;
        await Assertions.Expect(amount).ToBeVisibleAsync();
        await amount.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/documents/", StringComparison.Ordinal) && u.Contains("lines=", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".line.hl").First).ToBeInViewportAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_hostile_document_stays_inert()
    {
        var (page, problems) = await fx.PageAsync();
        await page.GotoAsync(Url("/documents"));
        var link = page.Locator("table.grid a", new PageLocatorOptions { HasTextString = "XSS <script>" }).First;
        var href = await link.GetAttributeAsync("href");
        Assert.NotNull(href);
        var id = href!["/documents/".Length..];
        foreach (var path in new[]
        {
            "/", "/documents", $"/documents/{id}", $"/documents/{id}?lines=1-12", "/search?q=Rapidus", "/timeline?from=2024&to=2030&group=document",
            $"/facts?kind=event&doc={id}", $"/facts?kind=date&doc={id}", $"/facts?kind=quantity&doc={id}", "/entities/Rapidus", "/signals",
            $"/money?doc={id}",
        })
        {
            await page.GotoAsync(Url(path));
            var state = await page.EvaluateAsync<string>("""
                () => JSON.stringify({
                  xss: typeof window.__xss === 'undefined' ? null : String(window.__xss),
                  scripts: [...document.scripts].map(s => s.getAttribute('src')),
                  handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)),
                  jsLinks: [...document.querySelectorAll('[href],[src],[action]')].map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action')).filter(v => /^\s*javascript:/i.test(v)),
                  frames: document.querySelectorAll('iframe, object, embed').length,
                })
                """);
            Assert.Equal("{\"xss\":null,\"scripts\":[\"/static/app.js\"],\"handlers\":[],\"jsLinks\":[],\"frames\":0}", state);
        }
        // The markup is shown as text, exactly as written.
        await page.GotoAsync(Url($"/documents/{id}"));
        var text = await page.Locator("#source").InnerTextAsync();
        Assert.Contains("]]><script>window.__xss='cdata'</script>", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"javascript:window.__xss='a'\">", text, StringComparison.Ordinal);
        Assert.Contains("XSS <script>", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
