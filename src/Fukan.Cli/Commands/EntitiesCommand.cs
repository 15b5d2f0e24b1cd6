using System.CommandLine;
using Fukan.Extraction.Entities;
using Fukan.Model;
using Fukan.Storage;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary>
/// <c>fukan entities [NAME] [--type org|program|country|tech] [--doc D] [--limit N] [--offset M] [--json]</c>: the entity
/// catalogue with mention counts per document, or one entity with every mention.
/// </summary>
public static class EntitiesCommand
{
    public static Command Create(CliContext context)
    {
        var type = new Option<string?>("--type", "-t") { Description = "org | program | country | tech" };
        var doc = new Option<string?>("--doc") { Description = "Only mentions in this document" };
        type.CompletionSources.Add("org", "program", "country", "tech");
        var limit = CliOptions.Limit("At most N entities (human output defaults to 50)");
        var offset = CliOptions.Offset("Skip the first N entities");
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var name = new Argument<string?>("name") { Description = "One entity (name, alias or id): its aliases and every mention with its lines", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("entities", "Organisations, programmes, countries and technologies, linked across documents") { name, type, doc, limit, offset, json };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(name) is { Length: > 0 } wanted)
                return await ShowOneAsync(context, result, wanted, result.GetValue(json), result.GetValue(limit), ct);
            EntityType? only = null;
            if (result.GetValue(type) is { } t)
            {
                if (!EntityTypeNames.TryParse(t, out var parsed)) throw new CliException($"--type {t}: use org, program, country or tech", ExitCodes.Usage);
                only = parsed;
            }
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            DocumentId? docId = null;
            if (result.GetValue(doc) is { } d) docId = (await ShowCommand.Resolve(store, d, ct)).Id;
            int max = result.GetValue(limit) ?? (result.GetValue(json) ? int.MaxValue : 50);
            // One more than shown: says whether there are more.
            var entities = await store.ListEntitiesAsync(new EntityQuery
            {
                Type = only, Document = docId, Offset = result.GetValue(offset) ?? 0, Limit = max == int.MaxValue ? int.MaxValue : max + 1,
            }, ct);
            if (result.GetValue(json))
            {
                context.WriteJson(entities.Take(max).Select(e => new
                {
                    id = e.Id, name = e.Name, type = e.Type.ToName(), aliases = e.Aliases, mentions = e.Mentions,
                    documents = e.Documents.Select(x => new { documentId = x.Document.Value, mentions = x.Mentions }),
                }));
                return ExitCodes.Ok;
            }
            if (entities.Count == 0) { context.Out.WriteLine("No entities."); return ExitCodes.Ok; }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("entity").AddColumn("type").AddColumn(new TableColumn("mentions").RightAligned()).AddColumn(new TableColumn("docs").RightAligned()).AddColumn("also written");
            foreach (var e in entities.Take(max))
                table.AddRow(Markup.Escape(e.Name), e.Type.ToName(), e.Mentions.ToString(), e.Documents.Count.ToString(),
                    Markup.Escape(TerminalText.Truncate(string.Join(", ", e.Aliases.Where(a => a != e.Name).Take(4)), 40)));
            context.Console.Write(table);
            if (entities.Count > max) context.Console.WriteLine("… more (use --limit/--offset or --json)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> ShowOneAsync(CliContext context, ParseResult result, string wanted, bool json, int? limit, CancellationToken ct)
    {
        await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
        var detail = await store.FindEntityAsync(wanted, ct);
        if (detail is null)
        {
            // Name the known entities: those whose name contains what was asked, else the most mentioned.
            var known = await store.ListEntitiesAsync(new EntityQuery { Limit = 2000 }, ct);
            var near = known.Where(k => k.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            var shown = (near.Count > 0 ? near : known).Select(k => k.Name);
            throw new CliException(known.Count == 0
                ? $"no entity '{wanted}': the knowledge base has none"
                : $"no entity '{wanted}'; {(near.Count > 0 ? "similar" : "known")}: {DocumentNames.Some(shown, 8)} (`fukan entities` lists them)");
        }
        var e = detail.Entity;
        if (json)
        {
            context.WriteJson(new
            {
                id = e.Id, name = e.Name, type = e.Type.ToName(), aliases = e.Aliases, mentions = e.Mentions,
                documents = e.Documents.Select(x => new { documentId = x.Document.Value, mentions = x.Mentions }),
                occurrences = detail.Mentions.Select(m => new { documentId = m.Provenance.Document.Value, surface = m.Surface, provenance = m.Provenance }),
            });
            return ExitCodes.Ok;
        }
        context.Console.MarkupLine($"[bold]{Markup.Escape(e.Name)}[/] ({e.Type.ToName()}, id {Markup.Escape(e.Id)}): {e.Mentions} mention(s) in {e.Documents.Count} document(s)");
        if (e.Aliases.Count > 0) context.Console.MarkupLine($"written as: {Markup.Escape(string.Join(", ", e.Aliases))}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("doc").AddColumn("lines").AddColumn("surface");
        int max = limit ?? 50;
        foreach (var m in detail.Mentions.Take(max))
            table.AddRow(m.Provenance.Document.Short, m.Provenance.Line == m.Provenance.EndLine ? $"{m.Provenance.Line}" : $"{m.Provenance.Line}–{m.Provenance.EndLine}", Markup.Escape(m.Surface));
        context.Console.Write(table);
        if (detail.Mentions.Count > max) context.Console.WriteLine($"… {detail.Mentions.Count - max} more (use --limit or --json)");
        return ExitCodes.Ok;
    }
}
