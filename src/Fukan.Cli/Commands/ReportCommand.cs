using System.CommandLine;
using Fukan.Analysis.Briefing;
using Fukan.Analysis.Landscape;
using Fukan.Analysis.Ranking;
using Fukan.Analysis.Signals;
using Fukan.Rendering;
using Fukan.Storage;

namespace Fukan.Cli.Commands;

/// <summary>
/// <c>fukan report [--doc D] [--format md|html] [-o FILE]</c>: a self-contained briefing of a report — heatmap, gaps,
/// top-ranked areas with their explanation, watchlist verdicts, milestones — every statement with document and lines.
/// </summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var doc = LandscapeCommand.DocOption();
        var format = new Option<string>("--format", "-f") { Description = "md (Markdown, default) or html (one self-contained file)", DefaultValueFactory = _ => "md" };
        format.CompletionSources.Add("md", "html");
        format.Validators.Add(r =>
        {
            if (Parse(r.GetValueOrDefault<string>()) is null) r.AddError($"--format {r.GetValueOrDefault<string>()}: use md or html");
        });
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout" };
        var country = new Option<string>("--country", "-c") { Description = "Whose gaps and position are assessed (default JP)", DefaultValueFactory = _ => "JP" };
        var top = CliOptions.Limit("How many top-ranked areas to explain (default 5)", "-n");
        var watchlist = new Option<string?>("--watchlist", "-w") { Description = "Watchlist YAML (default: the one Fukan ships; `fukan init` writes a copy to edit)" };
        var weights = new Option<string?>("--weights") { Description = "Ranking weights YAML (default: the report's three selection criteria)" };
        var command = new Command("report", "A briefing of a report (Markdown or HTML): heatmap, gaps, top-ranked areas, watchlist verdicts, milestones — each statement with its lines")
        {
            doc, format, output, country, top, watchlist, weights,
        };
        command.SetAction(async (result, ct) =>
        {
            var chosen = Parse(result.GetValue(format))!.Value;
            Watchlist? list;
            RankingWeights? w;
            try { list = result.GetValue(watchlist) is { } wl ? WatchlistLoader.Load(wl) : null; }
            catch (WatchlistException e) { throw new CliException(e.Message); }
            try { w = result.GetValue(weights) is { } wp ? WeightsLoader.Load(wp) : null; }
            catch (WeightsException e) { throw new CliException(e.Message); }
            var code = LandscapeFilter.CountryCode(result.GetValue(country)!)
                ?? throw new CliException($"--country {result.GetValue(country)}: not a country code or name (JP, US, EU, CN, KR, TW, IN, 日本 …)");

            Briefing briefing;
            await using (var store = await context.OpenStoreAsync(result, mustExist: true, ct))
            {
                var reference = result.GetValue(doc);
                try { briefing = await BriefingBuilder.BuildAsync(store, reference, new BriefingOptions(code, result.GetValue(top) ?? 5, list, w), ct); }
                catch (DocumentReferenceException e)
                {
                    var all = await store.ListDocumentsAsync(ct);
                    throw new CliException(reference is null || DocumentNames.MatchesAny(all, reference) ? e.Message : DocumentNames.NoMatch(all, reference));
                }
                catch (NoLandscapeException e) { throw new CliException(e.Message); }
                catch (WatchlistException e) { throw new CliException(e.Message); }
            }
            var text = new BriefingRenderer().Render(briefing, chosen);
            if (result.GetValue(output) is { } path)
            {
                LandscapeCommand.WriteFile(path, text, "report");
                context.Err.WriteLine($"fukan: wrote the briefing on {LandscapeCommand.Name(briefing.Document)} to {path}");
            }
            else context.Out.Write(text);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static BriefingFormat? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "md" or "markdown" => BriefingFormat.Markdown,
        "html" or "htm" => BriefingFormat.Html,
        _ => null,
    };
}
