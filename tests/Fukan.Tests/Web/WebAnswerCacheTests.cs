using System.Net;
using System.Text.Json.Nodes;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Web;

/// <summary>
/// The server remembers whole-corpus answers (money, timelines, signals, landscapes, fact pages) only while the
/// knowledge base is unchanged: an ingest by another writer is seen on the next request, and every answer then
/// equals the CLI's on the grown knowledge base.
/// </summary>
public sealed class WebAnswerCacheTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private FukanWebFactory? _factory;

    private string Db => _dir.File("cache.db");

    public async ValueTask InitializeAsync()
    {
        var r = await Support.Cli.RunAsync("--db", Db, "ingest", "--quiet", Seeds.Path("000"));
        Assert.True(r.ExitCode == 0, r.ToString());
        _factory = new FukanWebFactory(Db);
    }

    [Fact]
    public async Task An_ingest_by_another_writer_is_seen_on_the_next_request()
    {
        using var client = _factory!.CreateClient();
        string[] routes = ["/api/money?by=year", "/api/timeline", "/api/timeline?limit=2", "/api/facts?kind=date&limit=5", "/api/signals"];
        var before = new Dictionary<string, (string Body, string? Total)>();
        foreach (var route in routes) before[route] = await GetAsync(client, route);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/landscape")).StatusCode);   // no report yet

        // Another writer adds documents while the server runs.
        var r = await Support.Cli.RunAsync("--db", Db, "ingest", "--quiet", Seeds.Path("003"), Seeds.Path("001"));
        Assert.True(r.ExitCode == 0, r.ToString());

        foreach (var route in routes)
        {
            var after = await GetAsync(client, route);
            // A page's rows may stay the same (the first five dates); its total may not.
            if (before[route].Total is { } t) Assert.True(int.Parse(after.Total!) > int.Parse(t), $"{route}: total {t} → {after.Total}");
            else Assert.NotEqual(before[route].Body, after.Body);
        }
        Assert.Equal(3, JsonNode.Parse((await GetAsync(client, "/api/signals")).Body)!["documents"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/landscape")).StatusCode);   // a missing answer was not remembered

        // And the remembered answers are the CLI's on the grown knowledge base.
        foreach (var (route, command) in new[] { ("/api/money?by=year", "money --by year"), ("/api/timeline", "timeline --all"), ("/api/signals", "signals") })
        {
            var cli = await Support.Cli.RunAsync(["--db", Db, .. Contracts.CliJsonGoldenTests.Words(command), "--json"]);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli.Out), JsonNode.Parse((await GetAsync(client, route)).Body)), $"{route} differs from `fukan {command} --json`");
        }
    }

    private static async Task<(string Body, string? Total)> GetAsync(HttpClient client, string route)
    {
        var response = await client.GetAsync(route);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {(int)response.StatusCode} {body}");
        return (body, response.Headers.TryGetValues("X-Total-Count", out var v) ? string.Join("", v) : null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
