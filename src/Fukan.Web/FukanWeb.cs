using System.Text.Json;
using Fukan.Contracts;
using Fukan.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fukan.Web;

/// <summary>
/// The web host: JSON API under <c>/api</c>, OpenAPI at <c>/openapi/v1.json</c>, server-rendered pages, vendored
/// static files. Read-only (GET only); every response carries a strict Content-Security-Policy (no inline script).
/// </summary>
public static class FukanWeb
{
    /// <summary>The policy: scripts, styles, fonts and images from this server only; no inline script or style; no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IServiceCollection AddFukanWeb(this IServiceCollection services, FukanWebOptions options)
    {
        services.AddSingleton(options);
        services.AddHttpContextAccessor();
        services.AddSingleton<KnowledgeBaseReader>();
        services.AddSingleton<AnswerCache>();
        services.AddHostedService<AnswerWarmer>();
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Fukan API";
            doc.Info.Description = "The knowledge base of Fukan: the same records as the CLI's --json. Errors are application/problem+json.";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddRouting();
        return services;
    }

    /// <summary>Security headers, error handling, and every route.</summary>
    public static IApplicationBuilder UseFukanWeb(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            SecurityHeaders(context.Response);
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                // Read-only: nothing is written over HTTP.
                await WriteProblemAsync(context, StatusCodes.Status405MethodNotAllowed, "method not allowed", "the server is read-only: only GET and HEAD");
                return;
            }
            try
            {
                await next(context);
            }
            catch (QueryException e) when (!context.Response.HasStarted)
            {
                int status = e.Problem == QueryProblem.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
                if (IsApi(context)) await WriteProblemAsync(context, status, status == 404 ? "not found" : "bad request", e.Message);
                else await Pages.ErrorAsync(context, status, e.Message);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                if (IsApi(context)) await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "bad request", OneLine(e.Message));
                else await Pages.ErrorAsync(context, 400, OneLine(e.Message));
            }
            catch (OutOfMemoryException) when (!context.Response.HasStarted)
            {
                // The answer did not fit the heap (the CLI caps it at 224 MB): forget the remembered answers so the
                // next request has room, and say what to do instead of failing with an internal error.
                context.RequestServices.GetService<AnswerCache>()?.Clear();
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                var detail = $"{context.Request.Path}: the answer needs more memory than the server may use ({GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024)} MB): " +
                    "narrow the question (from=, to=, domain=, doc=, a filter) or start the server with a larger DOTNET_GCHeapHardLimit";
                if (IsApi(context)) await WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "not enough memory", detail);
                else await Pages.ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, detail);
            }
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
            {
                context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("Fukan.Web").LogError(e, "{Path}", context.Request.Path.Value);
                if (IsApi(context)) await WriteProblemAsync(context, 500, "internal error", $"{e.GetType().Name}: {OneLine(e.Message)}");
                else await Pages.ErrorAsync(context, 500, $"internal error: {e.GetType().Name}: {OneLine(e.Message)}");
            }
        });
        app.UseStatusCodePages(async ctx =>
        {
            var context = ctx.HttpContext;
            if (context.Response.HasStarted || context.Response.ContentLength > 0 || context.Response.ContentType is not null) return;
            int status = context.Response.StatusCode;
            if (IsApi(context)) await WriteProblemAsync(context, status, status == 404 ? "not found" : "error", $"{context.Request.Path}: no such route");
            else await Pages.ErrorAsync(context, status, status == 404 ? $"{context.Request.Path}: no such page" : $"status {status}");
        });
        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapOpenApi();
            ApiEndpoints.Map(endpoints);
            // Browsers ask for /favicon.ico whatever the page says; answer with the vendored icon rather than a 404.
            endpoints.MapGet("/favicon.ico", () => Results.Redirect("/static/favicon.svg", permanent: true)).ExcludeFromDescription();
            Pages.Map(endpoints);
            StaticFiles.Map(endpoints);
        });
        return app;
    }

    /// <summary>The headers every response carries (set again after an error clears the response).</summary>
    internal static void SecurityHeaders(HttpResponse response)
    {
        var h = response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi");

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");

    /// <summary>An RFC 9457 problem: <c>{ "type", "title", "status", "detail", "instance" }</c>.</summary>
    public static Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.Clear();
        SecurityHeaders(context.Response);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        var problem = new ProblemBody("https://tools.ietf.org/html/rfc9110#section-" + status switch { 404 => "15.5.5", 405 => "15.5.6", 500 => "15.6.1", 503 => "15.6.4", _ => "15.5.1" }, title, status, detail, context.Request.Path.Value ?? "");
        return context.Response.WriteAsync(JsonSerializer.Serialize(problem, FukanJson.Options));
    }

    private sealed record ProblemBody(string Type, string Title, int Status, string Detail, string Instance);
}

/// <summary>The vendored static files, served from the assembly by fixed names (no file system path is ever built from a request).</summary>
internal static class StaticFiles
{
    private static readonly Dictionary<string, (string Type, byte[] Bytes)> Files = Load();

    private static Dictionary<string, (string, byte[])> Load()
    {
        var files = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        var asm = typeof(StaticFiles).Assembly;
        foreach (var name in asm.GetManifestResourceNames())
        {
            if (!name.StartsWith("static/", StringComparison.Ordinal)) continue;
            using var s = asm.GetManifestResourceStream(name)!;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            var type = Path.GetExtension(name) switch
            {
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            files[name["static/".Length..]] = (type, ms.ToArray());
        }
        return files;
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/static/{name}", (string name, HttpContext context) =>
        {
            if (!Files.TryGetValue(name, out var file)) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(file.Bytes, file.Type);
        }).ExcludeFromDescription();
}
