using System.Net.Sockets;
using Npgsql;

namespace Fukan.Storage;

/// <summary>
/// A PostgreSQL location as the user writes it (a <c>postgresql://</c> URL or a key=value connection string) turned
/// into Npgsql's connection string, and Npgsql's failures turned into one line naming the server and the reason.
/// </summary>
internal static class PostgresLocation
{
    public static NpgsqlConnectionStringBuilder Parse(string location)
    {
        var l = location.Trim();
        try
        {
            if (!l.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) && !l.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
                return new NpgsqlConnectionStringBuilder(l);
            return FromUrl(l[(l.IndexOf("://", StringComparison.Ordinal) + 3)..]);
        }
        catch (ArgumentException e)
        {
            throw new StoreException($"{KnowledgeBase.Redact(location)}: not a usable PostgreSQL location: {e.Message}", e);
        }
    }

    /// <summary>user:password@host:port,host2:port2/database?key=value (libpq's URL form).</summary>
    private static NpgsqlConnectionStringBuilder FromUrl(string rest)
    {
        var b = new NpgsqlConnectionStringBuilder();
        int at = rest.IndexOf('@');
        if (at >= 0)
        {
            var user = rest[..at];
            rest = rest[(at + 1)..];
            int colon = user.IndexOf(':');
            b.Username = Uri.UnescapeDataString(colon >= 0 ? user[..colon] : user);
            if (colon >= 0) b.Password = Uri.UnescapeDataString(user[(colon + 1)..]);
        }
        int end = rest.IndexOfAny(['/', '?']);
        var hosts = end >= 0 ? rest[..end] : rest;
        rest = end >= 0 ? rest[end..] : "";
        if (hosts.Length > 0)
        {
            if (!hosts.Contains(',') && hosts.LastIndexOf(':') is int c and > 0 && int.TryParse(hosts[(c + 1)..], out int port))
            {
                b.Host = Uri.UnescapeDataString(hosts[..c]);
                b.Port = port;
            }
            else b.Host = Uri.UnescapeDataString(hosts);
        }
        if (rest.StartsWith('/'))
        {
            int q = rest.IndexOf('?');
            var db = q >= 0 ? rest[1..q] : rest[1..];
            if (db.Length > 0) b.Database = Uri.UnescapeDataString(db);
            rest = q >= 0 ? rest[q..] : "";
        }
        if (rest.StartsWith('?'))
            foreach (var pair in rest[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = pair.IndexOf('=');
                var key = Uri.UnescapeDataString(eq >= 0 ? pair[..eq] : pair);
                var value = eq >= 0 ? Uri.UnescapeDataString(pair[(eq + 1)..]) : "";
                b[key switch
                {
                    "sslmode" => "SSL Mode",
                    "connect_timeout" => "Timeout",
                    "application_name" => "Application Name",
                    "target_session_attrs" => "Target Session Attributes",
                    _ => key,
                }] = value;
            }
        return b;
    }

    /// <summary>Host and port for messages.</summary>
    public static string Server(NpgsqlConnectionStringBuilder b) =>
        b.Host is { } h && h.Contains(',') ? h : $"{b.Host ?? "localhost"}:{b.Port}";

    /// <summary>One line: the server, the location (password hidden) and why it failed.</summary>
    public static StoreException Failure(string location, NpgsqlConnectionStringBuilder builder, Exception e)
    {
        string reason = e switch
        {
            PostgresException p => p.SqlState switch
            {
                "28P01" or "28000" => $"authentication failed for user \"{builder.Username}\" ({p.MessageText})",
                "3D000" => $"database \"{builder.Database}\" does not exist",
                _ => p.MessageText,
            },
            NpgsqlException { InnerException: SocketException s } => $"cannot connect: {s.Message}",
            NpgsqlException { InnerException: TimeoutException } or TimeoutException => "cannot connect: timed out",
            NpgsqlException { InnerException: { } inner } n => $"{n.Message.TrimEnd('.')}: {inner.Message}",
            _ => e.Message,
        };
        return new StoreException($"PostgreSQL at {Server(builder)} ({KnowledgeBase.Redact(location)}): {reason.ReplaceLineEndings(" ")}", e);
    }
}
