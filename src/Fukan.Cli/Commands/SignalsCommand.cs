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
        var watchlist = new Option<string?>("--watchlist", "-w") { Description = "Watchlist YAML (default: the one Fukan ships; `fukan init` writes a copy to edit)" };
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

    private static string Status(SignalReport s) => s.Status switch
    {
        SignalStatus.Met => "[green]met[/]",
        SignalStatus.NotMet => "[yellow]not met[/]",
        SignalStatus.Conflicting => "[red]conflicting[/]",
        _ => "[grey]no evidence[/]",
    };

    // A numeric reason already quotes the value; a qualitative one needs the sentence it read.
    private static string Latest(SignalReport s) => s.Latest is not { } e ? "—" : e.Value is not null ? e.Reason : $"{e.Reason}: {e.Sentence}";

    private static string Where(SignalReport s) => s.Latest is { } l ? $"{TerminalText.DocRef(l.DocumentId)}:{l.Line}" : "";

    /// <summary>Wide terminals: a table, one row per signal.</summary>
    private static void Table(IAnsiConsole console, WatchlistReport report, DomainReport domain)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("signal").NoWrap()).AddColumn(new TableColumn("status").NoWrap()).AddColumn("threshold").AddColumn("latest evidence")
            .AddColumn(new TableColumn("date").NoWrap()).AddColumn(new TableColumn("where").NoWrap());
        foreach (var id in domain.Signals)
        {
            var s = report.Signals.First(x => x.Id == id);
            var threshold = s.Comparator == "occurs" ? "occurs" : $"{s.Comparator} {s.Threshold} {s.Unit}";
            table.AddRow(Markup.Escape(s.Id), Status(s), Markup.Escape(threshold), Markup.Escape(TerminalText.Truncate(Latest(s), 70)),
                Markup.Escape(s.Latest?.Date ?? ""), Where(s));
        }
        console.Write(table);
    }

    /// <summary>Narrow terminals: each signal on a line of its own, its latest evidence wrapped under it.</summary>
    private static void List(IAnsiConsole console, WatchlistReport report, DomainReport domain, int width)
    {
        foreach (var id in domain.Signals)
        {
            var s = report.Signals.First(x => x.Id == id);
            var where = Where(s);
            console.MarkupLine($"  {Markup.Escape(s.Id)}  {Status(s)}{(where.Length > 0 ? $"  [grey]{Markup.Escape(where)}  {Markup.Escape(s.Latest?.Date ?? "")}[/]" : "")}");
            foreach (var l in TerminalText.Wrap(TerminalText.Truncate(Latest(s), 3 * width), width, "    ", "    ")) console.WriteLine(l);
        }
    }

    private static void Print(IAnsiConsole console, WatchlistReport report)
    {
        int width = console.Profile.Width;
        console.MarkupLine($"[grey]{Markup.Escape(report.Watchlist)} · {report.Signals.Count} signal(s) against {report.Documents} document(s)[/]");
        foreach (var domain in report.Domains)
        {
            console.WriteLine();
            var colour = domain.Verdict switch { DomainVerdict.Act => "green", DomainVerdict.Wait => "yellow", _ => "blue" };
            var verdict = $"{domain.Domain}  {domain.Verdict.ToText().ToUpperInvariant()}  ";
            var reason = TerminalText.Truncate(domain.Reasons[0], Math.Max(20, width - TerminalText.Width(verdict)));
            console.MarkupLine($"[bold]{Markup.Escape(domain.Domain)}[/]  [bold {colour}]{domain.Verdict.ToText().ToUpperInvariant()}[/]  {Markup.Escape(reason)}");
            if (width >= 100) Table(console, report, domain);
            else List(console, report, domain, width);
            foreach (var id in domain.Signals)
            {
                var s = report.Signals.First(x => x.Id == id);
                if (s.Status == SignalStatus.NoEvidence) continue;
                foreach (var l in TerminalText.Wrap($"{s.Id}: {s.Reason}", width, "  ", "    ")) console.MarkupLine($"[grey]{Markup.Escape(l)}[/]");
                if (s.Status == SignalStatus.Met)
                    foreach (var l in TerminalText.Wrap($"fires: {s.Fires}", width, "  ", "    ")) console.WriteLine(l);
            }
        }
    }
}
