using System.CommandLine;
using Fukan.Analysis.Signals;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary>
/// <c>fukan signals [--watchlist FILE] [--evidence N] [--json]</c>: every watchlist signal against the knowledge base — status, latest
/// evidence (value, date, document, line) — and a verdict per domain (act / wait / watch) with its reasons.
/// </summary>
public static class SignalsCommand
{
    /// <summary>How many pieces of evidence a signal lists unless <c>--evidence</c> says otherwise.</summary>
    public const int DefaultEvidence = 20;

    public static Command Create(CliContext context)
    {
        var watchlist = new Option<string?>("--watchlist", "-w") { Description = "Watchlist YAML (default: the one Fukan ships; see data/watchlist.yaml)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var evidence = new Option<int>("--evidence")
        {
            Description = "List at most N pieces of evidence per signal, newest first (status and counts use all of them)",
            DefaultValueFactory = _ => DefaultEvidence,
        };
        var command = new Command("signals", "Evaluate the watchlist of signals (met / not met / no evidence / conflicting) and give a verdict per domain") { watchlist, json, evidence };
        command.SetAction(async (result, ct) =>
        {
            int evidenceLimit = result.GetValue(evidence);
            if (evidenceLimit < 0) throw new CliException($"--evidence {evidenceLimit}: a whole number of at least 0", ExitCodes.Usage);
            Watchlist list;
            try { list = result.GetValue(watchlist) is { } path ? WatchlistLoader.Load(path) : WatchlistLoader.LoadDefault(); }
            catch (WatchlistException e) { throw new CliException(e.Message); }
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            var corpus = await EvidenceCorpus.FindAsync(store, list, ct);
            WatchlistReport report;
            try { report = await new SignalEvaluator().EvaluateAsync(list, corpus, evidenceLimit, ct); }
            catch (WatchlistException e) { throw new CliException(e.Message); }
            if (result.GetValue(json)) { context.WriteJson(report); return ExitCodes.Ok; }
            Print(context.Console, report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, WatchlistReport report)
    {
        console.MarkupLine($"[grey]{Markup.Escape(report.Watchlist)} · {report.Signals.Count} signal(s) against {report.Documents} document(s)[/]");
        foreach (var domain in report.Domains)
        {
            console.WriteLine();
            var colour = domain.Verdict switch { DomainVerdict.Act => "green", DomainVerdict.Wait => "yellow", _ => "blue" };
            console.MarkupLine($"[bold]{Markup.Escape(domain.Domain)}[/]  [bold {colour}]{domain.Verdict.ToText().ToUpperInvariant()}[/]  {Markup.Escape(domain.Reasons[0])}");
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("signal").AddColumn("status").AddColumn("threshold").AddColumn("latest evidence").AddColumn("date").AddColumn("where");
            foreach (var id in domain.Signals)
            {
                var s = report.Signals.First(x => x.Id == id);
                var status = s.Status switch
                {
                    SignalStatus.Met => "[green]met[/]",
                    SignalStatus.NotMet => "[yellow]not met[/]",
                    SignalStatus.Conflicting => "[red]conflicting[/]",
                    _ => "[grey]no evidence[/]",
                };
                var threshold = s.Comparator == "occurs" ? "occurs" : $"{s.Comparator} {s.Threshold} {s.Unit}";
                // A numeric reason already quotes the value; a qualitative one needs the sentence it read.
                var latest = s.Latest is not { } e ? "—" : e.Value is not null ? e.Reason : $"{e.Reason}: {e.Sentence}";
                var where = s.Latest is { } l ? $"{l.DocumentId.Short[..6]}:{l.Line}" : "";
                table.AddRow(Markup.Escape(s.Id), status, Markup.Escape(threshold), Markup.Escape(DocsCommand.Truncate(latest, 70)),
                    Markup.Escape(s.Latest?.Date ?? ""), where);
            }
            console.Write(table);
            foreach (var id in domain.Signals)
            {
                var s = report.Signals.First(x => x.Id == id);
                if (s.Status == SignalStatus.NoEvidence) continue;
                console.MarkupLine($"  [grey]{Markup.Escape(s.Id)}: {Markup.Escape(s.Reason)}[/]");
                if (s.Status == SignalStatus.Met) console.MarkupLine($"  [green]fires:[/] {Markup.Escape(s.Fires)}");
            }
        }
    }
}
