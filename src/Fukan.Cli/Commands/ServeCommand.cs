using System.CommandLine;
using System.Net;
using Fukan.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan serve [--port 5080] [--host 127.0.0.1]</c>: the dashboard and JSON API over the knowledge base, read-only.</summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (default 5080)", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "Address to bind (default 127.0.0.1; anything else makes the knowledge base readable from the network)", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("serve", "Serve the dashboard and the JSON API (read-only) until Ctrl-C") { port, host };
        command.SetAction(async (result, ct) =>
        {
            int p = result.GetValue(port);
            if (p is < 0 or > 65535) throw new CliException($"--port {p}: between 0 and 65535", ExitCodes.Usage);
            var hostName = result.GetValue(host)!.Trim();
            IPAddress address;
            if (hostName is "localhost") address = IPAddress.Loopback;
            else if (hostName is "*" or "0.0.0.0") address = IPAddress.Any;
            else if (!IPAddress.TryParse(hostName, out address!)) throw new CliException($"--host {hostName}: not an IP address (127.0.0.1, 0.0.0.0, ::1 …)", ExitCodes.Usage);
            var db = Path.GetFullPath(CliContext.DbPath(result));
            // Fails here, with one line, when the file is missing or not a knowledge base.
            await using (await context.OpenStoreAsync(result, mustExist: true, ct)) { }

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.ConfigureKestrel(k => k.Listen(address, p));
            builder.Services.AddFukanWeb(new FukanWebOptions { Database = db });
            await using var app = builder.Build();
            app.UseFukanWeb();
            try { await app.StartAsync(ct); }
            catch (IOException e) { throw new CliException($"--port {p}: cannot listen on {hostName}:{p}: {e.Message}"); }
            // The bound address (with --port 0, the port the system chose).
            var url = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? $"http://{hostName}:{p}";
            if (!IPAddress.IsLoopback(address))
                context.Err.WriteLine($"fukan: warning: listening on {hostName}: anyone who can reach port {p} can read the knowledge base {db}");
            context.Out.WriteLine($"fukan: serving {db} at {url} (read-only; Ctrl-C stops)");
            context.Out.Flush();
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { }
            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        });
        return command;
    }
}
