using System.CommandLine;
using Fukan.Cli.Commands;

namespace Fukan.Cli;

/// <summary>The command tree and its invocation: thin verbs over the library.</summary>
public static class FukanCli
{
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("fukan (俯瞰): technology-landscape intelligence over R&D reports, minutes and articles")
        {
            CliContext.DbOption,
            CliContext.GazetteerOption,
        };
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(DocsCommand.Create(context));
        root.Subcommands.Add(ShowCommand.Create(context));
        root.Subcommands.Add(SourceCommand.Create(context));
        root.Subcommands.Add(SearchCommand.Create(context));
        root.Subcommands.Add(SearchCommand.CreateRelated(context));
        root.Subcommands.Add(SearchCommand.CreateReindex(context));
        root.Subcommands.Add(FactsCommand.Create(context));
        root.Subcommands.Add(TimelineCommand.Create(context));
        root.Subcommands.Add(SignalsCommand.Create(context));
        root.Subcommands.Add(RankCommand.Create(context));
        root.Subcommands.Add(EntitiesCommand.Create(context));
        root.Subcommands.Add(MinutesCommand.Create(context));
        root.Subcommands.Add(LandscapeCommand.Create(context));
        root.Subcommands.Add(AreaCommand.Create(context));
        root.Subcommands.Add(GapsCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(MoneyCommand.Create(context));
        root.Subcommands.Add(StoreCommands.CreateRemove(context));
        root.Subcommands.Add(StoreCommands.CreateMigrate(context));
        root.Subcommands.Add(DemoCommand.Create(context, args => RunAsync(args, context.Out, context.Err, context.Interactive)));
        return root;
    }

    /// <summary>"Cannot parse argument 'abc' for option '--from' as expected type 'System.Nullable`1[System.Int32]'" → "--from abc: not a whole number".</summary>
    internal static string Readable(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'");
        if (!m.Success) return message;
        var type = m.Groups["type"].Value;
        string expected = type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) ? "not a whole number"
            : type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) ? "not a number"
            : type.Contains("DateOnly", StringComparison.Ordinal) ? "not a date (YYYY-MM-DD)"
            : "not a valid value";
        return $"{m.Groups["option"].Value} {m.Groups["value"].Value}: {expected}";
    }

    /// <summary>Runs the CLI: results on <paramref name="output"/>, diagnostics on <paramref name="error"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive = false, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error, interactive);
        var root = CreateRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var e in parse.Errors) error.WriteLine($"fukan: {Readable(e.Message)}");
            error.WriteLine("fukan: see `fukan --help`");
            return ExitCodes.Usage;
        }
        try
        {
            var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (CliException e)
        {
            error.WriteLine($"fukan: {e.Message}");
            return e.ExitCode;
        }
        catch (Fukan.Contracts.QueryException e)
        {
            error.WriteLine($"fukan: {e.Message}");
            return e.Problem == Fukan.Contracts.QueryProblem.BadParameter ? ExitCodes.Usage : ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("fukan: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            error.WriteLine($"fukan: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            if (Environment.GetEnvironmentVariable("FUKAN_DEBUG") == "1") error.WriteLine(e);
            return ExitCodes.Bug;
        }
    }
}
