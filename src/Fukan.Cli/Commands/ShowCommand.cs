using System.CommandLine;
using Fukan.Model;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan show DOC [--outline]</c>: a document's details or its section tree.</summary>
public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var doc = new Argument<string>("doc") { Description = "Document: id prefix, file name prefix (001), or path" };
        var outline = new Option<bool>("--outline") { Description = "Show the section tree" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("show", "Show a document: details, diagnostics, or --outline for its section tree") { doc, outline, json };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            var info = await Resolve(store, result.GetValue(doc)!, ct);
            var sections = await store.GetSectionsAsync(info.Id, ct);
            if (result.GetValue(outline))
            {
                var tree = BuildTree(sections);
                if (result.GetValue(json)) context.WriteJson(new { id = info.Id.Value, title = info.Title, sections = tree });
                else
                {
                    var root = new Tree(Markup.Escape($"{info.Id.Short}  {info.Title}"));
                    foreach (var node in tree) AddNode(root, node);
                    context.Console.Write(root);
                }
                return ExitCodes.Ok;
            }
            var diagnostics = await store.GetDiagnosticsAsync(info.Id, ct);
            if (result.GetValue(json))
            {
                context.WriteJson(new
                {
                    id = info.Id.Value, path = info.Path, title = info.Title, kind = info.Kind.ToName(), date = info.DateText, lang = info.Lang,
                    bytes = info.Bytes, format = info.Format, encoding = info.Encoding, metadata = info.Metadata,
                    sections = info.SectionCount, passages = info.PassageCount, areas = sections.Count(s => s.Kind == SectionKind.Area),
                    ingestedAt = info.IngestedAt,
                    diagnostics = diagnostics.Select(d => new { severity = d.Severity.ToString().ToLowerInvariant(), line = d.Line, message = d.Message }),
                });
                return ExitCodes.Ok;
            }
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string k, string v) => grid.AddRow(new Markup($"[bold]{k}[/]"), new Text(v));
            Row("id", info.Id.Value); Row("path", info.Path); Row("title", info.Title); Row("kind", info.Kind.ToName());
            Row("date", info.DateText ?? "—"); Row("lang", info.Lang); Row("format", $"{info.Format} ({info.Encoding}), {info.Bytes:N0} bytes");
            Row("structure", $"{info.SectionCount} sections ({sections.Count(s => s.Kind == SectionKind.Area)} areas), {info.PassageCount} passages");
            foreach (var (k, v) in info.Metadata) Row(k, string.Join(", ", v));
            context.Console.Write(grid);
            if (diagnostics.Count > 0)
            {
                context.Console.WriteLine();
                context.Console.MarkupLine($"[bold]{diagnostics.Count} diagnostic(s)[/]");
                foreach (var d in diagnostics.Take(50)) context.Console.WriteLine($"  {d.Severity.ToString().ToLowerInvariant()}: {(d.Line is int l ? $"line {l}: " : "")}{d.Message}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static async Task<DocumentInfo> Resolve(Storage.IKnowledgeStore store, string reference, CancellationToken ct)
    {
        try { return await store.ResolveAsync(reference, ct); }
        catch (Storage.DocumentReferenceException e)
        {
            var all = await store.ListDocumentsAsync(ct);
            throw new CliException(DocumentNames.MatchesAny(all, reference) ? e.Message : DocumentNames.NoMatch(all, reference));
        }
    }

    /// <summary>The outline contract node.</summary>
    public sealed record OutlineNode(string Id, string Title, string Kind, int Level, int StartLine, int EndLine, List<OutlineNode> Children);

    public static List<OutlineNode> BuildTree(IReadOnlyList<Section> sections)
    {
        var roots = new List<OutlineNode>();
        var byId = new Dictionary<string, OutlineNode>(StringComparer.Ordinal);
        foreach (var s in sections)
        {
            var node = new OutlineNode(s.Id, s.Title, s.Kind.ToName(), s.Level, s.StartLine, s.EndLine, new List<OutlineNode>());
            byId[s.Id] = node;
            if (s.ParentId is not null && byId.TryGetValue(s.ParentId, out var parent)) parent.Children.Add(node);
            else roots.Add(node);
        }
        return roots;
    }

    private static void AddNode(IHasTreeNodes parent, OutlineNode node)
    {
        string label = node.Kind == "area"
            ? $"[bold green]{Markup.Escape(node.Id)}[/] {Markup.Escape(node.Title)} [grey]area · {node.StartLine}–{node.EndLine}[/]"
            : $"{Markup.Escape(Label(node))} [grey]{node.Kind} · {node.StartLine}–{node.EndLine}[/]";
        var child = parent.AddNode(label);
        foreach (var c in node.Children) AddNode(child, c);
    }

    private static string Label(OutlineNode node) =>
        node.Id.Contains('#') || node.Id.StartsWith('§') || node.Kind == "block" ? node.Title : $"{DisplayNumber(node.Id)} {node.Title}";

    private static string DisplayNumber(string id)
    {
        int paren = id.LastIndexOf('(');
        if (paren > 0) return id[paren..];
        int slash = id.LastIndexOf('/');
        return slash > 0 ? id[(slash + 1)..] : id;
    }
}
