using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Fukan.Web;

/// <summary>
/// Paging of listing routes: <c>offset=</c> and <c>limit=</c> select a page; the body stays the CLI's JSON array for
/// that page, and the headers tell a client how to go on: <c>X-Total-Count</c> (how many in all, where known) and an
/// RFC 8288 <c>Link</c> with <c>rel="next"</c> / <c>rel="prev"</c> (this request with another offset).
/// </summary>
internal static class Paging
{
    public const string TotalHeader = "X-Total-Count";

    /// <summary>The page asked for; a bad value is a 400 naming the parameter.</summary>
    public static (int Offset, int Limit) Read(HttpRequest r, int defaultLimit = int.MaxValue, int maxLimit = int.MaxValue, int maxOffset = int.MaxValue) =>
        (Params.Int(r, "offset", 0, maxOffset) ?? 0, Params.Int(r, "limit", 1, maxLimit) ?? defaultLimit);

    /// <summary>Items <paramref name="offset"/> … <paramref name="offset"/>+<paramref name="limit"/>-1 of a whole answer.</summary>
    public static List<T> Slice<T>(IReadOnlyList<T> all, int offset, int limit)
    {
        int end = (int)Math.Min(all.Count, (long)offset + limit);
        var page = new List<T>(Math.Max(0, end - offset));
        for (int i = offset; i < end; i++) page.Add(all[i]);
        return page;
    }

    /// <summary>
    /// Sets <c>X-Total-Count</c> (when <paramref name="total"/> is known) and the <c>Link</c> header; without a total,
    /// <paramref name="more"/> says whether items follow this page.
    /// </summary>
    public static void Headers(HttpContext context, int offset, int limit, int? total, bool more = false)
    {
        var h = context.Response.Headers;
        if (total is int t) h[TotalHeader] = t.ToString(CultureInfo.InvariantCulture);
        if (limit is <= 0 or int.MaxValue) return;
        bool hasNext = total is int all ? (long)offset + limit < all : more;
        var links = new List<string>(2);
        if (hasNext) links.Add($"<{With(context.Request, offset + limit, limit)}>; rel=\"next\"");
        if (offset > 0) links.Add($"<{With(context.Request, Math.Max(0, offset - limit), limit)}>; rel=\"prev\"");
        if (links.Count > 0) h["Link"] = string.Join(", ", links);
    }

    /// <summary>This request's path and query with another offset (and limit, unless null).</summary>
    internal static string With(HttpRequest r, int offset, int? limit)
    {
        var sb = new StringBuilder(r.PathBase).Append(r.Path);
        char sep = '?';
        foreach (var (key, values) in r.Query)
        {
            if (key == "offset" || (key == "limit" && limit is not null)) continue;
            foreach (var v in values)
            {
                sb.Append(sep).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(v ?? ""));
                sep = '&';
            }
        }
        sb.Append(sep).Append("offset=").Append(offset.ToString(CultureInfo.InvariantCulture));
        if (limit is int l) sb.Append("&limit=").Append(l.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
