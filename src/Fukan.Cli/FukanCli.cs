using System.CommandLine;
using System.Text.RegularExpressions;
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
        root.Subcommands.Add(ConflictsCommand.Create(context));
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
        root.Subcommands.Add(CopyCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(CompletionCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context, args => RunAsync(args, context.Out, context.Err, context.Interactive, context.RequestedWidth)));
        foreach (var verb in root.Subcommands)
            if (CliOptions.AsOfVerbs.Contains(verb.Name)) CliOptions.AddAsOf(verb);
        return root;
    }

    /// <summary>"Cannot parse argument 'abc' for option '--from' as expected type 'System.Nullable`1[System.Int32]'" → "--from abc: not a whole number".</summary>
    internal static string Readable(string message)
    {
        var m = Regex.Match(message, @"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'");
        if (m.Success)
        {
            var type = m.Groups["type"].Value;
            string expected = type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) ? "not a whole number"
                : type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) ? "not a number"
                : type.Contains("DateOnly", StringComparison.Ordinal) ? "not a date (YYYY-MM-DD)"
                : "not a valid value";
            return $"{m.Groups["option"].Value} {m.Groups["value"].Value}: {expected}";
        }
        if ((m = Regex.Match(message, @"^Option '(?<option>[^']+)' is required\.?$")).Success) return $"{m.Groups["option"].Value} is required";
        if ((m = Regex.Match(message, @"^Required argument '(?<argument>[^']+)' missing for command: '(?<command>[^']+)'\.?$")).Success)
            return $"{m.Groups["command"].Value}: the {m.Groups["argument"].Value.ToUpperInvariant()} argument is missing";
        if ((m = Regex.Match(message, @"^Argument '(?<value>.*)' not recognized\. Must be one of:(?<values>.*)$", RegexOptions.Singleline)).Success)
            return $"{m.Groups["value"].Value}: use one of {string.Join(", ", Regex.Matches(m.Groups["values"].Value, "'([^']*)'").Select(x => x.Groups[1].Value))}";
        if ((m = Regex.Match(message, @"^Unrecognized command or argument '(?<token>.*)'\.?$")).Success) return $"{m.Groups["token"].Value}: not a command or option here";
        return Regex.Replace(message, @"\s+", " ").Trim().TrimEnd('.');
    }

    /// <summary>
    /// The parse errors as the one line every usage error is: the first error that says something (a missing
    /// command is only the consequence of an unknown one), and where to read more.
    /// </summary>
    internal static string UsageLine(ParseResult parse)
    {
        var messages = new List<string>();
        foreach (var e in parse.Errors) messages.Add(e.Message);
        var command = parse.CommandResult.Command;
        bool atRoot = command is RootCommand;
        if (atRoot && messages.Count > 1) messages.RemoveAll(m => m.StartsWith("Required command was not provided", StringComparison.Ordinal));
        string first;
        if (messages.Count == 1 && messages[0].StartsWith("Required command was not provided", StringComparison.Ordinal))
            first = "no command given";
        else if (atRoot && Regex.Match(messages[0], @"^Unrecognized command or argument '(?<token>.*)'\.?$") is { Success: true } u && !u.Groups["token"].Value.StartsWith('-'))
            first = $"{u.Groups["token"].Value}: not a fukan command";
        else first = Readable(messages[0]);
        var help = atRoot ? "`fukan --help`" : $"`fukan {command.Name} --help`";
        return $"{first}{(messages.Count > 1 ? $" (and {messages.Count - 1} more)" : "")}; see {help}".ReplaceLineEndings(" ");
    }

    /// <summary>Runs the CLI: results on <paramref name="output"/>, diagnostics on <paramref name="error"/>; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive = false, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, interactive, null, cancellationToken);

    /// <summary>Runs the CLI with human output laid out for <paramref name="width"/> columns (null: the terminal's, or $COLUMNS).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive, int? width, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error, interactive, width) { RequestedWidth = width };
        error = context.Err; // messages quote document text: through the terminal-safety filter too
        var root = CreateRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            error.WriteLine($"fukan: {UsageLine(parse)}");
            return ExitCodes.Usage;
        }
        try
        {
            var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (CliException e)
        {
            error.WriteLine($"fukan: {e.Message.ReplaceLineEndings(" ")}");
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
        catch (OutOfMemoryException)
        {
            // The heap is capped (docs/robustness.md): an answer that does not fit is the question's size, not a bug.
            long limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            error.WriteLine($"fukan: out of memory: the answer does not fit in the {limit / (1024 * 1024)} MB heap; narrow the question (a date range, --limit, --top, --doc) or raise the limit for one run with DOTNET_GCHeapHardLimit=0x40000000");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            error.WriteLine($"fukan: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            if (Environment.GetEnvironmentVariable("FUKAN_DEBUG") == "1") error.WriteLine(e);
            return ExitCodes.Bug;
        }
    }
}
