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
    public const int DefaultEvidence = Fukan.Contracts.FukanQueries.DefaultEvidence;

    public static Command Create(CliContext context)
    {
        var watchlist = new Option<string?>("--watchlist", "-w") { Description = "Watchlist YAML (default: the one Fukan ships; `fukan init` writes a copy to edit)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var evidence = new Option<int>("--evidence")
        {
            Description = "List at most N pieces of evidence per signal, newest first (status and counts use all of them)",
            DefaultValueFactory = _ => DefaultEvidence,
        };
        var changesSince = CliOptions.ChangesSince("List only the signals whose status changed since a date (2025, 2025-06 or 2025-06-15), with the evidence published since");
        var command = new Command("signals", "Evaluate the watchlist of signals (met / not met / no evidence / conflicting) and give a verdict per domain") { watchlist, json, evidence, changesSince };
        command.SetAction(async (result, ct) =>
        {
            int evidenceLimit = result.GetValue(evidence);
            if (evidenceLimit < 0) throw new CliException($"--evidence {evidenceLimit}: a whole number of at least 0", ExitCodes.Usage);
            Watchlist list;
            try { list = result.GetValue(watchlist) is { } path ? WatchlistLoader.Load(path) : WatchlistLoader.LoadDefault(); }
            catch (WatchlistException e) { throw new CliException(e.Message); }
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            if (CliOptions.LastDay(result, changesSince) is { } since)
            {
                var changes = await new Fukan.Contracts.FukanQueries(store).SignalChangesAsync(list, since, evidenceLimit, ct);
                if (result.GetValue(json)) { context.WriteJson(changes); return ExitCodes.Ok; }
                PrintChanges(context.Console, changes);
                return ExitCodes.Ok;
            }
            var report = await new Fukan.Contracts.FukanQueries(store).SignalsAsync(list, evidenceLimit, ct);
            if (result.GetValue(json)) { context.WriteJson(report); return ExitCodes.Ok; }
            Print(context.Console, report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Status(SignalReport s) => Status(s.Status);

    private static string Status(SignalStatus status) => status switch
    {
        SignalStatus.Met => "[green]met[/]",
        SignalStatus.NotMet => "[yellow]not met[/]",
        SignalStatus.Conflicting => "[red]conflicting[/]",
        _ => "[grey]no evidence[/]",
    };

    /// <summary><c>--changes-since</c>: each changed verdict and signal, then the evidence published since that flipped it.</summary>
    private static void PrintChanges(IAnsiConsole console, SignalChanges changes)
    {
        console.MarkupLine($"[bold]changes since {Markup.Escape(changes.Since)}[/] [grey]({Markup.Escape(changes.Watchlist)}; {changes.DocumentsThen} document(s) then, {changes.DocumentsNow} now)[/]");
        if (changes.Signals.Count == 0 && changes.Domains.Count == 0)
        {
            console.WriteLine("no signal and no domain verdict changed");
            return;
        }
        foreach (var d in changes.Domains)
            console.MarkupLine($"  [bold]{Markup.Escape(d.Domain)}[/]  {Markup.Escape(d.Then.ToText().ToUpperInvariant())} → {Markup.Escape(d.Now.ToText().ToUpperInvariant())}");
        foreach (var s in changes.Signals)
        {
            console.MarkupLine($"  {Markup.Escape(s.Id)}  {Status(s.Then)} → {Status(s.Now)}  [grey]{Markup.Escape(s.Domain)}[/]");
            console.MarkupLine($"    now: {Markup.Escape(s.ReasonNow)}");
            foreach (var e in s.NewEvidence.Take(5))
                console.MarkupLine($"    + {Markup.Escape(e.Date ?? "undated")}  {Markup.Escape(TerminalText.DocRef(e.DocumentId))}:{e.Line}  {Markup.Escape(TerminalText.Truncate($"{e.Reason}: {e.Sentence}", 100))}");
            if (s.NewEvidence.Count > 5) console.MarkupLine($"    [grey]… {s.NewEvidence.Count - 5} more (--json)[/]");
        }
    }

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
