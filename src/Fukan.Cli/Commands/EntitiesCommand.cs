using System.CommandLine;
using Fukan.Extraction.Entities;
using Fukan.Model;
using Fukan.Storage;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan entities [--type org|program|country|tech] [--json]</c>: entities with mention counts per document.</summary>
public static class EntitiesCommand
{
    public static Command Create(CliContext context)
    {
        var type = new Option<string?>("--type", "-t") { Description = "org | program | country | tech" };
        type.CompletionSources.Add("org", "program", "country", "tech");
        var doc = new Option<string?>("--doc") { Description = "Only mentions in this document" };
        var limit = CliOptions.Limit("At most N entities (human output defaults to 50)");
        var offset = CliOptions.Offset();
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("entities", "Organisations, programmes, countries and technologies, linked across documents") { type, doc, limit, offset, json };
        command.SetAction(async (result, ct) =>
        {
            EntityType? only = null;
            if (result.GetValue(type) is { } t)
            {
                if (!EntityTypeNames.TryParse(t, out var parsed)) throw new CliException($"--type {t}: use org, program, country or tech", ExitCodes.Usage);
                only = parsed;
            }
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            DocumentId? docId = null;
            if (result.GetValue(doc) is { } d) docId = (await ShowCommand.Resolve(store, d, ct)).Id;
            var mentions = (await store.GetFactsAsync(MentionFact.KindName, docId, ct)).Select(FactSerializer.Deserialize<MentionFact>);
            var entities = EntityCatalog.Aggregate(mentions, only);
            int max = result.GetValue(limit) ?? (result.GetValue(json) ? int.MaxValue : 50);
            int skip = result.GetValue(offset) ?? 0;
            var page = CliOptions.Page(entities, skip, max);
            if (result.GetValue(json))
            {
                context.WriteJson(page.Select(e => new
                {
                    id = e.Id, name = e.Name, type = e.Type.ToName(), aliases = e.Aliases, mentions = e.Mentions,
                    documents = e.Documents.Select(x => new { documentId = x.Document.Value, mentions = x.Mentions }),
                }));
                return ExitCodes.Ok;
            }
            if (page.Count == 0) { context.Out.WriteLine("No entities."); return ExitCodes.Ok; }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("entity").AddColumn("type").AddColumn(new TableColumn("mentions").RightAligned()).AddColumn(new TableColumn("docs").RightAligned()).AddColumn("also written");
            foreach (var e in page)
                table.AddRow(Markup.Escape(e.Name), e.Type.ToName(), e.Mentions.ToString(), e.Documents.Count.ToString(),
                    Markup.Escape(TerminalText.Truncate(string.Join(", ", e.Aliases.Where(a => a != e.Name).Take(4)), 40)));
            context.Console.Write(table);
            if (entities.Count > skip + page.Count) context.Console.WriteLine($"… {entities.Count - skip - page.Count} more (use --limit/--offset or --json)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
