using Fukan.Storage;
using Npgsql;
using Xunit;

namespace Fukan.Tests.Support;

/// <summary>
/// A PostgreSQL server for the tests: <c>FUKAN_TEST_PG</c> (a superuser connection string; ./test.sh starts a
/// throwaway cluster and sets it). Without it the PostgreSQL tests skip locally, saying so, and fail on CI
/// (<c>CI=true</c>) or when ./test.sh found PostgreSQL installed (<c>FUKAN_REQUIRE_PG=1</c>).
/// </summary>
public static class TestPostgres
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("FUKAN_TEST_PG") is { Length: > 0 } s ? s : null;

    /// <summary>The server's connection string, or a skip (locally) / failure (CI) when there is none.</summary>
    public static string Require()
    {
        if (ConnectionString is { } s) return s;
        if (Environment.GetEnvironmentVariable("CI") == "true" || Environment.GetEnvironmentVariable("FUKAN_REQUIRE_PG") == "1")
            Assert.Fail("PostgreSQL is required here (CI or FUKAN_REQUIRE_PG=1) but FUKAN_TEST_PG is not set: run ./test.sh");
        Assert.Skip("no PostgreSQL server (FUKAN_TEST_PG unset; ./test.sh starts one)");
        return "";
    }

    /// <summary>A new, empty database; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = Require();
        var name = "fukan_t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(Require());
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>One value from the database (the tests' own look at what a store wrote).</summary>
    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return await cmd.ExecuteScalarAsync();
    }
}

/// <summary>An empty knowledge base location on one engine ("sqlite" or "postgres"), removed at dispose.</summary>
public sealed class TestStoreLocation : IAsyncDisposable
{
    private readonly TempDir? _dir;

    private TestStoreLocation(string engine, string location, TempDir? dir)
    {
        Engine = engine;
        Location = location;
        _dir = dir;
    }

    public string Engine { get; }

    /// <summary>What <see cref="KnowledgeBase.OpenAsync"/> and <c>--db</c> take.</summary>
    public string Location { get; }

    public static async Task<TestStoreLocation> CreateAsync(string engine)
    {
        if (engine == "postgres") return new TestStoreLocation(engine, await TestPostgres.CreateDatabaseAsync(), null);
        var dir = new TempDir();
        return new TestStoreLocation(engine, dir.File("kb.db"), dir);
    }

    public Task<IKnowledgeStore> OpenAsync(StoreAccess access = StoreAccess.Write) => KnowledgeBase.OpenAsync(Location, access);

    public async ValueTask DisposeAsync()
    {
        if (Engine == "postgres") await TestPostgres.DropDatabaseAsync(Location);
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _dir?.Dispose();
        }
    }
}
