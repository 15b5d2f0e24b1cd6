using System.CommandLine;
using Fukan.Model;
using Fukan.Storage;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan rm DOC…</c> and <c>fukan migrate</c>: the verbs that change a knowledge base other than by ingest.</summary>
public static class StoreCommands
{
    public static Command CreateRemove(CliContext context)
    {
        var docs = new Argument<string[]>("documents") { Description = "Documents to remove (id prefix, file-name prefix or path)", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print what was removed as JSON" };
        var command = new Command("rm", "Remove documents and everything derived from them (facts, index entries, catalogue counts), all or none") { docs, json };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            // Every reference is resolved before anything is removed: one unknown reference removes nothing.
            var resolved = new List<DocumentInfo>();
            foreach (var reference in result.GetValue(docs)!)
                resolved.Add(await ShowCommand.Resolve(store, reference, ct));
            await store.DisposeAsync();
            await using var writer = await context.OpenStoreAsync(result, mustExist: false, ct);
            int removed = await writer.RemoveAsync(resolved.Select(d => d.Id).Distinct().ToList(), ct);
            if (result.GetValue(json))
                context.WriteJson(new RemoveSummary(removed, resolved.Select(d => new RemovedDocument(d.Id.Value, d.Path, d.Title)).DistinctBy(d => d.Id).ToList()));
            else
                foreach (var d in resolved.DistinctBy(d => d.Id)) context.Out.WriteLine($"removed {d.Id.Short} {Path.GetFileName(d.Path)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateMigrate(CliContext context)
    {
        var command = new Command("migrate", "Upgrade the knowledge base to this fukan's schema and rebuild a stale search index (reading verbs never write)");
        command.SetAction(async (result, ct) =>
        {
            var location = CliContext.DbPath(result);
            if (!KnowledgeBase.IsPostgres(location) && !File.Exists(location))
                throw new CliException($"{location}: no knowledge base here (run `fukan ingest DIR` first, or pass --db)");
            await using var store = await context.OpenStoreAsync(result, mustExist: false, ct);
            var docs = await store.ListDocumentsAsync(ct);
            context.Out.WriteLine($"{store.Location}: up to date ({docs.Count} document(s))");
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>What <c>fukan rm --json</c> prints.</summary>
public sealed record RemoveSummary(int Removed, IReadOnlyList<RemovedDocument> Documents);

/// <summary>One removed document.</summary>
public sealed record RemovedDocument(string Id, string Path, string Title);
