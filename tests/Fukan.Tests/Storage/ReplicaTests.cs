using System.Diagnostics;
using Fukan.Storage;
using Fukan.Tests.Support;
using Npgsql;
using Xunit;

namespace Fukan.Tests.Storage;

/// <summary>
/// Read replicas for real: a streaming replica of the test server (<c>pg_basebackup -R</c>) on another loopback port.
/// One location names both hosts; readers prefer the standby, ingest goes to the primary.
/// </summary>
public sealed class ReplicaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ViewsReadFromTheReplica_IngestWritesToThePrimary_AndReplayedDocumentsAnswer()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.Require());
        var bin = Environment.GetEnvironmentVariable("FUKAN_TEST_PG_BIN");
        if (string.IsNullOrEmpty(bin)) Assert.Skip("FUKAN_TEST_PG_BIN unset: the replica test needs the test cluster ./test.sh starts");
        await using var db = await TestStoreLocation.CreateAsync("postgres");
        var primary = new NpgsqlConnectionStringBuilder(db.Location);
        await using (var store = await db.OpenAsync()) await store.SaveAsync(SeedDocuments.Get("002"), Ct);

        using var dir = new TempDir();
        var data = Path.Combine(dir.Path, "replica");
        var runAs = Environment.GetEnvironmentVariable("FUKAN_TEST_PG_RUNAS");
        if (!string.IsNullOrEmpty(runAs)) await ExecAsync("chown", runAs, dir.Path);
        await RunAsync(runAs, Path.Combine(bin, "pg_basebackup"), "-h", admin.Host!, "-p", admin.Port.ToString(), "-U", admin.Username!, "-D", data, "-R", "-X", "stream", "-c", "fast");
        int port = FreePort();
        // A hot standby needs at least the primary's connection slots.
        var connections = await TestPostgres.ScalarAsync(db.Location, "SHOW max_connections");
        var log = Path.Combine(dir.Path, "replica.log");
        try
        {
            await RunAsync(runAs, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", log, "-w", "-t", "60",
                "-o", $"-p {port} -k {dir.Path} -c listen_addresses=127.0.0.1 -c hot_standby=on -c max_connections={connections} -c fsync=off", "start");
        }
        catch (Exception) when (File.Exists(log))
        {
            Assert.Fail("the replica did not start:\n" + File.ReadAllText(log));
        }
        try
        {
            var both = new NpgsqlConnectionStringBuilder(db.Location)
            {
                Host = $"{primary.Host}:{primary.Port},127.0.0.1:{port}",
                TargetSessionAttributes = "prefer-standby",
            };
            both.Remove("Port");
            await using var reader = await KnowledgeBase.OpenAsync(both.ConnectionString, StoreAccess.Read, cancellationToken: Ct);
            Assert.Single(await reader.ListDocumentsAsync(Ct));

            // Ingest with the same location: it writes to the primary (the standby refuses writes).
            var ingest = await Support.Cli.RunAsync("--db", both.ConnectionString, "ingest", Seeds.Path("000"));
            Assert.True(ingest.ExitCode == 0, ingest.ToString());
            Assert.Contains("1 new", ingest.Out);

            // The replica answers it once replayed.
            var deadline = Stopwatch.StartNew();
            while ((await reader.ListDocumentsAsync(Ct)).Count < 2 && deadline.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(100, Ct);
            Assert.Equal(2, (await reader.ListDocumentsAsync(Ct)).Count);
            Assert.NotEmpty(reader.Search.Search(Fukan.Search.SearchQueryParser.Parse("全固体電池"), Fukan.Search.SearchOptions.Default));

            // The reader's sessions are on the standby.
            await using var probe = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(both.ConnectionString) { Pooling = false }.ConnectionString);
            await probe.OpenAsync(Ct);
            await using var cmd = new NpgsqlCommand("SELECT pg_is_in_recovery(), inet_server_port()", probe);
            await using var r = await cmd.ExecuteReaderAsync(Ct);
            await r.ReadAsync(Ct);
            Assert.True(r.GetBoolean(0));
            Assert.Equal(port, r.GetInt32(1));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try { await RunAsync(runAs, Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"); }
            catch (Exception e) when (e.GetType().Name.Contains("Assert", StringComparison.Ordinal)) { }   // it never started: the failure above says why
        }
    }

    private static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        int port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>Runs a server tool, as <paramref name="runAs"/> when the tests run as root (PostgreSQL refuses root).</summary>
    private static async Task RunAsync(string? runAs, string file, params string[] args)
    {
        if (string.IsNullOrEmpty(runAs)) { await ExecAsync(file, args); return; }
        await ExecAsync("setpriv", ["--reuid=" + runAs, "--regid=nogroup", "--clear-groups", "--", file, .. args]);
    }

    private static async Task ExecAsync(string file, params string[] args)
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.Require());
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = "/" };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PGPASSWORD"] = admin.Password;
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"{file} {string.Join(' ', args)}: exit {p.ExitCode}\n{await output}\n{await err}");
    }
}
