using System.CommandLine;
using System.Text;
using Fukan.Search;
using Fukan.Storage;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan search TERMS…</c>, <c>fukan related PASSAGE_ID</c> and <c>fukan reindex</c>.</summary>
public static class SearchCommand
{
    public static Command Create(CliContext context)
    {
        var terms = new Argument<string[]>("query") { Description = "Terms (AND), \"phrases\", OR, -exclusion, filters doc: kind: area: section: after: before:", Arity = ArgumentArity.OneOrMore };
        var limit = CliOptions.AtLeast(new Option<int>("--limit", "-n") { Description = "Number of hits (default 10)", DefaultValueFactory = _ => 10 }, 1, 1000);
        var doc = new Option<string?>("--doc", "-d") { Description = "Only this document (the same as doc:D in the query)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("search", "Full-text search over every passage (Japanese and English), with snippets") { terms, limit, doc, json };
        command.SetAction(async (result, ct) =>
        {
            var query = JoinQuery(result.GetValue(terms)!);
            SearchQuery parsed;
            try { parsed = SearchQueryParser.Parse(query); }
            catch (SearchQueryException e) { throw new CliException($"query '{TerminalText.Truncate(query, 60)}': {e.Message}"); }
            int n = result.GetValue(limit);
            if (result.GetValue(doc) is { } only)
            {
                parsed = parsed with { Filters = parsed.Filters with { Documents = [.. parsed.Filters.Documents, only] } };
                query += $" doc:{only}";
            }
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            // An unknown document is bad input, whichever way it was named; a known one that has no hit is an empty answer.
            if (parsed.Filters.Documents.Count > 0)
            {
                var all = await store.ListDocumentsAsync(ct);
                foreach (var d in parsed.Filters.Documents)
                    if (!DocumentNames.MatchesAny(all, d)) throw new CliException($"doc:{d}: {DocumentNames.NoMatch(all, d)}");
            }
            var hits = Searched(() => store.Search.Search(parsed, new SearchOptions(n)));
            Print(context, hits, result.GetValue(json), query);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateRelated(CliContext context)
    {
        var id = new Argument<string>("passage") { Description = "A passage id from search output (docshort-ordinal)" };
        var limit = CliOptions.AtLeast(new Option<int>("--limit", "-n") { Description = "Number of passages (default 10)", DefaultValueFactory = _ => 10 }, 1, 1000);
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("related", "Passages most like the given one") { id, limit, json };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            var passageId = result.GetValue(id)!;
            if ((await store.GetPassagesByIdAsync([passageId], ct)).Count == 0)
                throw new CliException($"no passage '{passageId}' (ids look like d6df080bb3a3-1657; see `fukan search … --json`)");
            var hits = Searched(() => store.Search.Related(passageId, result.GetValue(limit)));
            Print(context, hits, result.GetValue(json), $"related to {passageId}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateReindex(CliContext context)
    {
        var analyzer = new Option<string>("--analyzer") { Description = "bigram (default) or mecab (needs libmecab and a dictionary)", DefaultValueFactory = _ => "bigram" };
        analyzer.CompletionSources.Add("bigram", "mecab");
        var command = new Command("reindex", "Rebuild the search index from the stored passages") { analyzer };
        command.SetAction(async (result, ct) =>
        {
            ISearchAnalyzer chosen = result.GetValue(analyzer)!.ToLowerInvariant() switch
            {
                "bigram" => new BigramAnalyzer(),
                "mecab" => MecabAnalyzer.TryCreate(out var reason) ?? throw new CliException($"mecab analyzer unavailable: {reason}"),
                var a => throw new CliException($"--analyzer {a}: use bigram or mecab", ExitCodes.Usage),
            };
            await using var store = await context.OpenStoreAsync(result, mustExist: false, ct, chosen);
            var done = await store.ReindexAsync(chosen, ct);
            context.Out.WriteLine($"reindexed {done.Documents} document(s), {done.Passages} passage(s) with the {done.Analyzer} analyzer in {done.Seconds:F2} s");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A search whose index cannot answer (out of date, read-only) is a one-line error.</summary>
    private static IReadOnlyList<SearchHit> Searched(Func<IReadOnlyList<SearchHit>> search)
    {
        try { return search(); }
        catch (StoreException e) { throw new CliException(e.Message); }
    }

    /// <summary>
    /// Rejoins shell words. A single word is the whole query (<c>fukan search "中国 蓄電デバイス"</c>: two terms, AND);
    /// among several, a word with a space in it was a quoted phrase and is quoted again
    /// (<c>fukan search "バックサイド 電源" kind:article</c>).
    /// </summary>
    internal static string JoinQuery(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : string.Join(' ', words.Select(w => w.Any(char.IsWhiteSpace) && !w.Contains('"') ? $"\"{w}\"" : w));

    private static void Print(CliContext context, IReadOnlyList<SearchHit> hits, bool json, string query)
    {
        if (json) { context.WriteJson(hits); return; }
        if (hits.Count == 0) { context.Out.WriteLine($"No passage matches {query}."); return; }
        int rank = 0;
        foreach (var hit in hits)
        {
            rank++;
            var where = $"{hit.PassageId} · lines {hit.Provenance.Line}–{hit.Provenance.EndLine}";
            int titleRoom = Math.Max(12, context.Width - 12 - TerminalText.Width(where));
            context.Console.MarkupLine($"[bold]{rank}.[/] [grey]{hit.Score:F2}[/]  [cyan]{Markup.Escape(TerminalText.Truncate(hit.DocumentTitle, Math.Min(50, titleRoom)))}[/]  [grey]{Markup.Escape(where)}[/]");
            if (hit.SectionPath.Length > 0) context.Console.MarkupLine($"   [green]{Markup.Escape(TerminalText.Truncate(hit.SectionPath, context.Width - 3))}[/]");
            // Wrapped by display width at natural breaks; a highlighted match is never split across lines.
            foreach (var line in TerminalText.WrapSegments(hit.Segments(), context.Width, "   ", "   "))
                context.Console.MarkupLine(TerminalText.Markup(line, "bold yellow"));
        }
    }
}
