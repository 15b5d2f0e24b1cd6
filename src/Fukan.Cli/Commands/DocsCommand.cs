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
                context.WriteJson(docs.Select(d => new
                {
                    id = d.Id.Value,
                    path = d.Path,
                    title = d.Title,
                    kind = d.Kind.ToName(),
                    date = d.DateText,
                    lang = d.Lang,
                    bytes = d.Bytes,
                    sections = d.SectionCount,
                    passages = d.PassageCount,
                }));
                return ExitCodes.Ok;
            }
            if (docs.Count == 0) { context.Out.WriteLine("The knowledge base is empty: run `fukan ingest DIR`."); return ExitCodes.Ok; }
            // Narrow terminals drop the counts before the names: the id and the file are what later verbs take.
            // Column budget: the fixed columns and the table's borders and padding; the title gets the rest.
            bool narrow = context.Width < 110;
            int fileWidth = narrow ? 18 : 24, titleWidth = Math.Max(10, context.Width - (narrow ? 63 : 89));
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("id").AddColumn("file").AddColumn("kind").AddColumn("date").AddColumn(new TableColumn("title").NoWrap());
            if (!narrow) table.AddColumn(new TableColumn("passages").RightAligned()).AddColumn(new TableColumn("KB").RightAligned());
            foreach (var d in docs)
            {
                var cells = new List<string>
                {
                    TerminalText.DocRef(d.Id), Markup.Escape(TerminalText.Truncate(Path.GetFileName(d.Path), fileWidth)), d.Kind.ToName(), Markup.Escape(d.DateText ?? ""),
                    Markup.Escape(TerminalText.Truncate(d.Title, titleWidth)),
                };
                if (!narrow) cells.AddRange([d.PassageCount.ToString(), (d.Bytes / 1024).ToString()]);
                table.AddRow(cells.ToArray());
            }
            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
