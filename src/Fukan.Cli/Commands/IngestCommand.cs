using System.CommandLine;
using Fukan.Model;
using Fukan.Pipeline;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan ingest PATH…</c>: files and folders into the knowledge base.</summary>
public static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to ingest", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display" };
        var command = new Command("ingest", "Read documents into the knowledge base (unchanged files are skipped, changed ones replaced)") { paths, json, quiet };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await context.OpenStoreAsync(result, mustExist: false, ct);
            var ingestor = new Ingestor(context.PipelineFor(result), store);
            var inputs = result.GetValue(paths)!;
            IngestSummary summary;
            if (context.Interactive && !result.GetValue(quiet) && !result.GetValue(json))
            {
                summary = null!;
                await context.ErrorConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("ingest", maxValue: 1);
                        var progress = new Progress<IngestProgress>(p =>
                        {
                            task.MaxValue = Math.Max(1, p.Total);
                            task.Value = p.Done;
                            task.Description = Markup.Escape(Path.GetFileName(p.Path));
                        });
                        summary = await ingestor.IngestAsync(inputs, progress, ct);
                    });
            }
            else summary = await ingestor.IngestAsync(inputs, null, ct);

            foreach (var d in summary.Diagnostics)
                if (d.Severity == Severity.Error || (d.Severity == Severity.Info && !result.GetValue(json))) context.Report(d);
            int warnings = summary.Diagnostics.Count(d => d.Severity == Severity.Warning);
            if (result.GetValue(json))
            {
                context.WriteJson(Fukan.Contracts.IngestReport.Of(store.Location, summary));
            }
            else
            {
                context.Out.WriteLine(
                    $"{summary.Files} file(s): {summary.Added} new, {summary.Unchanged} unchanged, {summary.Replaced} replaced, {summary.Failed} failed" +
                    (summary.Skipped > 0 ? $", {summary.Skipped} skipped" : "") +
                    $" · {summary.Bytes / 1_000_000.0:F2} MB in {summary.Seconds:F2} s ({summary.MegabytesPerSecond:F1} MB/s)" +
                    (warnings > 0 ? $" · {warnings} warning(s) (see `fukan show DOC`)" : "") +
                    $" → {store.Location}");
            }
            return summary.HasFailures ? ExitCodes.BadInput : ExitCodes.Ok;
        });
        return command;
    }
}
