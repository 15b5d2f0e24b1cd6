using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Fukan.Storage;

/// <summary>Conflict resolutions: the same append-only table as the SQLite store's.</summary>
public sealed partial class PostgresKnowledgeStore
{
    public async Task SaveResolutionAsync(StoredResolution resolution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        CheckWritable();
        await WriteAsync(async (connection, tx) =>
        {
            await using (var create = new NpgsqlCommand("""
                CREATE TABLE IF NOT EXISTS conflict_resolutions(
                    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    group_id text NOT NULL,
                    preferred text,
                    deprecated text NOT NULL,
                    note text NOT NULL,
                    decided_by text NOT NULL,
                    decided_at text NOT NULL)
                """, connection, tx))
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var insert = new NpgsqlCommand("""
                INSERT INTO conflict_resolutions(group_id, preferred, deprecated, note, decided_by, decided_at)
                VALUES (@group, @preferred, @deprecated, @note, @by, @at)
                """, connection, tx);
            insert.Parameters.AddWithValue("group", resolution.GroupId);
            insert.Parameters.AddWithValue("preferred", (object?)resolution.Preferred ?? DBNull.Value);
            insert.Parameters.AddWithValue("deprecated", JsonSerializer.Serialize(resolution.Deprecated));
            insert.Parameters.AddWithValue("note", resolution.Note);
            insert.Parameters.AddWithValue("by", resolution.By);
            insert.Parameters.AddWithValue("at", resolution.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<StoredResolution>> ListResolutionsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StoredResolution>>(async c =>
        {
            await using (var exists = new NpgsqlCommand("SELECT to_regclass('conflict_resolutions') IS NOT NULL", c))
                if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!) return [];
            await using var cmd = new NpgsqlCommand("""
                SELECT group_id, preferred, deprecated, note, decided_by, decided_at FROM conflict_resolutions r
                WHERE seq = (SELECT max(seq) FROM conflict_resolutions WHERE group_id = r.group_id) ORDER BY group_id COLLATE "C"
                """, c);
            return Resolutions.Read(await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false));
        }, cancellationToken);
}
