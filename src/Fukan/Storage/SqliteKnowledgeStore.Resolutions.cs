using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Fukan.Storage;

/// <summary>Conflict resolutions: an append-only table of analysts' decisions, made on the first decision.</summary>
public sealed partial class SqliteKnowledgeStore
{
    private const string ResolutionsTable = """
        CREATE TABLE IF NOT EXISTS conflict_resolutions(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            group_id TEXT NOT NULL,
            preferred TEXT,
            deprecated TEXT NOT NULL,
            note TEXT NOT NULL,
            decided_by TEXT NOT NULL,
            decided_at TEXT NOT NULL)
        """;

    public async Task SaveResolutionAsync(StoredResolution resolution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var writer = Writer;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var tx = writer.BeginTransaction(deferred: false);
            using (var create = Command(writer, ResolutionsTable)) { create.Transaction = tx; create.ExecuteNonQuery(); }
            using var insert = Command(writer, """
                INSERT INTO conflict_resolutions(group_id, preferred, deprecated, note, decided_by, decided_at)
                VALUES ($group, $preferred, $deprecated, $note, $by, $at)
                """);
            insert.Transaction = tx;
            insert.Parameters.AddWithValue("$group", resolution.GroupId);
            insert.Parameters.AddWithValue("$preferred", (object?)resolution.Preferred ?? DBNull.Value);
            insert.Parameters.AddWithValue("$deprecated", JsonSerializer.Serialize(resolution.Deprecated));
            insert.Parameters.AddWithValue("$note", resolution.Note);
            insert.Parameters.AddWithValue("$by", resolution.By);
            insert.Parameters.AddWithValue("$at", resolution.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<IReadOnlyList<StoredResolution>> ListResolutionsAsync(CancellationToken cancellationToken = default)
    {
        using var lease = Rent();
        using (var exists = Command(lease.Connection, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'conflict_resolutions'"))
            if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0) return Task.FromResult<IReadOnlyList<StoredResolution>>([]);
        using var cmd = Command(lease.Connection, """
            SELECT group_id, preferred, deprecated, note, decided_by, decided_at FROM conflict_resolutions r
            WHERE seq = (SELECT max(seq) FROM conflict_resolutions WHERE group_id = r.group_id) ORDER BY group_id
            """);
        return Task.FromResult(Resolutions.Read(cmd.ExecuteReader()));
    }
}

/// <summary>Rows of <c>conflict_resolutions</c> as records, for every engine.</summary>
internal static class Resolutions
{
    public static IReadOnlyList<StoredResolution> Read(System.Data.Common.DbDataReader reader)
    {
        using (reader)
        {
            var list = new List<StoredResolution>();
            while (reader.Read())
            {
                var r = new StoredResolution(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                    JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? [], reader.GetString(3), reader.GetString(4),
                    DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
                if (!r.Cleared) list.Add(r);
            }
            return list;
        }
    }
}
