using Fukan.Cli;

namespace Fukan.Tests.Support;

/// <summary>Runs the CLI in process and captures stdout, stderr and the exit code.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
    }

    /// <summary>Human output at 120 columns, the width of piped output when $COLUMNS is not set (so the tests do not depend on it).</summary>
    public static async Task<Result> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await FukanCli.RunAsync(args, output, error, false, 120);
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>With human output laid out for <paramref name="width"/> columns, as on a terminal that wide.</summary>
    public static async Task<Result> RunAtWidthAsync(int width, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await FukanCli.RunAsync(args, output, error, false, width);
        return new Result(code, output.ToString(), error.ToString());
    }
}
