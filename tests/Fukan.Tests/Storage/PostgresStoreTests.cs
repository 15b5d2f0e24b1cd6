using Fukan.Storage;
using Fukan.Tests.Support;
using Npgsql;
using Xunit;

namespace Fukan.Tests.Storage;

/// <summary>What only a server has: locations, failures as one line, schema versions.</summary>
public sealed class PostgresStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AServerThatIsDown_IsOneLineNamingTheHost_AndExit1()
    {
        var e = await Assert.ThrowsAsync<StoreException>(() => KnowledgeBase.OpenAsync("postgresql://fukan:s3cret@127.0.0.1:1/fukan", StoreAccess.Read));
        Assert.Contains("127.0.0.1:1", e.Message);
        Assert.Contains("cannot connect", e.Message);
        Assert.DoesNotContain("s3cret", e.Message);
        Assert.DoesNotContain("\n", e.Message);

        var cli = await Support.Cli.RunAsync("--db", "Host=127.0.0.1;Port=1;Username=fukan;Password=s3cret;Database=fukan", "docs");
        Assert.Equal(1, cli.ExitCode);
        Assert.Single(cli.Err.Trim().Split('\n'));
        Assert.DoesNotContain("s3cret", cli.Err);
        Assert.DoesNotContain("   at ", cli.Err);
    }

    [Fact]
    public async Task AWrongPasswordOrAMissingDatabase_IsOneLineWithTheReason()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.Require());
        var wrong = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Password = "not-the-password" };
        var e = await Assert.ThrowsAsync<StoreException>(() => KnowledgeBase.OpenAsync(wrong.ConnectionString, StoreAccess.Write));
        Assert.Contains($"{admin.Host}:{admin.Port}", e.Message);
        Assert.Contains("authentication failed", e.Message);
        Assert.DoesNotContain("not-the-password", e.Message);

        var url = $"postgresql://{admin.Username}:{Uri.EscapeDataString(admin.Password!)}@{admin.Host}:{admin.Port}/no_such_db_here";
        var missing = await Assert.ThrowsAsync<StoreException>(() => KnowledgeBase.OpenAsync(url, StoreAccess.Read));
        Assert.Contains("database \"no_such_db_here\" does not exist", missing.Message);
        Assert.DoesNotContain(admin.Password!, missing.Message);
    }

    [Fact]
    public async Task AUrlLocation_OpensTheSameStoreAsItsKeyValueForm()
    {
        await using var location = await TestStoreLocation.CreateAsync("postgres");
        var b = new NpgsqlConnectionStringBuilder(location.Location);
        await using (var store = await location.OpenAsync()) await store.SaveAsync(SeedDocuments.Get("002"), Ct);
        var url = $"postgres://{b.Username}:{Uri.EscapeDataString(b.Password!)}@{b.Host}:{b.Port}/{b.Database}?application_name=fukan-test";
        await using var viaUrl = await KnowledgeBase.OpenAsync(url, StoreAccess.Read);
        Assert.Single(await viaUrl.ListDocumentsAsync(Ct));
        Assert.DoesNotContain(b.Password!, viaUrl.Location);
    }

    [Fact]
    public async Task ANewerSchema_IsRefused_AndAnotherApplicationsDatabaseLeftUntouched()
    {
        await using var location = await TestStoreLocation.CreateAsync("postgres");
        await using (await location.OpenAsync()) { }
        await TestPostgres.ScalarAsync(location.Location, "INSERT INTO fukan_schema(version) VALUES (99)");
        var e = await Assert.ThrowsAsync<StoreException>(() => location.OpenAsync());
        Assert.Contains("newer", e.Message);

        await using var other = await TestStoreLocation.CreateAsync("postgres");
        await TestPostgres.ScalarAsync(other.Location, "CREATE TABLE documents(x int)");
        var refused = await Assert.ThrowsAsync<StoreException>(() => other.OpenAsync());
        Assert.Contains("not a Fukan knowledge base", refused.Message);
        Assert.Equal(1L, await TestPostgres.ScalarAsync(other.Location, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }
}
