using Fukan.Tests.Landscape;
using Fukan.Tests.Support;
using Fukan.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Fukan.Tests.Web;

/// <summary>
/// A knowledge base for the web tests: the four seeds, a second edition of seed 001 derived at run time (so the diff
/// has changed cells), and a hostile document whose title, headings, sentences, links and file name carry markup and
/// script. Served in process through <see cref="WebApplicationFactory{TEntryPoint}"/> (API tests) and, on demand, by
/// a real Kestrel server on a free loopback port (browser tests).
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private FukanWebFactory? _factory;
    private WebApplication? _kestrel;

    public string DbPath => _dir.File("web.db");

    /// <summary>The hostile document's file name: markup in a path must stay text too.</summary>
    public const string XssFileName = "xss-<i>'.md";

    public const string XssDocument = """
        ---
        title: "XSS <script>window.__xss='title'</script> 報告 <img src=x onerror=window.__xss='titleimg'>"
        date: 2026-01-10
        ---
        # 攻撃的な文書 <img src=x onerror="window.__xss='heading'">

        ## 1. 概要 <script>window.__xss='h2'</script>

        Rapidusは2027年3月に全固体電池の量産を開始する予定である]]><script>window.__xss='cdata'</script>。

        詳しくは[こちら](javascript:window.__xss='link')と<a href="javascript:window.__xss='a'">リンク</a>を参照。

        2025年4月に<img src=x onerror="window.__xss='img'">が発表された]]>。

        予算は100億円<svg onload="window.__xss='svg'"></svg>である。2028年度までに<iframe src="javascript:window.__xss='iframe'"></iframe>を導入する計画である。
        """;

    public async ValueTask InitializeAsync()
    {
        _dir.Write("edition2025.txt", LandscapeStoreFixture.DeriveEdition(File.ReadAllText(Seeds.Path("001"))));
        _dir.Write(XssFileName, XssDocument);
        var args = new List<string> { "--db", DbPath, "ingest", "--quiet" };
        args.AddRange(Directory.GetFiles(Seeds.Directory));
        args.Add(_dir.File("edition2025.txt"));
        args.Add(_dir.File(XssFileName));
        var r = await Support.Cli.RunAsync(args.ToArray());
        if (r.ExitCode != 0) throw new InvalidOperationException(r.ToString());
    }

    /// <summary>An in-memory server over the knowledge base (Microsoft.AspNetCore.Mvc.Testing).</summary>
    public HttpClient Client()
    {
        _factory ??= new FukanWebFactory(DbPath);
        return _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    /// <summary>The CLI on the same knowledge base.</summary>
    public Task<Support.Cli.Result> CliAsync(params string[] args) => Support.Cli.RunAsync(["--db", DbPath, .. args]);

    /// <summary>A real Kestrel server on a free loopback port, started once; its base address.</summary>
    public async Task<string> KestrelAsync()
    {
        if (_kestrel is not null) return Address(_kestrel);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddFukanWeb(new FukanWebOptions { Database = DbPath });
        var app = builder.Build();
        app.UseFukanWeb();
        await app.StartAsync();
        _kestrel = app;
        return Address(app);
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    public async ValueTask DisposeAsync()
    {
        if (_kestrel is not null) await _kestrel.DisposeAsync();
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}

/// <summary>
/// The web host in a test server. The app has no Program of its own (it is a library the CLI hosts), so the host
/// is built here from the same two calls <c>fukan serve</c> makes; the CLI's entry point only anchors the factory.
/// </summary>
internal sealed class FukanWebFactory(string db) : WebApplicationFactory<Program>
{
    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.ClearProviders())
            .ConfigureWebHost(web => web
                .UseContentRoot(AppContext.BaseDirectory)
                .ConfigureServices(s => s.AddFukanWeb(new FukanWebOptions { Database = db }))
                .Configure(app => app.UseFukanWeb()));
}
