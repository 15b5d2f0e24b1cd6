using System.CommandLine;
using Fukan.Analysis.Landscape;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan gaps [--country JP] [--doc D] [--json]</c>: where a country is strong in basic but weak in applied research, falling, or behind the leader.</summary>
public static class GapsCommand
{
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
            Fukan.Contracts.FukanQueries.GapKind(result.GetValue(kind));
            var (choice, landscape) = await LandscapeCommand.LoadAsync(context, result, result.GetValue(doc), ct);
            var view = Fukan.Contracts.FukanQueries.Gaps(landscape, result.GetValue(country), result.GetValue(kind));
            var (code, gaps) = (view.Country, view.Gaps);
            if (result.GetValue(json))
            {
                context.WriteJson(view);
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
