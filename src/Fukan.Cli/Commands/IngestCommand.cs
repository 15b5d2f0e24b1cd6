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
        var command = new Command("ingest", "Read documents into the knowledge base (unchanged files are skipped, changed ones replaced)") { paths, json, quiet, CliContext.GazetteerOption };
        command.SetAction(async (result, ct) =>
        {
            var inputs = result.GetValue(paths)!;
            bool existed = File.Exists(CliContext.DbPath(result));
            IngestSummary summary;
            string location;
            await using (var store = await context.OpenStoreAsync(result, mustExist: false, ct))
            {
                location = store.Location;
                var ingestor = new Ingestor(context.PipelineFor(result), store);
                summary = context.Interactive && !result.GetValue(quiet) && !result.GetValue(json)
                    ? await WithProgressAsync(context.ErrorConsole, (progress, token) => ingestor.IngestAsync(inputs, progress, token), ct)
                    : await ingestor.IngestAsync(inputs, null, ct);
            }
            // A knowledge base this run created and put nothing into is not left behind (a typo in the path
            // must not leave an empty fukan.db that later verbs would take for a real one).
            if (!existed && summary.Added + summary.Replaced + summary.Unchanged == 0) RemoveEmptyStore(location);

            foreach (var d in summary.Diagnostics)
                if (d.Severity == Severity.Error || (d.Severity == Severity.Info && !result.GetValue(json))) context.Report(d);
            // Nothing to read at all (a missing path, an unsupported file named explicitly): the error lines say it all.
            if (summary.Files == 0 && summary.HasFailures) return ExitCodes.BadInput;
            int warnings = summary.Diagnostics.Count(d => d.Severity == Severity.Warning);
            if (result.GetValue(json))
            {
                context.WriteJson(new
                {
                    db = location,
                    files = summary.Files,
                    added = summary.Added,
                    unchanged = summary.Unchanged,
                    replaced = summary.Replaced,
                    failed = summary.Failed,
                    skipped = summary.Skipped,
                    warnings,
                    megabytes = Math.Round(summary.Bytes / 1_000_000.0, 3),
                    seconds = Math.Round(summary.Seconds, 3),
                    megabytesPerSecond = Math.Round(summary.MegabytesPerSecond, 2),
                    errors = summary.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToArray(),
                });
            }
            else
            {
                context.Out.WriteLine(
                    $"{summary.Files} file(s): {summary.Added} new, {summary.Unchanged} unchanged, {summary.Replaced} replaced, {summary.Failed} failed" +
                    (summary.Skipped > 0 ? $", {summary.Skipped} skipped" : "") +
                    $" · {summary.Bytes / 1_000_000.0:F2} MB in {summary.Seconds:F2} s ({summary.MegabytesPerSecond:F1} MB/s)" +
                    (warnings > 0 ? $" · {warnings} warning(s) (see `fukan show DOC`)" : "") +
                    $" → {location}");
            }
            return summary.HasFailures ? ExitCodes.BadInput : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Runs the ingest; when it is still going after about a second, shows a progress bar on the terminal (files
    /// done, megabytes, throughput, the current file) until it ends. Short runs print nothing extra.
    /// </summary>
    private static async Task<IngestSummary> WithProgressAsync(IAnsiConsole console, Func<IProgress<IngestProgress>, CancellationToken, Task<IngestSummary>> run, CancellationToken ct)
    {
        var state = new ProgressState();
        var work = run(state, ct);
        if (await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(1), ct)) == work) return await work;
        await console.Progress()
            .AutoClear(true)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("ingest", maxValue: 1);
                while (!work.IsCompleted)
                {
                    state.Update(task);
                    await Task.WhenAny(work, Task.Delay(100, CancellationToken.None));
                }
                state.Update(task);
            });
        return await work;
    }

    /// <summary>The latest progress report, read by the display loop (reports arrive on other threads).</summary>
    private sealed class ProgressState : IProgress<IngestProgress>
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private IngestProgress? _last;
        private long _bytes;

        public void Report(IngestProgress value)
        {
            Interlocked.Add(ref _bytes, value.Bytes);
            Volatile.Write(ref _last, value);
        }

        public void Update(ProgressTask task)
        {
            if (Volatile.Read(ref _last) is not { } p) return;
            double mb = Interlocked.Read(ref _bytes) / 1_000_000.0;
            double seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
            task.MaxValue = Math.Max(1, p.Total);
            task.Value = p.Done;
            task.Description = Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{p.Done}/{p.Total} files · {mb:F1} MB · {mb / seconds:F1} MB/s · {TerminalText.Truncate(Fukan.Rendering.TerminalSafety.Sanitize(Path.GetFileName(p.Path)), 40)}"));
        }
    }

    /// <summary>Deletes a SQLite file (and its journal files) that this run created and left empty.</summary>
    private static void RemoveEmptyStore(string location)
    {
        if (!File.Exists(location)) return;   // not a file: a server store is never removed here
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            try { File.Delete(location + suffix); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }
}
