using System.CommandLine;
using Fukan.Model;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan docs</c>: what is in the knowledge base.</summary>
public static class DocsCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("docs", "List the documents in the knowledge base") { json };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await context.OpenStoreAsync(result, mustExist: !result.GetValue(json), ct);
            var docs = await store.ListDocumentsAsync(ct);
            if (result.GetValue(json))
            {
                context.WriteJson(docs.Select(Fukan.Contracts.DocumentSummary.Of));
                return ExitCodes.Ok;
            }
            if (docs.Count == 0) { context.Out.WriteLine("The knowledge base is empty: run `fukan ingest DIR`."); return ExitCodes.Ok; }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("id").AddColumn("kind").AddColumn("lang").AddColumn("date").AddColumn("title")
                .AddColumn(new TableColumn("sections").RightAligned()).AddColumn(new TableColumn("passages").RightAligned()).AddColumn(new TableColumn("KB").RightAligned());
            foreach (var d in docs)
                table.AddRow(d.Id.Short, d.Kind.ToName(), d.Lang, d.DateText ?? "", Markup.Escape(Truncate(d.Title, 48)),
                    d.SectionCount.ToString(), d.PassageCount.ToString(), (d.Bytes / 1024).ToString());
            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
