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
        var doc = new Option<string?>("--doc") { Description = "Only mentions in this document" };
        var limit = new Option<int?>("--limit") { Description = "At most N entities (human output defaults to 50)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("entities", "Organisations, programmes, countries and technologies, linked across documents") { type, doc, limit, json };
        command.SetAction(async (result, ct) =>
        {
            Fukan.Contracts.FukanQueries.EntityTypeOf(result.GetValue(type));
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            var queries = new Fukan.Contracts.FukanQueries(store);
            var info = result.GetValue(doc) is { } d ? await queries.ResolveAsync(d, ct) : null;
            var entities = await queries.EntitySummariesAsync(result.GetValue(type), info, ct);
            int max = result.GetValue(limit) ?? (result.GetValue(json) ? int.MaxValue : 50);
            if (result.GetValue(json))
            {
                context.WriteJson(entities.Take(max).Select(Fukan.Contracts.EntityListing.Of));
                return ExitCodes.Ok;
            }
            if (entities.Count == 0) { context.Out.WriteLine("No entities."); return ExitCodes.Ok; }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("entity").AddColumn("type").AddColumn(new TableColumn("mentions").RightAligned()).AddColumn(new TableColumn("docs").RightAligned()).AddColumn("also written");
            foreach (var e in entities.Take(max))
                table.AddRow(Markup.Escape(e.Name), e.Type.ToName(), e.Mentions.ToString(), e.Documents.Count.ToString(),
                    Markup.Escape(DocsCommand.Truncate(string.Join(", ", e.Aliases.Where(a => a != e.Name).Take(4)), 40)));
            context.Console.Write(table);
            if (entities.Count > max) context.Console.WriteLine($"… {entities.Count - max} more (use --limit or --json)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
