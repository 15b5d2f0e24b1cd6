using System.CommandLine;
using Fukan.Analysis.Landscape;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan gaps [--country JP] [--doc D] [--json]</c>: where a country is strong in basic but weak in applied research, falling, or behind the leader.</summary>
public static class GapsCommand
{
    /// <summary>The <c>fukan gaps --json</c> contract.</summary>
    public sealed record GapsView(string DocumentId, string Title, string Country, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<Gap> Gaps);

    public static Command Create(CliContext context)
    {
        var country = new Option<string>("--country", "-c") { Description = "Country code or name (default JP)", DefaultValueFactory = _ => "JP" };
        var doc = LandscapeCommand.DocOption();
        var kind = new Option<string?>("--kind", "-k") { Description = "Only one kind: applied-lags-basic, falling or trails-leader" };
        kind.CompletionSources.Add(Gap.AppliedLagsBasic, Gap.Falling, Gap.TrailsLeader);
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("gaps", "Where a country is strong in basic but weak in applied research, falling, or trails the leader") { country, doc, kind, json };
        command.SetAction(async (result, ct) =>
        {
            var only = result.GetValue(kind);
            if (only is not null && only is not (Gap.AppliedLagsBasic or Gap.Falling or Gap.TrailsLeader))
                throw new CliException($"--kind {only}: expected {Gap.AppliedLagsBasic}, {Gap.Falling} or {Gap.TrailsLeader}", ExitCodes.Usage);
            var (choice, landscape) = await LandscapeCommand.LoadAsync(context, result, result.GetValue(doc), ct);
            if (landscape.Rows.Count == 0) throw new CliException($"{LandscapeCommand.Name(choice.Document)}: no international comparison (国際比較) rows in this document");
            var codes = LandscapeCommand.Countries([result.GetValue(country)!], landscape);
            if (codes.Count != 1) throw new CliException($"--country {result.GetValue(country)}: name one country", ExitCodes.Usage);
            var code = codes.First();

            var gaps = new List<Gap>();
            foreach (var g in GapFinder.Find(landscape, code)) if (only is null || g.Kind == only) gaps.Add(g);
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal) { [Gap.AppliedLagsBasic] = 0, [Gap.Falling] = 0, [Gap.TrailsLeader] = 0 };
            foreach (var g in gaps) counts[g.Kind]++;
            if (result.GetValue(json))
            {
                context.WriteJson(new GapsView(choice.Document.Id.Value, choice.Document.Title, code, counts, gaps));
                return ExitCodes.Ok;
            }
            LandscapeCommand.WriteHeader(context, choice);
            var console = context.Console;
            if (gaps.Count == 0) { console.WriteLine($"No gaps for {code}."); return ExitCodes.Ok; }
            foreach (var (k, title) in new[]
            {
                (Gap.AppliedLagsBasic, "strong in basic research, weaker in applied research and development"),
                (Gap.Falling, "falling (↘)"),
                (Gap.TrailsLeader, "behind the leader"),
            })
            {
                var of = gaps.Where(g => g.Kind == k).ToList();
                if (of.Count == 0) continue;
                var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(code)}: {Markup.Escape(title)} ({of.Count})[/]");
                table.AddColumn("area").AddColumn("phase").AddColumn(new TableColumn(code).Centered()).AddColumn("why").AddColumn(new TableColumn("line").RightAligned());
                foreach (var g in of)
                    table.AddRow(new Markup(Markup.Escape(TerminalText.Truncate($"{g.AreaId} {g.Area}", context.Width >= 100 ? 40 : 24))), new Markup(Markup.Escape(g.PhaseLabel)),
                        new Markup($"{Markup.Escape(g.Rating ?? "?")}{Markup.Escape(Extraction.Landscape.ComparisonSymbols.Arrow(g.Trend))}"),
                        new Markup(Markup.Escape(g.Reason)), new Markup(g.Provenance.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                console.Write(table);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
