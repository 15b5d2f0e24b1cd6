using System.CommandLine;
using Fukan.Extraction.Minutes;
using Fukan.Model;
using Fukan.Storage;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan minutes DOC [--json]</c>: the digest of a set of minutes.</summary>
public static class MinutesCommand
{
    public static Command Create(CliContext context)
    {
        var doc = new Argument<string>("doc") { Description = "A minutes document: id prefix, file name prefix or path" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("minutes", "Digest of meeting minutes: date, place, attendees, agenda, statements by topic and side") { doc, json };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            var info = await ShowCommand.Resolve(store, result.GetValue(doc)!, ct);
            var facts = await store.GetFactsAsync(MinutesFact.KindName, info.Id, ct);
            if (facts.Count == 0)
                throw new CliException($"{Path.GetFileName(info.Path)}: not minutes (kind {info.Kind.ToName()}); no digest");
            var digest = FactSerializer.Deserialize<MinutesFact>(facts[0]).Digest;
            if (result.GetValue(json)) { context.WriteJson(digest); return ExitCodes.Ok; }

            context.Console.MarkupLine($"[bold]{Markup.Escape(digest.Title)}[/]");
            context.Console.WriteLine($"{digest.Date?.ToString("yyyy-MM-dd") ?? "date unknown"}{(digest.StartTime is null ? "" : $" {digest.StartTime}–{digest.EndTime}")} · {digest.Place ?? "place unknown"}");
            if (digest.Attendees.Count > 0)
            {
                var table = new Table().Border(TableBorder.Simple).Title($"attendees ({digest.Attendees.Count})").AddColumn("name").AddColumn("organisation").AddColumn("title");
                foreach (var a in digest.Attendees) table.AddRow(Markup.Escape(a.Name), Markup.Escape(a.Organization), Markup.Escape(a.Title));
                context.Console.Write(table);
            }
            if (digest.Agenda.Count > 0)
            {
                var tree = new Tree("agenda");
                foreach (var item in digest.Agenda) Add(tree, item);
                context.Console.Write(tree);
            }
            foreach (var side in digest.Statements.GroupBy(s => s.Side))
            {
                context.Console.WriteLine();
                context.Console.MarkupLine($"[bold]{(side.Key == StatementSide.Secretariat ? "secretariat" : "members")}[/] ({side.Count()} statements)");
                foreach (var topic in side.GroupBy(s => s.Topic ?? ""))
                {
                    if (topic.Key.Length > 0) context.Console.MarkupLine($"  [green]【{Markup.Escape(topic.Key)}】[/]");
                    foreach (var s in topic)
                    {
                        // The bullet stays with its text; continuation lines indent under the text, the line number ends it.
                        var text = $"{(s.Speaker is null ? "" : s.Speaker + ": ")}{TerminalText.Truncate(s.Text, 400)} l.{s.Provenance.Line}";
                        foreach (var l in TerminalText.Wrap(text, context.Width, "   • ", "     ")) context.Console.WriteLine(l);
                    }
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Add(IHasTreeNodes parent, AgendaItem item)
    {
        var node = parent.AddNode(Markup.Escape($"{(item.Number is null ? "" : item.Number + " ")}{item.Text}"));
        foreach (var child in item.Items) Add(node, child);
    }
}
