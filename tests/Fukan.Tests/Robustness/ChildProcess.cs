using System.Diagnostics;

namespace Fukan.Tests.Robustness;

/// <summary>
/// Runs the built CLI (fukan.dll beside the tests, with its runtimeconfig and so its heap limit) as a child
/// process with a timeout: hostile inputs that used to hang or exhaust memory are run where they cannot take the
/// test host down. A child still running at the timeout is killed and the test fails.
/// </summary>
internal static class ChildProcess
{
    public sealed record Result(int ExitCode, string Out, string Err, bool TimedOut)
    {
        public override string ToString() => $"exit {ExitCode}{(TimedOut ? " (timed out)" : "")}\n--- stdout\n{Out}\n--- stderr\n{Err}";
    }

    public static async Task<Result> RunCliAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fukan.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment.Remove("FUKAN_DB");
        if (environment is not null)
            foreach (var (k, v) in environment) info.Environment[k] = v;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        bool timedOut = false;
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return new Result(process.ExitCode, await stdout, await stderr, timedOut);
    }

    /// <summary>Runs a shell command (mkfifo, odd file names) and waits for it.</summary>
    public static void Shell(string command)
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        using var p = Process.Start(info)!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"`{command}` exited {p.ExitCode}");
    }
}
