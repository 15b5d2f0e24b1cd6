using System.CommandLine;
using System.Globalization;
using Fukan.Analysis.Money;
using Fukan.Model;
using Fukan.Storage;
using Spectre.Console;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan money [--by entity|tech|country|year] [--doc D] [--after Y] [--before Y] [--currency C] [--json]</c>.</summary>
public static class MoneyCommand
{
    public static Command Create(CliContext context)
    {
        var by = new Option<string>("--by") { Description = "Group by entity (default: the organisation or programme), tech, country or year", DefaultValueFactory = _ => "entity" };
        var doc = new Option<string?>("--doc") { Description = "Only this document" };
        var after = new Option<string?>("--after") { Description = "Amounts dated in or after this period (2024, 2026-06)" };
        var before = new Option<string?>("--before") { Description = "Amounts dated in or before this period" };
        var currency = new Option<string?>("--currency") { Description = "Only this currency (JPY, USD, EUR, …)" };
        by.CompletionSources.Add("entity", "tech", "country", "year");
        var limit = CliOptions.Limit("At most N groups (human output defaults to 30)");
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("money", "Who puts how much money where: amounts linked to the organisations, technologies or countries their sentence names, summed per currency")
        {
            by, doc, after, before, currency, limit, json,
        };
        command.SetAction(async (result, ct) =>
        {
            var query = Fukan.Contracts.FukanQueries.Money(result.GetValue(by), result.GetValue(after), result.GetValue(before), result.GetValue(currency));
            var grouping = query.By;
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            var document = result.GetValue(doc) is { } d ? await ShowCommand.Resolve(store, d, ct) : null;
            var groups = await new Fukan.Contracts.FukanQueries(store).MoneyAsync(query, document, ct);
            int max = result.GetValue(limit) ?? (result.GetValue(json) ? int.MaxValue : 30);
            if (result.GetValue(json)) { context.WriteJson(groups.Take(max)); return ExitCodes.Ok; }
            if (groups.Count == 0) { context.Out.WriteLine("No amounts of money match."); return ExitCodes.Ok; }
            var table = new Table().Border(TableBorder.Rounded).AddColumn(grouping.ToString().ToLowerInvariant()).AddColumn("total per currency")
                .AddColumn(new TableColumn("amounts").RightAligned()).AddColumn("largest (doc · lines)");
            foreach (var g in groups.Take(max))
            {
                var largest = g.Amounts.OrderByDescending(x => x.Value).First();
                table.AddRow(Markup.Escape(g.Label), Markup.Escape(string.Join("; ", g.Totals.Select(t => $"{Format(t.Total)} {t.Currency}"))),
                    g.Amounts.Count.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape($"{TerminalText.Truncate(largest.Text, 24)} · {TerminalText.DocRef(largest.DocumentId)} {largest.Provenance.Line}"));
            }
            context.Console.Write(table);
            if (groups.Count > max) context.Console.WriteLine($"… {groups.Count - max} more groups (use --limit or --json)");
            context.Console.WriteLine("Amounts restated in one document count once; currencies are never converted.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Large sums in 万/億/兆-free scientific shorthand a reader can compare: 1.2e9 → 1.2 bn.</summary>
    private static string Format(decimal value) => Math.Abs(value) switch
    {
        >= 1_000_000_000_000m => $"{value / 1_000_000_000_000m:0.##} tn",
        >= 1_000_000_000m => $"{value / 1_000_000_000m:0.##} bn",
        >= 1_000_000m => $"{value / 1_000_000m:0.##} m",
        _ => value.ToString("#,0.##", CultureInfo.InvariantCulture),
    };
}
