using System.Text;
using Fukan.Cli;

Console.OutputEncoding = Encoding.UTF8;
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
bool interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
return await FukanCli.RunAsync(args, Console.Out, Console.Error, interactive, cts.Token);
