using System.Text.RegularExpressions;
using Fukan.Cli;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Web;

/// <summary><c>fukan serve</c> as a user runs it: it prints the URL, answers, stops on cancel; bad input is one line.</summary>
public sealed partial class ServeCliTests(SeedStoreFixture seeds) : IClassFixture<SeedStoreFixture>
{
    [Fact]
    public async Task Serve_prints_its_url_answers_and_stops_on_cancel()
    {
        var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        var error = new StringWriter();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var run = FukanCli.RunAsync(["--db", seeds.DbPath, "serve", "--port", "0"], synced, TextWriter.Synchronized(error), false, cts.Token);
        string? url = null;
        for (int i = 0; i < 600 && url is null && !run.IsCompleted; i++)
        {
            await Task.Delay(100);
            lock (synced) { if (Url().Match(output.ToString()) is { Success: true } m) url = m.Groups[1].Value; }
        }
        Assert.True(url is not null, $"no URL printed: {output} {error}");
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        using var http = new HttpClient();
        var docs = await http.GetStringAsync(url + "/api/documents");
        Assert.Contains("\"kind\":\"report\"", docs, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, (await http.PostAsync(url + "/api/documents", null)).StatusCode);
        await cts.CancelAsync();
        Assert.Equal(0, await run);
        Assert.Equal("", error.ToString());   // loopback: no warning
    }

    [Theory]
    [InlineData(1, "--db", "/nonexistent/kb.db", "serve")]
    [InlineData(2, "serve", "--host", "not-an-address")]
    [InlineData(2, "serve", "--port", "70000")]
    [InlineData(2, "serve", "--port", "abc")]
    public async Task Bad_serve_arguments_are_one_line(int exit, params string[] args)
    {
        var full = args[0] == "--db" ? args : ["--db", seeds.DbPath, .. args];
        var r = await Support.Cli.RunAsync(full);
        Assert.Equal(exit, r.ExitCode);
        Assert.StartsWith("fukan: ", r.Err, StringComparison.Ordinal);
        Assert.True(r.Err.Trim().Split('\n').Length <= 2, r.Err);
    }

    [GeneratedRegex(@"at (http://\S+) ")]
    private static partial Regex Url();
}
