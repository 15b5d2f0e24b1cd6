using System.CommandLine;
using System.Text.Json;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Search;
using Fukan.Storage;
using Spectre.Console;

namespace Fukan.Cli;

/// <summary>A user-facing failure: printed as one line on stderr, with its exit code.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>0 ok, 1 bad input, 2 usage, 3 bug.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int BadInput = 1;
    public const int Usage = 2;
    public const int Bug = 3;
}

/// <summary>
/// What every command needs: where to write (stdout for results, stderr for diagnostics), a console for
/// humans, the pipeline, and the store named by --db, FUKAN_DB or ./fukan.db.
/// </summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool interactive = false, int? width = null)
    {
        // Human output goes through the terminal-safety filter (document text may carry ESC sequences);
        // JSON and CSV go to MachineOut as they are.
        MachineOut = output is SafeTerminalWriter safeOut ? safeOut.Inner : output;
        Out = output as SafeTerminalWriter ?? new SafeTerminalWriter(output);
        Err = error as SafeTerminalWriter ?? new SafeTerminalWriter(error);
        output = MachineOut;
        error = error is SafeTerminalWriter safeErr ? safeErr.Inner : error;
        Interactive = interactive;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        Console.Pipeline.Attach(new SafeTerminalHook());
        // A terminal's own width; piped output takes $COLUMNS (as `COLUMNS=80 fukan landscape | less` means), else 120.
        if (width is int w) Console.Profile.Width = Math.Max(MinWidth, w);
        else if (!interactive) Console.Profile.Width = ColumnsFromEnvironment() ?? 120;
        ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        ErrorConsole.Pipeline.Attach(new SafeTerminalHook());
    }

    /// <summary>Narrower than this, no layout is readable; widths below it are raised to it.</summary>
    public const int MinWidth = 40;

    /// <summary>$COLUMNS when it is a plausible width.</summary>
    internal static int? ColumnsFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int c) && c > 0
            ? Math.Clamp(c, MinWidth, 1000) : null;

    /// <summary>Columns human output is laid out for.</summary>
    public int Width => Console.Profile.Width;

    /// <summary>The width given by the caller (tests), passed on to nested runs (demo).</summary>
    internal int? RequestedWidth { get; init; }

    /// <summary>Human output: text that could drive a terminal is shown or removed (<see cref="Fukan.Rendering.TerminalSafety"/>).</summary>
    public TextWriter Out { get; }

    /// <summary>Machine output (JSON, CSV): the text as stored.</summary>
    public TextWriter MachineOut { get; }
    public TextWriter Err { get; }
    public bool Interactive { get; }

    /// <summary>Human output (tables, trees). Never used for --json.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Progress display, on stderr so stdout stays clean.</summary>
    public IAnsiConsole ErrorConsole { get; }

    private FukanPipeline? _pipeline;

    /// <summary>The --gazetteer option of ingest (the only verb it changes): YAML files that extend the entity list (repeatable; also $FUKAN_GAZETTEER, ':'-separated).</summary>
    public static Option<string[]> GazetteerOption { get; } = new("--gazetteer")
    {
        Description = "Extra gazetteer YAML (entities and aliases; `fukan init` writes one to fill in); repeatable. Also $FUKAN_GAZETTEER (':'-separated)",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The pipeline, with the user's gazetteer files when given. A bad file is a one-line error.</summary>
    public FukanPipeline PipelineFor(ParseResult result)
    {
        if (_pipeline is not null) return _pipeline;
        var files = new List<string>(result.GetValue(GazetteerOption) ?? []);
        var env = Environment.GetEnvironmentVariable("FUKAN_GAZETTEER");
        if (!string.IsNullOrWhiteSpace(env)) files.AddRange(env.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Fukan.Extraction.Entities.Gazetteer? gazetteer = null;
        if (files.Count > 0)
        {
            var problems = new List<Diagnostic>();
            gazetteer = Fukan.Extraction.Entities.Gazetteer.Load(files, problems);
            var error = problems.FirstOrDefault(d => d.Severity == Severity.Error) ?? problems.FirstOrDefault();
            if (error is not null) throw new CliException(error.ToString());
        }
        return _pipeline = FukanDefaults.CreatePipeline(gazetteer);
    }

    /// <summary>The --db option, recursive so every verb takes it.</summary>
    public static Option<string?> DbOption { get; } = new("--db")
    {
        Description = "Knowledge base: a file (SQLite) or a PostgreSQL URL (default: $FUKAN_DB, else ./fukan.db)",
        Recursive = true,
    };

    public static string DbPath(ParseResult result)
    {
        var path = result.GetValue(DbOption);
        return string.IsNullOrWhiteSpace(path) ? KnowledgeBase.DefaultLocation() : path;
    }

    /// <summary>
    /// Opens the knowledge base. With <paramref name="mustExist"/> it is opened for reading: nothing is written and a
    /// missing one is an error; otherwise for writing (created and migrated when needed).
    /// </summary>
    public async Task<IKnowledgeStore> OpenStoreAsync(ParseResult result, bool mustExist, CancellationToken cancellationToken, ISearchAnalyzer? analyzer = null)
    {
        var location = DbPath(result);
        try
        {
            var store = await KnowledgeBase.OpenAsync(location, mustExist ? StoreAccess.Read : StoreAccess.Write, analyzer, cancellationToken);
            if (CliOptions.AsOfOf(result) is not { } asOf) return store;
            var view = new AsOfKnowledgeStore(store, asOf);
            int leftOut = await view.LeftOutAsync(cancellationToken), undated = await view.UndatedAsync(cancellationToken);
            if (leftOut > 0)
                Err.WriteLine($"fukan: {asOf}: {leftOut} document(s) left out{(undated > 0 ? $", {undated} of them undated" : "")}");
            return view;
        }
        catch (StoreException e)
        {
            throw new CliException(e.Message);
        }
    }

    public void WriteJson<T>(T value) => MachineOut.WriteLine(JsonSerializer.Serialize(value, FukanJson.Indented));

    /// <summary>A diagnostic as one stderr line.</summary>
    public void Report(Diagnostic diagnostic) => Err.WriteLine($"fukan: {diagnostic}");
}
