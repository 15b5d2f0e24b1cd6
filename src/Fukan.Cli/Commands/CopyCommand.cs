using System.CommandLine;
using Fukan.Storage;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan copy --from A --to B</c>: a knowledge base moved between stores (SQLite ↔ PostgreSQL).</summary>
public static class CopyCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<string?>("--from") { Description = "Knowledge base to copy from: a file or a PostgreSQL URL (default: --db)" };
        var to = new Option<string>("--to") { Description = "Knowledge base to copy into (created when missing); documents it holds already are skipped", Required = true };
        var command = new Command("copy", "Copy every document with its facts and index into another knowledge base (resumable; counts verified at the end)") { from, to };
        command.SetAction(async (result, ct) =>
        {
            var source = result.GetValue(from) is { Length: > 0 } f ? f : CliContext.DbPath(result);
            var target = result.GetValue(to)!;
            try
            {
                await using var reader = await KnowledgeBase.OpenAsync(source, StoreAccess.Read, null, ct);
                await using var writer = await KnowledgeBase.OpenAsync(target, StoreAccess.Write, KnowledgeBaseCopy.AnalyzerOf(reader), ct);
                var progress = new Progress<CopyProgress>(p => context.Err.WriteLine($"[{p.Done}/{p.Total}] {(p.Copied ? "copied" : "already there")}: {p.Document.Id.Short} {Path.GetFileName(p.Document.Path)}"));
                var summary = await KnowledgeBaseCopy.CopyAsync(reader, writer, context.Interactive ? progress : null, ct);
                foreach (var m in summary.Mismatches) context.Err.WriteLine($"fukan: {writer.Location}: {m}");
                context.Out.WriteLine($"{summary.Documents} document(s): {summary.Copied} copied, {summary.AlreadyThere} already there · {summary.Passages} passages, {summary.Facts} facts in {summary.Seconds:0.00} s → {writer.Location}"
                    + (summary.Verified ? " · verified" : $" · {summary.Mismatches.Count} MISMATCH(ES)"));
                return summary.Verified ? ExitCodes.Ok : ExitCodes.BadInput;
            }
            catch (StoreException e)
            {
                throw new CliException(e.Message);
            }
        });
        return command;
    }
}
