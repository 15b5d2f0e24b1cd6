using System.CommandLine;
using System.Globalization;
using Fukan.Analysis.Ranking;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary>
/// <c>fukan rank [--weights FILE] [--method wsum|topsis] [--country JP] [--sensitivity] [--json]</c>: the research areas
/// of the knowledge base ranked on criteria computed from stored facts, each contribution with its evidence.
/// </summary>
public static class RankCommand
{
    public static Command Create(CliContext context)
    {
        var weights = new Option<string?>("--weights", "-w") { Description = "Weights YAML (default: the report's three selection criteria; `fukan init` writes a copy to edit)" };
        var method = new Option<string>("--method", "-m") { Description = "wsum (weighted sum) or topsis", DefaultValueFactory = _ => "wsum" };
        method.CompletionSources.Add("wsum", "topsis");
        var country = new Option<string>("--country", "-c") { Description = "Whose position is assessed: JP, US, EU, CN, KR …", DefaultValueFactory = _ => "JP" };
        var sensitivity = new Option<bool>("--sensitivity") { Description = "Perturb every weight by up to ±20 % in many draws and report how stable each rank is" };
        var draws = CliOptions.AtLeast(new Option<int>("--draws") { Description = "Sensitivity draws", DefaultValueFactory = _ => 1000 }, 1, 100_000);
        var seed = new Option<int>("--seed") { Description = "Sensitivity random seed", DefaultValueFactory = _ => 42 };
        var area = new Option<string?>("--area") { Description = "Explain one area: every criterion with its formula, numbers and evidence" };
        var limit = CliOptions.Limit("Show the top N areas", "-n");
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var doc = new Option<string?>("--doc") { Description = "Rank only this report's areas (with several reports or editions stored)" };
        var command = new Command("rank", "Rank the research areas by criteria computed from the knowledge base (weighted sum or TOPSIS)")
        {
            weights, method, country, sensitivity, draws, seed, area, limit, doc, json,
        };
        command.SetAction(async (result, ct) =>
        {
            if (RankingMethods.Find(result.GetValue(method)) is null) throw new CliException($"--method {result.GetValue(method)}: use wsum or topsis", ExitCodes.Usage);
            int n = result.GetValue(draws);
            RankingWeights w;
            try { w = result.GetValue(weights) is { } path ? WeightsLoader.Load(path) : WeightsLoader.LoadDefault(); }
            catch (WeightsException e) { throw new CliException(e.Message); }
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            var queries = new Fukan.Contracts.FukanQueries(store);
            var request = new Fukan.Contracts.RankRequest(w, result.GetValue(method)!, result.GetValue(country)!, result.GetValue(sensitivity), n, result.GetValue(seed))
            {
                Area = result.GetValue(area),
                Limit = result.GetValue(limit),
                DocumentReference = result.GetValue(doc),
                Document = result.GetValue(doc) is { } d ? await queries.ResolveAsync(d, ct) : null,
            };
            var report = await queries.RankAsync(request, ct);
            var areas = report.Areas;
            if (result.GetValue(json)) { context.WriteJson(report); return ExitCodes.Ok; }
            if (result.GetValue(area) is not null) Explain(context.Console, report, areas);
            else Print(context.Console, report, areas);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, RankingReport report, IReadOnlyList<RankedArea> areas)
    {
        bool narrow = console.Profile.Width < 100;
        console.MarkupLine($"[grey]{Markup.Escape(report.Method)} · country {Markup.Escape(report.Country)} · weights {Markup.Escape(report.Weights)}[/]");
        var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("rank").RightAligned()).AddColumn("area").AddColumn("title")
            .AddColumn(new TableColumn("score").RightAligned()).AddColumn("largest contributions");
        if (report.Sensitivity is not null) table.AddColumn(new TableColumn(narrow ? "stability" : "stability (5–95 %)").NoWrap());
        foreach (var a in areas)
        {
            var top = a.Criteria.Where(c => c.Contribution > 0).OrderByDescending(c => c.Contribution).Take(narrow ? 2 : 3)
                .Select(c => $"{c.Id} {c.Contribution.ToString("0.000", CultureInfo.InvariantCulture)}");
            var row = new List<string>
            {
                a.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(a.AreaId), Markup.Escape(TerminalText.Truncate(a.Title, narrow ? 16 : 30)),
                a.Score.ToString("0.000", CultureInfo.InvariantCulture), Markup.Escape(string.Join(narrow ? "\n" : ", ", top)),
            };
            if (a.Stability is { } s) row.Add($"{s.Stability:P0} ({s.P05}–{s.P95})");
            table.AddRow(row.ToArray());
        }
        console.Write(table);
        console.MarkupLine("[grey]weights: " + Markup.Escape(string.Join(", ", report.Criteria.Where(c => c.Weight > 0)
            .Select(c => $"{c.Id} {c.Weight.ToString("0.###", CultureInfo.InvariantCulture)}{(c.Direction == CriterionDirection.Cost ? " (cost)" : "")}"))) + "[/]");
        if (report.Sensitivity is { } sens)
            console.MarkupLine($"[grey]stability: the share of {sens.Draws} draws (seed {sens.Seed}, every weight perturbed by up to ±{sens.Perturbation:P0}) in which the area kept its rank; (a–b) = the ranks it took in 90 % of them (5th–95th percentile)[/]");
        console.MarkupLine("[grey]explain an area with --area ID; every number with its evidence is in --json[/]");
    }

    private static void Explain(IAnsiConsole console, RankingReport report, IReadOnlyList<RankedArea> areas)
    {
        foreach (var a in areas)
        {
            console.MarkupLine($"[bold]#{a.Rank} {Markup.Escape(a.AreaId)} {Markup.Escape(a.Title)}[/]  score {a.Score.ToString("0.000", CultureInfo.InvariantCulture)} ({Markup.Escape(report.Method)}, {Markup.Escape(report.Country)})  [grey]{Markup.Escape(a.DocumentTitle)}[/]");
            if (a.Stability is { } s) console.MarkupLine($"  stability {s.Stability:P0}: rank {s.MinRank}–{s.MaxRank} over {report.Sensitivity!.Draws} draws (5–95 %: {s.P05}–{s.P95})");
            var table = new Table().Border(TableBorder.Simple).AddColumn("criterion").AddColumn(new TableColumn("value").RightAligned())
                .AddColumn(new TableColumn("weight").RightAligned()).AddColumn(new TableColumn("contribution").RightAligned()).AddColumn("how");
            foreach (var c in a.Criteria)
                table.AddRow(Markup.Escape(c.Id), c.Value.ToString("0.###", CultureInfo.InvariantCulture), c.Weight.ToString("0.###", CultureInfo.InvariantCulture),
                    c.Contribution.ToString("0.000", CultureInfo.InvariantCulture), Markup.Escape(c.Detail));
            console.Write(table);
            foreach (var c in a.Criteria)
            {
                if (c.Evidence.Count == 0) continue;
                console.MarkupLine($"  [bold]{Markup.Escape(c.Id)}[/] evidence ({c.EvidenceCount}{(c.Evidence.Count < c.EvidenceCount ? $", first {c.Evidence.Count} shown" : "")}):");
                foreach (var e in c.Evidence)
                    console.MarkupLine($"    [grey]{e.DocumentId.Short}:{e.Line}[/] {Markup.Escape(TerminalText.Truncate(e.Text, 90))}");
            }
        }
    }
}
